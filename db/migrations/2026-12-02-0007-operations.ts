// Operations: the summaries the home page and the error groups read instead of scanning a million
// connections, kept exact by triggers in the transaction of every change (as the facet counts
// are), and free-form tags on connections. Frozen once landed: later changes are new migrations,
// and server/home/operations-derived.ts is the living copy bulk loads use.
//
// - ops_connection_counts: connections per tenant × provider × status, with how many of them
//   need relink, are paused by a person or by the platform, or have active errors.
// - ops_day_counts: connections per tenant and UTC day of auth_expires_at ('expires') and of
//   last_sync_at ('sync'): "expires within 7 days" and "no sync for N days" are sums of days
//   plus an index count of the two partial days at the edges.
// - ops_error_days: errors created (errored_at) and resolved (resolved_at) per tenant and day.
// - error groups: each error's group (provider, status code, message shape: see
//   lib/error-message-shape.ts) in ops_error_members, set by trigger; per group and tenant the active errors, the
//   connections with one, first and last seen; per group and connection the active errors
//   (the list's errorGroup filter); per group, tenant and day the new errors (the trend).
import { sql, type Kysely } from "kysely";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

/** The PostgreSQL copy of lib/error-message-shape.ts's rules (a table test compares both). */
const PG_SHAPE = `CREATE FUNCTION ops_error_shape(m text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT left(btrim(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(coalesce(m, ''),
      '(https?|ftp)://[^ \\t\\r\\n\\f\\v"''<>)]+', '<url>', 'gi'),
      '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}', '<email>', 'g'),
      '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<uuid>', 'g'),
      '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?', '<time>', 'g'),
      '(^|[^A-Za-z0-9_-])(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])', '\\1<id>', 'g'),
      '(^|[^A-Za-z0-9_])[0-9]+([.,][0-9]+)*', '\\1<n>', 'g'),
    '[ \\t\\r\\n\\f\\v]+', ' ', 'g'), ' '), 300)
$fn$`;
const PG_GROUP_ID = `CREATE FUNCTION ops_error_group_id(p text, c text, m text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT 'eg_' || substr(md5(coalesce(p, '') || chr(31) || coalesce(c, '') || chr(31) || ops_error_shape(m)), 1, 16)
$fn$`;

type Row = "new" | "old";
const flagErrors = (r: Row) => `CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`;

const connectionCountsAdd = (r: Row) =>
  `INSERT INTO ops_connection_counts (tenant_id, provider, status, n, needs_relink, user_paused, platform_paused, with_errors) VALUES (${r}.tenant_id, ${r}.provider, ${r}.status, 1, ${r}.needs_relink, ${r}.user_paused, ${r}.platform_paused, ${flagErrors(r)}) ON CONFLICT (tenant_id, provider, status) DO UPDATE SET n = ops_connection_counts.n + 1, needs_relink = ops_connection_counts.needs_relink + excluded.needs_relink, user_paused = ops_connection_counts.user_paused + excluded.user_paused, platform_paused = ops_connection_counts.platform_paused + excluded.platform_paused, with_errors = ops_connection_counts.with_errors + excluded.with_errors`;
const connectionCountsRemove = (r: Row) =>
  `UPDATE ops_connection_counts SET n = n - 1, needs_relink = needs_relink - ${r}.needs_relink, user_paused = user_paused - ${r}.user_paused, platform_paused = platform_paused - ${r}.platform_paused, with_errors = with_errors - ${flagErrors(r)} WHERE tenant_id = ${r}.tenant_id AND provider = ${r}.provider AND status = ${r}.status`;
const dayAdd = (r: Row, kind: "expires" | "sync", col: string) =>
  `INSERT INTO ops_day_counts (tenant_id, kind, day, n) SELECT ${r}.tenant_id, '${kind}', substr(${r}.${col}, 1, 10), 1 WHERE ${r}.${col} IS NOT NULL ON CONFLICT (tenant_id, kind, day) DO UPDATE SET n = ops_day_counts.n + 1`;
