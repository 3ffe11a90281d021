// Ingest's own upkeep of the errors' summaries (migration 0007's error groups and errors per day):
// inside an ingest transaction the per-row triggers on connection_errors skip inserts and updates
// (the switch of migrations 0011 and 0012). Instead the batch reads the errors it will change as
// they count now, writes them, takes them as written (the rows it inserted as planned, the others
// read back), and applies the difference with one statement per summary table, each taking the
// whole batch as one JSON parameter. Each distinct message is shaped once a batch, in TypeScript
// (lib/error-message-shape.ts: the function SQLite's triggers call, and the rules PostgreSQL's
// copy is tested against). The same arithmetic the triggers do row by row; besides, a connection
// whose provider changed has its errors regrouped (the triggers left them in the old provider's
// groups until the error itself changed; a rebuild does not).
import { CompiledQuery } from "kysely";
import { dbKind, type DB } from "../../db";
import { errorGroupIdOfShape } from "../../db/sql-functions";
import { errorMessageShape } from "../../lib/error-message-shape";

interface Counted {
  id: string;
  tenant_id: string;
  connection_id: string;
  status: string;
  errored_at: string;
  resolved_at: string | null;
  group_id: string | null;
}
interface Written extends Counted {
  group_id: string;
  provider: string;
  status_code: string | null;
  shape: string;
}

export interface ErrorGroupsBefore {
  ids: string[];
  rows: Map<string, Counted>;
}

/** A batch's rows as one JSON parameter: `(cols)` reads column i of each element as `type`. */
function jsonRows(pg: boolean) {
  return {
    from: pg ? "jsonb_array_elements($1::jsonb) AS j(value)" : "json_each(?) AS j",
    col: (i: number, type: "text" | "integer") =>
      pg ? `(j.value ->> ${i})::${type === "integer" ? "int" : "text"}` : `json_extract(j.value, '$[${i}]')`,
    /** SQLite needs a WHERE between INSERT … SELECT and ON CONFLICT. */
    where: pg ? "" : " WHERE true",
  };
}

async function query<R>(trx: DB, text: string, parameter: unknown): Promise<R[]> {
  return (await trx.executeQuery<R>(CompiledQuery.raw(text, [JSON.stringify(parameter)]))).rows;
}

async function read<R>(trx: DB, ids: string[], select: string, join: string): Promise<R[]> {
  if (ids.length === 0) return [];
  const pg = dbKind(trx) === "postgres";
  const j = jsonRows(pg);
  const idCol = pg ? "j.value #>> '{}'" : "j.value";
  return query<R>(trx, `SELECT ${select} FROM ${j.from} JOIN connection_errors e ON e.id = ${idCol} ${join}`, ids);
}

const COUNTED = "e.id, e.tenant_id, e.connection_id, e.status, e.errored_at, e.resolved_at";

/** Before the batch's error writes: the stored rows of `ids` (others are new) as counted now. */
export async function errorGroupsBefore(trx: DB, ids: string[]): Promise<ErrorGroupsBefore> {
  const unique = [...new Set(ids)];
  const rows = await read<Counted>(
    trx,
    unique,
    `${COUNTED}, m.group_id`,
    "LEFT JOIN ops_error_members m ON m.error_id = e.id",
  );
  return { ids: unique, rows: new Map(rows.map((r) => [r.id, r])) };
}

type Sums = Map<string, { key: unknown[]; n: number[] }>;
function add(sums: Sums, key: unknown[], n: number[]): void {
  const id = JSON.stringify(key);
  const entry = sums.get(id) ?? { key, n: n.map(() => 0) };
  entry.n = entry.n.map((v, i) => v + (n[i] ?? 0));
  sums.set(id, entry);
}
const nonZero = (sums: Sums) => [...sums.values()].filter((e) => e.n.some((v) => v !== 0));

/** A row as written, with its connection's provider: what the batch knows without reading it back. */
export type KnownError = Omit<Written, "group_id" | "shape"> & { message: string | null };

