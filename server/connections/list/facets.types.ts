import { z } from "zod";

import { FACET_KEYS, type FacetKey } from "../../../lib/constants";

export { FACET_KEYS, type FacetKey };

/** Past this many matching rows, counts become lower bounds and say so. */
export const FACET_SAMPLE_CAP = 10_000;

export const ZFacetValueSchema = z.object({ value: z.string(), label: z.string(), n: z.number() });
export type FacetValue = z.infer<typeof ZFacetValueSchema>;

export const ZFacetsResponseSchema = z.object({
  /**
   * true: every number is exact. false: the matching rows were sampled up to `cap`, so each
   * number is a lower bound and must be shown as such ("10,000+", "≥ 37").
   */
  exact: z.boolean(),
  cap: z.number(),
  /** rows matching all filters */
  total: z.number(),
  /** false: more than `cap` rows match, show the total as "10,000+" */
  totalExact: z.boolean(),
  facets: z.record(z.enum(FACET_KEYS), z.array(ZFacetValueSchema)),
});
export type FacetsResponse = z.infer<typeof ZFacetsResponseSchema>;
