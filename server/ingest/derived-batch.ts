// Ingest's own upkeep of the connections' derived data: the search rows (SQLite), the list's
// facet counts and the home page's connection counts and time buckets. Inside an ingest
// transaction the per-row triggers on connections skip inserts and updates (the switch of
// migration 0011); instead each wave of upserts is bracketed by two grouped reads of the rows it
// writes — the rows' summary keys before, the same after — and the difference is applied in one
// multi-row upsert per summary table. Exactly what the triggers would have done, row by row.
// Errors' own summaries stay with their triggers (not deferred).
import { CompiledQuery, sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { FACET_DIMS, facetDimExprs, searchText } from "../../db/list-derived";
import { PG_DEFER_SETTING } from "../../db/migrations/2026-12-02-0011-ingest-defers-derived";
import { TIME_BUCKETS } from "../home/operations-derived";
import { createdDay, createdFacetExprs } from "../../db/migrations/2026-12-02-0013-created-facets";

/** Turns the insert/update triggers on connections off for the rest of this transaction. */
export async function deferDerived(trx: DB): Promise<void> {
  if (dbKind(trx) === "postgres") await sql`SELECT set_config(${PG_DEFER_SETTING}, 'on', true)`.execute(trx);
  else await sql`INSERT INTO derived_deferred (on_) VALUES (1)`.execute(trx);
}

/** Turns them back on (PostgreSQL's setting also ends with the transaction). */
export async function resumeDerived(trx: DB): Promise<void> {
  if (dbKind(trx) === "postgres") await sql`SELECT set_config(${PG_DEFER_SETTING}, 'off', true)`.execute(trx);
  else await sql`DELETE FROM derived_deferred`.execute(trx);
}

interface Summary {
  table: string;
  keys: readonly string[];
  sums: readonly string[];
  /** Key expressions then sums over connections `c`, grouped, for the rows where `{where}`. */
  select: (where: string) => string;
}

const as = (exprs: string[], prefix: string) => exprs.map((e, i) => `${e} AS ${prefix}${i}`).join(", ");
const int = (e: string) => `CAST(${e} AS INTEGER)`;
const SUMMARIES: Summary[] = [
  {
    table: "connection_facet_counts",
    keys: FACET_DIMS,
    sums: ["n"],
    select: (where) =>
      `SELECT ${as(facetDimExprs("c"), "k")}, ${int("count(*)")} AS s0 FROM connections c WHERE ${where} GROUP BY ${facetDimExprs("c").join(", ")}`,
  },
  {
    table: "ops_connection_counts",
    keys: ["tenant_id", "provider", "status"],
    sums: ["n", "needs_relink", "user_paused", "platform_paused", "with_errors"],
    select: (where) =>
      `SELECT ${as(["c.tenant_id", "c.provider", "c.status"], "k")}, ${as(
        [
          "count(*)",
          "sum(c.needs_relink)",
          "sum(c.user_paused)",
          "sum(c.platform_paused)",
          "sum(CASE WHEN c.open_error_count > 0 THEN 1 ELSE 0 END)",
        ].map(int),
        "s",
      )} FROM connections c WHERE ${where} GROUP BY c.tenant_id, c.provider, c.status`,
  },
  {
    table: "ops_day_counts",
    keys: ["tenant_id", "kind", "day"],
    sums: ["n"],
    select: (where) =>
      TIME_BUCKETS.map((b) => {
        const day = `substr(c.${b.column}, 1, ${b.len})`;
        return `SELECT ${as(["c.tenant_id", `'${b.kind}'`, day], "k")}, ${int("count(*)")} AS s0 FROM connections c WHERE ${where} AND c.${b.column} IS NOT NULL GROUP BY c.tenant_id, ${day}`;
      }).join(" UNION ALL "),
  },
  {
    table: "connection_created_facets",
    keys: ["tenant_id", "day", "facet", "value"],
    sums: ["n"],
    select: (where) =>
      createdFacetExprs("c")
        .map(
          ([facet, value]) =>
            `SELECT ${as(["c.tenant_id", createdDay("c"), `'${facet}'`, value], "k")}, ${int("count(*)")} AS s0 FROM connections c WHERE ${where} GROUP BY c.tenant_id, ${createdDay("c")}, ${value}`,
        )
        .join(" UNION ALL "),
  },
];

/** Per summary: key (JSON of the key values) → the key values and the sums' change. */
type Delta = Map<Summary, Map<string, { key: unknown[]; sums: number[] }>>;
const CHUNK = 500;

/**
 * `c.id IN (…)` for these ids as one parameter (a JSON array on SQLite, a text array on
 * PostgreSQL), and the statement's parameters for it however many times the text names it.
 */
function idSet(kind: string, ids: string[]): { where: string; parameters: (text: string) => unknown[] } {
  if (kind === "postgres") return { where: "c.id = ANY($1::text[])", parameters: () => [ids] };
  const where = "c.id IN (SELECT value FROM json_each(?))";
  const json = JSON.stringify(ids);
  return {
    where,
    parameters: (text) =>
      text
        .split(where)
        .slice(1)
        .map(() => json),
  };
}

async function query(trx: DB, text: string, parameters: unknown[]): Promise<Record<string, unknown>[]> {
  return (await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters))).rows;
}