const dayRemove = (r: Row, kind: "expires" | "sync", col: string) =>
  `UPDATE ops_day_counts SET n = n - 1 WHERE tenant_id = ${r}.tenant_id AND kind = '${kind}' AND day = substr(${r}.${col}, 1, 10)`;
const daysAdd = (r: Row) => [dayAdd(r, "expires", "auth_expires_at"), dayAdd(r, "sync", "last_sync_at")];
const daysRemove = (r: Row) => [dayRemove(r, "expires", "auth_expires_at"), dayRemove(r, "sync", "last_sync_at")];

const active = (r: Row) => `CASE WHEN ${r}.status = 'active' THEN 1 ELSE 0 END`;
const groupConnectionN = (r: Row, g: string) =>
  `(SELECT active_n FROM ops_error_group_connections WHERE group_id = ${g} AND connection_id = ${r}.connection_id)`;
/** What one error row adds to the summaries (its group's parts only when it has a group). */
const errorAdd = (r: Row, g: string) => [
  `INSERT INTO ops_error_days (tenant_id, day, created_n, resolved_n) VALUES (${r}.tenant_id, substr(${r}.errored_at, 1, 10), 1, 0) ON CONFLICT (tenant_id, day) DO UPDATE SET created_n = ops_error_days.created_n + 1`,
  `INSERT INTO ops_error_days (tenant_id, day, created_n, resolved_n) SELECT ${r}.tenant_id, substr(${r}.resolved_at, 1, 10), 0, 1 WHERE ${r}.status = 'resolved' AND ${r}.resolved_at IS NOT NULL ON CONFLICT (tenant_id, day) DO UPDATE SET resolved_n = ops_error_days.resolved_n + 1`,
  `INSERT INTO ops_error_groups (id, provider, status_code, shape) SELECT ${g}, c.provider, ${r}.status_code, ops_error_shape(${r}.message) FROM connections c WHERE c.id = ${r}.connection_id AND ${g} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ops_error_groups g WHERE g.id = ${g}) ON CONFLICT (id) DO NOTHING`,
  `INSERT INTO ops_error_group_tenants (group_id, tenant_id, active_n, connections_n, first_seen, last_seen) SELECT ${g}, ${r}.tenant_id, ${active(r)}, 0, ${r}.errored_at, ${r}.errored_at WHERE ${g} IS NOT NULL ON CONFLICT (group_id, tenant_id) DO UPDATE SET active_n = ops_error_group_tenants.active_n + excluded.active_n, first_seen = CASE WHEN excluded.first_seen < ops_error_group_tenants.first_seen THEN excluded.first_seen ELSE ops_error_group_tenants.first_seen END, last_seen = CASE WHEN excluded.last_seen > ops_error_group_tenants.last_seen THEN excluded.last_seen ELSE ops_error_group_tenants.last_seen END`,
  `INSERT INTO ops_error_group_connections (group_id, connection_id, tenant_id, active_n) SELECT ${g}, ${r}.connection_id, ${r}.tenant_id, 1 WHERE ${g} IS NOT NULL AND ${r}.status = 'active' ON CONFLICT (group_id, connection_id) DO UPDATE SET active_n = ops_error_group_connections.active_n + 1`,
  `UPDATE ops_error_group_tenants SET connections_n = connections_n + 1 WHERE group_id = ${g} AND tenant_id = ${r}.tenant_id AND ${r}.status = 'active' AND ${groupConnectionN(r, g)} = 1`,
  `INSERT INTO ops_error_group_days (group_id, tenant_id, day, n) SELECT ${g}, ${r}.tenant_id, substr(${r}.errored_at, 1, 10), 1 WHERE ${g} IS NOT NULL ON CONFLICT (group_id, tenant_id, day) DO UPDATE SET n = ops_error_group_days.n + 1`,
];
/** The inverse of errorAdd (first and last seen stay: they say when the group was seen). */
const errorRemove = (r: Row, g: string) => [
  `UPDATE ops_error_days SET created_n = created_n - 1 WHERE tenant_id = ${r}.tenant_id AND day = substr(${r}.errored_at, 1, 10)`,
  `UPDATE ops_error_days SET resolved_n = resolved_n - 1 WHERE tenant_id = ${r}.tenant_id AND day = substr(${r}.resolved_at, 1, 10) AND ${r}.status = 'resolved'`,
  `UPDATE ops_error_group_connections SET active_n = active_n - 1 WHERE group_id = ${g} AND connection_id = ${r}.connection_id AND ${r}.status = 'active'`,
  `UPDATE ops_error_group_tenants SET active_n = active_n - ${active(r)}, connections_n = connections_n - CASE WHEN ${r}.status = 'active' AND ${groupConnectionN(r, g)} = 0 THEN 1 ELSE 0 END WHERE group_id = ${g} AND tenant_id = ${r}.tenant_id`,
  `DELETE FROM ops_error_group_connections WHERE group_id = ${g} AND connection_id = ${r}.connection_id AND active_n <= 0`,
  `UPDATE ops_error_group_days SET n = n - 1 WHERE group_id = ${g} AND tenant_id = ${r}.tenant_id AND day = substr(${r}.errored_at, 1, 10)`,
];

