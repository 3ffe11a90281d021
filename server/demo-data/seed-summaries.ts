// The derived summaries of a bulk seed into an empty database, computed where each batch is
// generated instead of by GROUP BY rebuilds over a million rows afterwards: per batch the
// per-error rows (each error's group, each group's active errors per connection: a connection's
// errors are all in its batch) and partial counts, merged in batch order by the inserting thread
// into the few thousand summary rows. The result must be exactly what db/list-derived.ts' and
// server/home/operations-derived.ts' rebuild statements give (seed-summaries.test.ts compares).
import { FACET_DIMS } from "../../db/facet-dims";
import { errorGroupId } from "../../db/sql-functions";
import { errorMessageShape } from "../../lib/error-message-shape";
import type { GeneratedBatch } from "./seed-batch";

type Num = number | bigint | boolean | null | undefined;
const int = (v: Num) => Number(v ?? 0);
/** SQLite's lower() (ASCII only); a value with other letters makes the batch's facets inexact. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const SEP = "\u0000";

/** A summary row's key columns (joined) and its summed value columns. */
type Counts = Map<string, number[]>;
/** A summary row's key columns (joined) and its count. */
type Count = Map<string, number>;

export interface BatchSummary {
  /** false: a value the JavaScript cannot reproduce exactly (non-ASCII facet text): rebuild in SQL */
  exact: boolean;
  facets: Count;
  connectionCounts: Counts;
  /** tenant, UTC day created, facet, value (migration 0013's marginals) */
  createdFacets: Count;
  /** tenant, column, minute (its hours and days are summed from them at the end) */
  minuteCounts: Count;
  errorDays: Counts;
  /** group id → provider, status code, shape */
  groups: Map<string, [string, string | null, string]>;
  /** group, tenant → active errors, connections with an active error, first and last errored_at */
  groupTenants: Map<string, [number, number, string, string]>;
  groupDays: Count;
  /** whole rows: error id, group id, tenant id */
  members: unknown[][];
  /** whole rows: group id, connection id, tenant id, active errors */
  groupConnections: unknown[][];
}

/**
 * ops_day_counts' buckets, as operations-derived.ts' TIME_BUCKETS (that module loads the database
 * drivers, which a worker does without): per column the first 10, 13 or 16 characters, so a
 * connection is counted per minute and the hours and days are sums of their minutes.
 */
const BUCKETS = ["expires", "sync"].flatMap((name) =>
  [
    ["d", 10],
    ["h", 13],
    ["m", 16],
  ].map(([unit, len]) => ({ name, kind: `${name}:${unit}`, len: Number(len) })),
);