/**
 * After the writes: applies what the rows of `before.ids` (and `newIds`) now count. Rows in
 * `known` (inserted once, not updated since) are taken as given; the others are read back.
 */
export async function errorGroupsAfter(
  trx: DB,
  before: ErrorGroupsBefore,
  newIds: string[],
  known: Map<string, KnownError> = new Map(),
): Promise<void> {
  const ids = [...new Set([...before.ids, ...newIds])];
  if (ids.length === 0) return;
  const pg = dbKind(trx) === "postgres";
  const shapes = new Map<string, string>();
  const readBack = await read<KnownError>(
    trx,
    ids.filter((id) => !known.has(id)),
    `${COUNTED}, e.status_code, e.message, c.provider`,
    "JOIN connections c ON c.id = e.connection_id",
  );
  const written = [...ids.flatMap((id) => known.get(id) ?? []), ...readBack].map((r): Written => {
    const message = r.message ?? "";
    let shape = shapes.get(message);
    if (shape === undefined) shapes.set(message, (shape = errorMessageShape(r.message)));
    const { message: _message, ...rest } = r;
    return { ...rest, shape, group_id: errorGroupIdOfShape(r.provider, r.status_code, shape) };
  });

  const days: Sums = new Map();
  const groupTenants: Sums = new Map();
  const seen = new Map<string, { key: unknown[]; first: string; last: string }>();
  const groupConnections: Sums = new Map();
  const groupDays: Sums = new Map();
  const count = (e: Counted, sign: 1 | -1) => {
    const active = e.status === "active" ? 1 : 0;
    add(days, [e.tenant_id, e.errored_at.slice(0, 10)], [sign, 0]);
    if (e.status === "resolved" && e.resolved_at !== null)
      add(days, [e.tenant_id, e.resolved_at.slice(0, 10)], [0, sign]);
    if (e.group_id === null) return;
    add(groupTenants, [e.group_id, e.tenant_id], [sign * active, 0]);
    if (active) add(groupConnections, [e.group_id, e.connection_id, e.tenant_id], [sign]);
    add(groupDays, [e.group_id, e.tenant_id, e.errored_at.slice(0, 10)], [sign]);
  };
  for (const e of before.rows.values()) count(e, -1);
  const members: Written[] = [];
  for (const e of written) {
    count(e, 1);
    const id = JSON.stringify([e.group_id, e.tenant_id]);
    const s = seen.get(id) ?? { key: [e.group_id, e.tenant_id], first: e.errored_at, last: e.errored_at };
    if (e.errored_at < s.first) s.first = e.errored_at;
    if (e.errored_at > s.last) s.last = e.errored_at;
    seen.set(id, s);
    const old = before.rows.get(e.id);
    if (!old || old.group_id !== e.group_id || old.tenant_id !== e.tenant_id) members.push(e);
  }

  const j = jsonRows(pg);
  const insertSelect = (table: string, columns: string[], types: ("text" | "integer")[], tail: string) =>
    `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${types.map((t, i) => j.col(i, t)).join(", ")} FROM ${j.from}${j.where} ${tail}`;
  const run = async (text: string, rows: unknown[][]) => {
    if (rows.length > 0) await query(trx, text, rows);
  };

  await run(
    insertSelect(
      "ops_error_members",
      ["error_id", "group_id", "tenant_id"],
      ["text", "text", "text"],
      "ON CONFLICT (error_id) DO UPDATE SET group_id = excluded.group_id, tenant_id = excluded.tenant_id",
    ),
    members.map((e) => [e.id, e.group_id, e.tenant_id]),
  );
  const groups = new Map(written.map((e) => [e.group_id, [e.group_id, e.provider, e.status_code, e.shape]]));
  await run(
    insertSelect(
      "ops_error_groups",
      ["id", "provider", "status_code", "shape"],
      ["text", "text", "text", "text"],
      "ON CONFLICT (id) DO NOTHING",
    ),
    [...groups.values()],
  );
  await run(
    insertSelect(
      "ops_error_days",
      ["tenant_id", "day", "created_n", "resolved_n"],
      ["text", "text", "integer", "integer"],
      "ON CONFLICT (tenant_id, day) DO UPDATE SET created_n = ops_error_days.created_n + excluded.created_n, resolved_n = ops_error_days.resolved_n + excluded.resolved_n",
    ),
    nonZero(days).map((e) => [...e.key, ...e.n]),
  );
  await run(
    insertSelect(
      "ops_error_group_days",
      ["group_id", "tenant_id", "day", "n"],
      ["text", "text", "text", "integer"],
      "ON CONFLICT (group_id, tenant_id, day) DO UPDATE SET n = ops_error_group_days.n + excluded.n",
    ),
    nonZero(groupDays).map((e) => [...e.key, ...e.n]),
  );

  // Active errors per group and connection: a pair that gains its first or loses its last
  // changes its group's connection count in that tenant.
  const pairs = nonZero(groupConnections);
  const stored = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = await query<{ group_id: string; connection_id: string; active_n: number }>(
      trx,
      `SELECT gc.group_id, gc.connection_id, gc.active_n FROM ${j.from} JOIN ops_error_group_connections gc ON gc.group_id = ${j.col(0, "text")} AND gc.connection_id = ${j.col(1, "text")}`,
      pairs.map((e) => e.key.slice(0, 2)),
    );
    for (const r of rows) stored.set(JSON.stringify([r.group_id, r.connection_id]), Number(r.active_n));
  }
  const keep: unknown[][] = [];
  const drop: unknown[][] = [];
  for (const { key, n } of pairs) {
    const [group, connection, tenant] = key;
    const was = stored.get(JSON.stringify([group, connection])) ?? 0;
    const now = was + (n[0] ?? 0);
    if (now > 0) keep.push([group, connection, tenant, now]);
    else drop.push([group, connection]);
    add(groupTenants, [group, tenant], [0, (now > 0 ? 1 : 0) - (was > 0 ? 1 : 0)]);
  }
  await run(
    insertSelect(
      "ops_error_group_connections",
      ["group_id", "connection_id", "tenant_id", "active_n"],
      ["text", "text", "text", "integer"],
      "ON CONFLICT (group_id, connection_id) DO UPDATE SET active_n = excluded.active_n",
    ),
    keep,
  );
  await run(
    `DELETE FROM ops_error_group_connections WHERE (group_id, connection_id) IN (SELECT ${j.col(0, "text")}, ${j.col(1, "text")} FROM ${j.from})`,
    drop,
  );

  // Per group and tenant: the sums, and first and last seen from the errors written now ('' when
  // the batch only took errors away: first and last seen stay, as with the triggers).
  const tenantRows = new Map<string, unknown[]>();
  for (const { key, n } of groupTenants.values())
    tenantRows.set(JSON.stringify(key), [...key, n[0] ?? 0, n[1] ?? 0, "", ""]);
  for (const [id, s] of seen) {
    const row = tenantRows.get(id) ?? [...s.key, 0, 0, "", ""];
    row[4] = s.first;
    row[5] = s.last;
    tenantRows.set(id, row);
  }
  const t = "ops_error_group_tenants";
  await run(
    insertSelect(
      t,
      ["group_id", "tenant_id", "active_n", "connections_n", "first_seen", "last_seen"],
      ["text", "text", "integer", "integer", "text", "text"],
      `ON CONFLICT (group_id, tenant_id) DO UPDATE SET active_n = ${t}.active_n + excluded.active_n, connections_n = ${t}.connections_n + excluded.connections_n, first_seen = CASE WHEN excluded.first_seen <> '' AND excluded.first_seen < ${t}.first_seen THEN excluded.first_seen ELSE ${t}.first_seen END, last_seen = CASE WHEN excluded.last_seen > ${t}.last_seen THEN excluded.last_seen ELSE ${t}.last_seen END`,
    ),
    [...tenantRows.values()].filter((r) => r[2] !== 0 || r[3] !== 0 || r[4] !== ""),
  );
}