const groupIdOf = (r: Row) =>
  `ops_error_group_id((SELECT provider FROM connections WHERE id = ${r}.connection_id), ${r}.status_code, ${r}.message)`;
/** The group an error row is counted in: ops_error_members, set below from groupIdOf. */
const memberGroup = (r: Row) => `(SELECT group_id FROM ops_error_members WHERE error_id = ${r}.id)`;
const memberSet = (r: Row) =>
  `INSERT INTO ops_error_members (error_id, group_id, tenant_id) VALUES (${r}.id, ${groupIdOf(r)}, ${r}.tenant_id) ON CONFLICT (error_id) DO UPDATE SET group_id = excluded.group_id, tenant_id = excluded.tenant_id`;
const memberDelete = (r: Row) => `DELETE FROM ops_error_members WHERE error_id = ${r}.id`;
/** Statements for one error row's insert, update and delete: the same text on both databases. */
const errorInsert = () => [memberSet("new"), ...errorAdd("new", memberGroup("new"))];
const errorUpdate = () => [
  ...errorRemove("old", memberGroup("old")),
  `DELETE FROM ops_error_members WHERE error_id = old.id AND old.id <> new.id`,
  memberSet("new"),
  ...errorAdd("new", memberGroup("new")),
];
const errorDelete = () => [...errorRemove("old", memberGroup("old")), memberDelete("old")];