function inc(map: Count, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function add(map: Counts, key: string, values: number[]): void {
  const have = map.get(key);
  if (!have) map.set(key, values.slice());
  else for (let i = 0; i < values.length; i++) have[i] = (have[i] ?? 0) + (values[i] ?? 0);
}

export function emptySummary(): BatchSummary {
  return {
    exact: true,
    facets: new Map(),
    createdFacets: new Map(),
    connectionCounts: new Map(),
    minuteCounts: new Map(),
    errorDays: new Map(),
    groups: new Map(),
    groupTenants: new Map(),
    groupDays: new Map(),
    members: [],
    groupConnections: [],
  };
}

/** migration 0013's facet names, in the order of the facet summary's columns after the tenant. */
const CREATED_FACETS = [
  "status",
  "provider",
  "platform",
  "environment",
  "category",
  "needsRelink",
  "userPaused",
  "platformPaused",
  "hasActiveErrors",
] as const;

/** Demo errors repeat a few hundred messages: each one's group and shape, worked out once per thread. */
const groupings = new Map<string, { group: string; shape: string }>();
function grouping(provider: string, code: string | null, message: string | null) {
  const key = `${provider}${SEP}${code ?? SEP}${SEP}${message ?? SEP}`;
  let g = groupings.get(key);
  if (!g) {
    if (groupings.size > 100_000) groupings.clear();
    g = { group: errorGroupId(provider, code, message), shape: errorMessageShape(message) };
    groupings.set(key, g);
  }
  return g;
}

export function summarizeBatch(batch: GeneratedBatch): BatchSummary {
  const s = emptySummary();
  const provider = new Map<string, string>();
  for (const c of batch.connections) {
    provider.set(c.id, c.provider);
    const environment = c.environment ?? "";
    const categories = c.categories;
    if (/[\u0080-\uffff]/.test(environment + categories)) s.exact = false;
    const withErrors = int(c.open_error_count) > 0 ? 1 : 0;
    const facet = [
      c.tenant_id,
      c.status,
      c.provider,
      c.platform,
      asciiLower(environment),
      asciiLower(categories),
      int(c.needs_relink),
      int(c.user_paused),
      int(c.platform_paused),
      withErrors,
    ];
    inc(s.facets, facet.join(SEP));
    // As createdFacetExprs: one row per facet, the value as text.
    const created = `${c.tenant_id}${SEP}${c.created_at.slice(0, 10)}${SEP}`;
    for (let i = 0; i < CREATED_FACETS.length; i++)
      inc(s.createdFacets, `${created}${CREATED_FACETS[i]}${SEP}${String(facet[i + 1])}`);
    add(s.connectionCounts, [c.tenant_id, c.provider, c.status].join(SEP), [
      1,
      int(c.needs_relink),
      int(c.user_paused),
      int(c.platform_paused),
      withErrors,
    ]);
    if (c.auth_expires_at != null)
      inc(s.minuteCounts, `${c.tenant_id}${SEP}expires${SEP}${c.auth_expires_at.slice(0, 16)}`);
    if (c.last_sync_at != null) inc(s.minuteCounts, `${c.tenant_id}${SEP}sync${SEP}${c.last_sync_at.slice(0, 16)}`);
  }
  // group, connection → tenant (the least of its errors'), active errors
  const active = new Map<string, [string, number]>();
  for (const e of batch.errors) {
    const day = e.errored_at.slice(0, 10);
    add(s.errorDays, [e.tenant_id, day].join(SEP), [1, 0]);
    if (e.status === "resolved" && e.resolved_at != null)
      add(s.errorDays, [e.tenant_id, e.resolved_at.slice(0, 10)].join(SEP), [0, 1]);
    const p = provider.get(e.connection_id);
    if (p === undefined) throw new Error(`error ${e.id} of a connection outside its batch`);
    const code = e.status_code ?? null;
    const { group, shape } = grouping(p, code, e.message ?? null);
    s.members.push([e.id, group, e.tenant_id]);
    const known = s.groups.get(group);
    if (!known) s.groups.set(group, [p, code, shape]);
    else s.groups.set(group, [min(known[0], p), min(known[1], code), min(known[2], shape)]);
    const isActive = e.status === "active" ? 1 : 0;
    const gt = [group, e.tenant_id].join(SEP);
    const t = s.groupTenants.get(gt);
    if (!t) s.groupTenants.set(gt, [isActive, 0, e.errored_at, e.errored_at]);
    else {
      t[0] += isActive;
      t[2] = min(t[2], e.errored_at)!;
      t[3] = max(t[3], e.errored_at)!;
    }
    inc(s.groupDays, `${group}${SEP}${e.tenant_id}${SEP}${day}`);
    if (isActive) {
      const key = [group, e.connection_id].join(SEP);
      const a = active.get(key);
      if (!a) active.set(key, [e.tenant_id, 1]);
      else {
        a[0] = min(a[0], e.tenant_id)!;
        a[1] += 1;
      }
    }
  }
  for (const [key, [tenant, n]] of active) {
    const [group, connection] = key.split(SEP) as [string, string];
    s.groupConnections.push([group, connection, tenant, n]);
    const t = s.groupTenants.get([group, tenant].join(SEP));
    if (t) t[1] += 1;
  }
  return s;
}

/** SQL's min() and max() of text: NULL only when both are. */
function min<T extends string | null>(a: T, b: T): T {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
function max<T extends string | null>(a: T, b: T): T {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Folds a batch's partial summary into the run's (the whole rows are written with the batch). */
export function mergeSummary(total: BatchSummary, part: BatchSummary): void {
  total.exact &&= part.exact;
  for (const k of ["facets", "createdFacets", "minuteCounts", "groupDays"] as const)
    for (const [key, n] of part[k]) inc(total[k], key, n);
  for (const k of ["connectionCounts", "errorDays"] as const)
    for (const [key, values] of part[k]) add(total[k], key, values);
  for (const [id, g] of part.groups) {
    const known = total.groups.get(id);
    total.groups.set(id, known ? [min(known[0], g[0]), min(known[1], g[1]), min(known[2], g[2])] : g);
  }
  for (const [key, t] of part.groupTenants) {
    const known = total.groupTenants.get(key);
    if (!known) total.groupTenants.set(key, t);
    else total.groupTenants.set(key, [known[0] + t[0], known[1] + t[1], min(known[2], t[2]), max(known[3], t[3])]);
  }
}

export interface SummaryTable {
  table: string;
  columns: string[];
  rows: unknown[][];
}

const split = (map: Counts | Count) =>
  [...map].map(([key, values]: [string, number | number[]]) => [...key.split(SEP), ...[values].flat()]);

/** ops_day_counts' rows: each bucket (day, hour, minute) the sum of the minutes in it. */
function dayCounts(minutes: Count): Count {
  const out: Count = new Map();
  for (const [key, n] of minutes) {
    const [tenant, name, minute] = key.split(SEP) as [string, string, string];
    for (const b of BUCKETS)
      if (b.name === name) inc(out, `${tenant}${SEP}${b.kind}${SEP}${minute.slice(0, b.len)}`, n);
  }
  return out;
}
const facetRow = (row: unknown[]) => row.map((v, i) => (i >= 6 && i <= 9 ? Number(v) : v));

/** The per-error rows of a batch, written with it. */
export function batchRowTables(s: BatchSummary): SummaryTable[] {
  return [
    { table: "ops_error_members", columns: ["error_id", "group_id", "tenant_id"], rows: s.members },
    {
      table: "ops_error_group_connections",
      columns: ["group_id", "connection_id", "tenant_id", "active_n"],
      rows: s.groupConnections,
    },
  ];
}

/**
 * SQLite's search rows of a batch whose first connection has rowid `first`: the text
 * db/list-derived.ts' searchText() makes (lower() folds ASCII letters only).
 */
export function searchRows(batch: GeneratedBatch, first: number): SummaryTable {
  return {
    table: "connection_search",
    columns: ["rowid", "id", "text"],
    rows: batch.connections.map((c, i) => [
      first + i,
      c.id,
      asciiLower(`${c.id} ${c.name} ${c.external_xref ?? ""} ${c.provider} ${c.source_id ?? ""}`),
    ]),
  };
}

/** The run's summary tables (all but the per-error rows), as rows to insert into empty tables. */
export function summaryTables(s: BatchSummary): SummaryTable[] {
  return [
    {
      table: "connection_facet_counts",
      columns: [...FACET_DIMS, "n"],
      rows: split(s.facets).map(facetRow),
    },
    {
      table: "connection_created_facets",
      columns: ["tenant_id", "day", "facet", "value", "n"],
      rows: split(s.createdFacets),
    },
    {
      table: "ops_connection_counts",
      columns: [
        "tenant_id",
        "provider",
        "status",
        "n",
        "needs_relink",
        "user_paused",
        "platform_paused",
        "with_errors",
      ],
      rows: split(s.connectionCounts),
    },
    { table: "ops_day_counts", columns: ["tenant_id", "kind", "day", "n"], rows: split(dayCounts(s.minuteCounts)) },
    { table: "ops_error_days", columns: ["tenant_id", "day", "created_n", "resolved_n"], rows: split(s.errorDays) },
    {
      table: "ops_error_groups",
      columns: ["id", "provider", "status_code", "shape"],
      rows: [...s.groups].map(([id, g]) => [id, ...g]),
    },
    {
      table: "ops_error_group_tenants",
      columns: ["group_id", "tenant_id", "active_n", "connections_n", "first_seen", "last_seen"],
      rows: [...s.groupTenants].map(([key, t]) => [...key.split(SEP), ...t]),
    },
    { table: "ops_error_group_days", columns: ["group_id", "tenant_id", "day", "n"], rows: split(s.groupDays) },
  ];
}

/** Every table the summaries fill (cleared before a direct load). */
export const SUMMARY_TABLES = [
  ...summaryTables(emptySummary()).map((t) => t.table),
  ...batchRowTables(emptySummary()).map((t) => t.table),
];