/** Adds (sign 1) or subtracts (sign -1) these rows' contributions to every summary. */
async function tally(trx: DB, delta: Delta, ids: string[], sign: 1 | -1): Promise<void> {
  const kind = dbKind(trx);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { where, parameters } = idSet(kind, ids.slice(i, i + CHUNK));
    for (const summary of SUMMARIES) {
      const changes = delta.get(summary) ?? new Map<string, { key: unknown[]; sums: number[] }>();
      delta.set(summary, changes);
      const text = summary.select(where);
      for (const row of await query(trx, text, parameters(text))) {
        const key = summary.keys.map((_, j) => row[`k${j}`]);
        const id = JSON.stringify(key);
        const entry = changes.get(id) ?? { key, sums: summary.sums.map(() => 0) };
        entry.sums = entry.sums.map((n, j) => n + sign * Number(row[`s${j}`]));
        changes.set(id, entry);
      }
    }
  }
}

/** Each row's search text (SQLite), by rowid. */
async function searchTexts(trx: DB, ids: string[]): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { where, parameters } = idSet("sqlite", ids.slice(i, i + CHUNK));
    const text = `SELECT c.rowid AS r, ${searchText("c.")} AS t FROM connections c WHERE ${where}`;
    for (const row of await query(trx, text, parameters(text))) texts.set(Number(row.r), String(row.t));
  }
  return texts;
}

export interface DerivedBefore {
  delta: Delta;
  texts: Map<number, string>;
}

/** Before a wave's upsert: the stored rows it will change, as they count now. */
export async function derivedBefore(trx: DB, existingIds: string[]): Promise<DerivedBefore> {
  // PostgreSQL: lock them first, so that no other transaction changes them (and counts the
  // change by trigger) between this reading and the upsert; SQLite has one writer already.
  if (dbKind(trx) === "postgres" && existingIds.length > 0)
    await sql`SELECT 1 FROM connections WHERE id = ANY(${existingIds}::text[]) ORDER BY id FOR UPDATE`.execute(trx);
  const delta: Delta = new Map();
  await tally(trx, delta, existingIds, -1);
  const texts = dbKind(trx) === "postgres" ? new Map<number, string>() : await searchTexts(trx, existingIds);
  return { delta, texts };
}

async function applyDelta(trx: DB, delta: Delta): Promise<void> {
  const kind = dbKind(trx);
  for (const summary of SUMMARIES) {
    const entries = [...(delta.get(summary)?.values() ?? [])].filter((e) => e.sums.some((n) => n !== 0));
    const columns = [...summary.keys, ...summary.sums];
    const set = summary.sums.map((c) => `${c} = ${summary.table}.${c} + excluded.${c}`).join(", ");
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      let p = 0;
      const tuples = chunk.map(() => `(${columns.map(() => (kind === "postgres" ? `$${++p}` : "?")).join(", ")})`);
      const text = `INSERT INTO ${summary.table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (${summary.keys.join(", ")}) DO UPDATE SET ${set}`;
      await query(
        trx,
        text,
        chunk.flatMap((e) => [...e.key, ...e.sums]),
      );
    }
  }
}

/** After a wave's upsert of `ids` (new and stored rows): applies what changed. */
export async function derivedAfter(trx: DB, before: DerivedBefore, ids: string[]): Promise<void> {
  await tally(trx, before.delta, ids, 1);
  await applyDelta(trx, before.delta);
  if (dbKind(trx) === "postgres") return;
  const after = await searchTexts(trx, ids);
  const stale = [...before.texts].filter(([rowid, text]) => after.get(rowid) !== text).map(([rowid]) => rowid);
  const fresh = [...after].filter(([rowid, text]) => before.texts.get(rowid) !== text).map(([rowid]) => rowid);
  for (let i = 0; i < stale.length; i += CHUNK)
    await query(trx, "DELETE FROM connection_search WHERE rowid IN (SELECT value FROM json_each(?))", [
      JSON.stringify(stale.slice(i, i + CHUNK)),
    ]);
  for (let i = 0; i < fresh.length; i += CHUNK)
    await query(
      trx,
      `INSERT INTO connection_search (rowid, id, text) SELECT c.rowid, c.id, ${searchText("c.")} FROM connections c WHERE c.rowid IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(fresh.slice(i, i + CHUNK))],
    );
}