export function operationsTriggerStatements(pg: boolean): string[] {
  const changed = (cols: string[]) =>
    cols.map((c) => (pg ? `old.${c} IS DISTINCT FROM new.${c}` : `old.${c} IS NOT new.${c}`)).join(" OR ");
  const countsChanged = `${changed(["tenant_id", "provider", "status", "needs_relink", "user_paused", "platform_paused"])} OR (old.open_error_count > 0) <> (new.open_error_count > 0)`;
  const differ = pg ? "IS DISTINCT FROM" : "IS NOT";
  const daysChanged = `old.tenant_id ${differ} new.tenant_id OR substr(old.auth_expires_at, 1, 10) ${differ} substr(new.auth_expires_at, 1, 10) OR substr(old.last_sync_at, 1, 10) ${differ} substr(new.last_sync_at, 1, 10)`;
  const errorChanged = changed([
    "id",
    "status",
    "errored_at",
    "resolved_at",
    "connection_id",
    "tenant_id",
    "message",
    "status_code",
  ]);
  const body = (stmts: string[]) => stmts.map((s) => `${s};`).join("\n");
  if (pg) {
    const fn = (name: string, remove: string[], add: string[]) =>
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${body(remove)} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${body(add)} END IF;
        RETURN NULL;
      END $fn$`;
    return [
      fn("ops_connection_counts_sync", [connectionCountsRemove("old")], [connectionCountsAdd("new")]),
      "CREATE TRIGGER ops_connection_counts_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION ops_connection_counts_sync()",
      `CREATE TRIGGER ops_connection_counts_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${countsChanged}) EXECUTE FUNCTION ops_connection_counts_sync()`,
      fn("ops_day_counts_sync", daysRemove("old"), daysAdd("new")),
      "CREATE TRIGGER ops_day_counts_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION ops_day_counts_sync()",
      `CREATE TRIGGER ops_day_counts_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${daysChanged}) EXECUTE FUNCTION ops_day_counts_sync()`,
      `CREATE FUNCTION ops_errors_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${body(errorInsert())} END IF;
        IF TG_OP = 'UPDATE' THEN ${body(errorUpdate())} END IF;
        IF TG_OP = 'DELETE' THEN ${body(errorDelete())} END IF;
        RETURN NULL;
      END $fn$`,
      "CREATE TRIGGER ops_errors_insert_delete AFTER INSERT OR DELETE ON connection_errors FOR EACH ROW EXECUTE FUNCTION ops_errors_sync()",
      `CREATE TRIGGER ops_errors_update AFTER UPDATE ON connection_errors FOR EACH ROW WHEN (${errorChanged}) EXECUTE FUNCTION ops_errors_sync()`,
    ];
  }
  return [
    `CREATE TRIGGER ops_connection_counts_insert AFTER INSERT ON connections BEGIN ${body([connectionCountsAdd("new")])} END`,
    `CREATE TRIGGER ops_connection_counts_delete AFTER DELETE ON connections BEGIN ${body([connectionCountsRemove("old")])} END`,
    `CREATE TRIGGER ops_connection_counts_update AFTER UPDATE ON connections WHEN ${countsChanged} BEGIN ${body([connectionCountsRemove("old"), connectionCountsAdd("new")])} END`,
    `CREATE TRIGGER ops_day_counts_insert AFTER INSERT ON connections BEGIN ${body(daysAdd("new"))} END`,
    `CREATE TRIGGER ops_day_counts_delete AFTER DELETE ON connections BEGIN ${body(daysRemove("old"))} END`,
    `CREATE TRIGGER ops_day_counts_update AFTER UPDATE ON connections WHEN ${daysChanged} BEGIN ${body([...daysRemove("old"), ...daysAdd("new")])} END`,
    `CREATE TRIGGER ops_errors_insert AFTER INSERT ON connection_errors BEGIN ${body(errorInsert())} END`,
    `CREATE TRIGGER ops_errors_update AFTER UPDATE ON connection_errors WHEN ${errorChanged} BEGIN ${body(errorUpdate())} END`,
    `CREATE TRIGGER ops_errors_delete AFTER DELETE ON connection_errors BEGIN ${body(errorDelete())} END`,
  ];
}

export function operationsTriggerDrops(pg: boolean): string[] {
  if (pg)
    return [
      "DROP TRIGGER IF EXISTS ops_connection_counts_insert_delete ON connections",
      "DROP TRIGGER IF EXISTS ops_connection_counts_update ON connections",
      "DROP TRIGGER IF EXISTS ops_day_counts_insert_delete ON connections",
      "DROP TRIGGER IF EXISTS ops_day_counts_update ON connections",
      "DROP TRIGGER IF EXISTS ops_errors_insert_delete ON connection_errors",
      "DROP TRIGGER IF EXISTS ops_errors_update ON connection_errors",
      "DROP FUNCTION IF EXISTS ops_connection_counts_sync()",
      "DROP FUNCTION IF EXISTS ops_day_counts_sync()",
      "DROP FUNCTION IF EXISTS ops_errors_sync()",
    ];
  return [
    "ops_connection_counts_insert",
    "ops_connection_counts_delete",
    "ops_connection_counts_update",
    "ops_day_counts_insert",
    "ops_day_counts_delete",
    "ops_day_counts_update",
    "ops_errors_insert",
    "ops_errors_update",
    "ops_errors_delete",
  ].map((t) => `DROP TRIGGER IF EXISTS ${t}`);
}

/** Recomputes every summary (and each error's group) from the rows, in a few set statements. */
export function operationsRebuildStatements(): string[] {
  return [
    "DELETE FROM ops_connection_counts",
    `INSERT INTO ops_connection_counts (tenant_id, provider, status, n, needs_relink, user_paused, platform_paused, with_errors) SELECT tenant_id, provider, status, count(*), sum(needs_relink), sum(user_paused), sum(platform_paused), sum(CASE WHEN open_error_count > 0 THEN 1 ELSE 0 END) FROM connections GROUP BY tenant_id, provider, status`,
    "DELETE FROM ops_day_counts",
    `INSERT INTO ops_day_counts (tenant_id, kind, day, n) SELECT tenant_id, 'expires', substr(auth_expires_at, 1, 10), count(*) FROM connections WHERE auth_expires_at IS NOT NULL GROUP BY tenant_id, substr(auth_expires_at, 1, 10)`,
    `INSERT INTO ops_day_counts (tenant_id, kind, day, n) SELECT tenant_id, 'sync', substr(last_sync_at, 1, 10), count(*) FROM connections WHERE last_sync_at IS NOT NULL GROUP BY tenant_id, substr(last_sync_at, 1, 10)`,
    "DELETE FROM ops_error_days",
    `INSERT INTO ops_error_days (tenant_id, day, created_n, resolved_n) SELECT tenant_id, day, sum(c), sum(r) FROM (SELECT tenant_id, substr(errored_at, 1, 10) AS day, 1 AS c, 0 AS r FROM connection_errors UNION ALL SELECT tenant_id, substr(resolved_at, 1, 10), 0, 1 FROM connection_errors WHERE status = 'resolved' AND resolved_at IS NOT NULL) e GROUP BY tenant_id, day`,
    "DELETE FROM ops_error_members",
    `INSERT INTO ops_error_members (error_id, group_id, tenant_id) SELECT e.id, ops_error_group_id(c.provider, e.status_code, e.message), e.tenant_id FROM connection_errors e JOIN connections c ON c.id = e.connection_id`,
    "DELETE FROM ops_error_groups",
    `INSERT INTO ops_error_groups (id, provider, status_code, shape) SELECT m.group_id, min(c.provider), min(e.status_code), min(ops_error_shape(e.message)) FROM ops_error_members m JOIN connection_errors e ON e.id = m.error_id JOIN connections c ON c.id = e.connection_id GROUP BY m.group_id`,
    "DELETE FROM ops_error_group_connections",
    `INSERT INTO ops_error_group_connections (group_id, connection_id, tenant_id, active_n) SELECT m.group_id, e.connection_id, min(e.tenant_id), count(*) FROM connection_errors e JOIN ops_error_members m ON m.error_id = e.id WHERE e.status = 'active' GROUP BY m.group_id, e.connection_id`,
    "DELETE FROM ops_error_group_tenants",
    `INSERT INTO ops_error_group_tenants (group_id, tenant_id, active_n, connections_n, first_seen, last_seen) SELECT m.group_id, e.tenant_id, sum(CASE WHEN e.status = 'active' THEN 1 ELSE 0 END), (SELECT count(*) FROM ops_error_group_connections gc WHERE gc.group_id = m.group_id AND gc.tenant_id = e.tenant_id), min(e.errored_at), max(e.errored_at) FROM connection_errors e JOIN ops_error_members m ON m.error_id = e.id GROUP BY m.group_id, e.tenant_id`,
    "DELETE FROM ops_error_group_days",
    `INSERT INTO ops_error_group_days (group_id, tenant_id, day, n) SELECT m.group_id, e.tenant_id, substr(e.errored_at, 1, 10), count(*) FROM connection_errors e JOIN ops_error_members m ON m.error_id = e.id GROUP BY m.group_id, e.tenant_id, substr(e.errored_at, 1, 10)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  if (pg) {
    await run(PG_SHAPE);
    await run(PG_GROUP_ID);
  }
  await db.schema
    .createTable("ops_connection_counts")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addColumn("needs_relink", "integer", (c) => c.notNull())
    .addColumn("user_paused", "integer", (c) => c.notNull())
    .addColumn("platform_paused", "integer", (c) => c.notNull())
    .addColumn("with_errors", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_connection_counts_pk", ["tenant_id", "provider", "status"])
    .execute();
  await db.schema
    .createTable("ops_day_counts")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_day_counts_pk", ["tenant_id", "kind", "day"])
    .execute();
  await db.schema.createIndex("ops_day_counts_kind_day_idx").on("ops_day_counts").columns(["kind", "day"]).execute();
  await db.schema
    .createTable("ops_error_days")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("created_n", "integer", (c) => c.notNull())
    .addColumn("resolved_n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_error_days_pk", ["tenant_id", "day"])
    .execute();
  await db.schema.createIndex("ops_error_days_day_idx").on("ops_error_days").columns(["day"]).execute();

  // Which group each error is counted in (kept beside connection_errors, whose rows stay as the
  // platforms sent them).
  await db.schema
    .createTable("ops_error_members")
    .addColumn("error_id", "text", (c) => c.primaryKey())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("ops_error_members_group_idx")
    .on("ops_error_members")
    .columns(["group_id", "error_id"])
    .execute();
  // The group catalogue holds only shapes (placeholders, no tenant's values): shared by tenants.
  await db.schema
    .createTable("ops_error_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("status_code", "text")
    .addColumn("shape", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("ops_error_group_tenants")
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("active_n", "integer", (c) => c.notNull())
    .addColumn("connections_n", "integer", (c) => c.notNull())
    .addColumn("first_seen", "text", (c) => c.notNull())
    .addColumn("last_seen", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_error_group_tenants_pk", ["group_id", "tenant_id"])
    .execute();
  await db.schema
    .createIndex("ops_error_group_tenants_tenant_idx")
    .on("ops_error_group_tenants")
    .columns(["tenant_id", "active_n"])
    .execute();
  await db.schema
    .createTable("ops_error_group_connections")
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("active_n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_error_group_connections_pk", ["group_id", "connection_id"])
    .execute();
  await db.schema
    .createIndex("ops_error_group_connections_tenant_idx")
    .on("ops_error_group_connections")
    .columns(["group_id", "tenant_id", "connection_id"])
    .execute();
  await db.schema
    .createTable("ops_error_group_days")
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ops_error_group_days_pk", ["group_id", "tenant_id", "day"])
    .execute();

  // Free-form labels on connections; stored as typed, matched case-insensitively by `tag_key`.
  await db.schema
    .createTable("connection_tags")
    .addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("tag_key", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("connection_tags_pk", ["connection_id", "tag_key"])
    .execute();
  await db.schema
    .createIndex("connection_tags_key_idx")
    .on("connection_tags")
    .columns(["tag_key", "connection_id"])
    .execute();
  await db.schema
    .createIndex("connection_tags_tenant_idx")
    .on("connection_tags")
    .columns(["tenant_id", "tag_key", "connection_id"])
    .execute();

  // Summaries of what is already there, in set statements, before the per-row triggers exist.
  for (const s of operationsRebuildStatements()) await run(s);
  for (const s of operationsTriggerStatements(pg)) await run(s);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  for (const s of operationsTriggerDrops(pg)) await run(s);
  for (const t of [
    "connection_tags",
    "ops_error_group_days",
    "ops_error_group_connections",
    "ops_error_group_tenants",
    "ops_error_groups",
    "ops_error_members",
    "ops_error_days",
    "ops_day_counts",
    "ops_connection_counts",
  ])
    await db.schema.dropTable(t).ifExists().execute();
  if (pg) {
    await run("DROP FUNCTION IF EXISTS ops_error_group_id(text, text, text)");
    await run("DROP FUNCTION IF EXISTS ops_error_shape(text)");
  }
}
