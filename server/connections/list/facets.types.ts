import { z } from "zod";

import { FACET_KEYS, type FacetKey } from "../../../lib/constants";

export { FACET_KEYS, type FacetKey };

/**
 * Connection rows one facet request reads at most when a filter is not a summary dimension
 * (search, dates, tags, error groups); past that, counts become lower bounds and say so. Sized
 * so the read stays within 50 ms p95 at a million connections on both databases (docs/BENCHMARKS.md).
 */
export const FACET_SAMPLE_CAP = 2_000;

export const ZFacetValueSchema = z.object({ value: z.string(), label: z.string(), n: z.number() });
export type FacetValue = z.infer<typeof ZFacetValueSchema>;

export const ZFacetsResponseSchema = z.object({
  /**
   * true: every number is exact. false: the matching rows were sampled up to `cap`, so each
   * number is a lower bound and must be shown as such ("2,000+", "≥ 37").
   */
  exact: z.boolean(),
  cap: z.number(),
  /** rows matching all filters */
  total: z.number(),
  /** false: more than `cap` rows match, at least `total` match: show it as "2,000+" */
  totalExact: z.boolean(),
  facets: z.record(z.enum(FACET_KEYS), z.array(ZFacetValueSchema)),
});
export type FacetsResponse = z.infer<typeof ZFacetsResponseSchema>;
