// Facet counts from the trigger-maintained summary (one row per combination of facet values,
// ~4,000 at a million connections), summed by the database: per facet, one GROUP BY over the
// summary rows that pass every other facet filter, plus the total. The database adds up the
// summary rows instead of shipping all of them to be tallied here: 11 small aggregates instead
// of ~45,000 values turned into objects.
import { sql, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/types";
import { escapeLike } from "../../sql/like";
import type { TenantScope } from "../../scope/tenant-scope";
import { allowed, type FacetTally } from "./facet-count";
import { FACET_KEYS, type FacetKey } from "./facets.types";
import type { ConnectionFilters } from "./filters";

type Summary<O> = SelectQueryBuilder<Database, "connection_facet_counts", O>;

/** The summary column holding each facet's value. */
const COLUMN = {
  status: "status",
  provider: "provider",
  platform: "platform",
  environment: "environment",
  category: "categories",
  tenant: "tenant_id",
  needsRelink: "needs_relink",
  userPaused: "user_paused",
  platformPaused: "platform_paused",
  hasActiveErrors: "has_errors",
} as const satisfies Record<FacetKey, keyof Database["connection_facet_counts"]>;

const ref = (k: FacetKey) => sql.ref(`connection_facet_counts.${COLUMN[k]}`);

/** Summary rows passing every facet filter but `except`'s (the same values `allowed` takes). */
function where<O>(q: Summary<O>, filters: ConnectionFilters, except?: FacetKey): Summary<O> {
  let out = q.where("connection_facet_counts.n", ">", 0);
  for (const k of FACET_KEYS) {
    const values = k === except ? undefined : allowed(filters, k);
    if (!values) continue;
    const list = [...values];
    if (k === "category") {
      // categories is the lower-cased JSON array text: a whole quoted element matches.
      const likes = list.map((c) => sql<boolean>`${ref(k)} LIKE ${`%${escapeLike(JSON.stringify(c))}%`} ESCAPE '\\'`);
      out = out.where(sql<boolean>`(${sql.join(likes, sql` OR `)})`);
    } else if (
      COLUMN[k] === "needs_relink" ||
      COLUMN[k] === "user_paused" ||
      COLUMN[k] === "platform_paused" ||
      COLUMN[k] === "has_errors"
    ) {
      out = out.where(sql<boolean>`${ref(k)} IN (${sql.join(list.map(Number))})`);
    } else {
      out = out.where(sql<boolean>`${ref(k)} IN (${sql.join(list)})`);
    }
  }
  return out;
}

/** Elements of a lower-cased JSON array of strings (the summary's categories). */
export function elements(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === "string") : [];
  } catch {
    return [];
  }
}

export async function summaryTally(scope: TenantScope, filters: ConnectionFilters): Promise<FacetTally> {
  const grouped = FACET_KEYS.map((k) =>
    where(scope.facetCounts(), filters, k)
      .select([ref(k).as("v"), sql<number>`sum(connection_facet_counts.n)`.as("n")])
      .groupBy(ref(k))
      .execute(),
  );
  const total = where(scope.facetCounts(), filters)
    .select(sql<number | null>`sum(connection_facet_counts.n)`.as("n"))
    .executeTakeFirst();
  const [rows, sum] = await Promise.all([Promise.all(grouped), total]);
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as FacetTally["counts"];
  FACET_KEYS.forEach((k, i) => {
    const c = counts[k];
    for (const r of rows[i]!) {
      const values = k === "category" ? elements(String(r.v)) : [String(r.v)];
      for (const v of values) c.set(v, (c.get(v) ?? 0) + r.n);
    }
  });
  return { counts, total: sum?.n ?? 0 };
}
