// The world the security suites attack: two tenants (Acme, "own"; Globex, "foreign") with every
// kind of object a procedure can name — connections with runs, errors and audit events, relink
// links and a bulk batch, saved views and preferences per user, API keys — and secrets planted
// everywhere a careless path could let one out: sealed credentials, secret-named run parameters,
// unmapped fields, connection info and metadata, relink tokens and API keys. Every secret carries
// one random marker, so "0 markers in any response or log line" is a single string search.
import { randomBytes } from "node:crypto";
import type { DB } from "../../db";
import type { SessionUser } from "../auth/session-user";
import { seedBase } from "../demo-data/seed-demo";
import { tokenOf } from "../relink/relink-test-helpers";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../test/callers";
import { insertRichConnection } from "../test/detail-fixture";
import { plantWebhooks } from "../webhooks/testing/plant-webhooks";
import { plantAlerts } from "../alerts/testing/plant-alerts";

export interface TenantObjects {
  tenantId: string;
  tenantName: string;
  slug: string;
  /** [0] has runs, errors and a bulk batch; [1] has an open relink link */
  connectionIds: [string, string];
  platformIds: [string, string];
  runIds: string[];
  errorIds: string[];
  activeErrorIds: string[];
  linkId: string;
  linkToken: string;
  batchId: string;
  auditIds: string[];
  /** an API key bound to this tenant (codat) */
  apiKey: { id: string; key: string };
  /** strings that only this tenant's data contains: a response to anyone else must hold none */
  needles: string[];
}

export interface SecurityFixture {
  marker: string;
  own: TenantObjects;
  foreign: TenantObjects;
  /** a platform-wide (all tenants) codat key */
  platformKey: { id: string; key: string };
  /** each user's saved view id and the marker in its query */
  views: Map<string, { id: string; needle: string }>;
  /** the foreign tenant admin's saved view */
  foreignView: { id: string; needle: string };
  /** every planted secret value: none may appear in any response or log line */
  secrets: string[];
}

/** The roles every suite runs as; tenant users belong to the "own" tenant (Acme). */
export const ROLE_NAMES = ["support", "tenant admin", "viewer", "signed out"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
export const ROLE_USERS: Record<RoleName, SessionUser | null> = {
  support: staff(),
  "tenant admin": acmeAdmin(),
  viewer: acmeViewer(),
  "signed out": null,
};
export const FOREIGN_ADMIN = globexAdmin();

const HOUR = 3_600_000;

/** Secret-named keys at several depths and in several spellings, each value carrying the marker. */
function secretParams(marker: string, where: string) {
  return {
    sheet: `Sheet ${where}`,
    password: `${marker}-pw-${where}`,
    api_key: `${marker}-key-${where}`,
    nested: { accessToken: `${marker}-at-${where}`, clientSecret: `${marker}-cs-${where}` },
  };
}

async function insertUsers(db: DB, now: number): Promise<void> {
  for (const user of [staff(), acmeAdmin(), acmeViewer(), globexAdmin()]) {
    await db
      .insertInto("users")
      .values({
        id: user.id,
        email: `${user.id}@test`,
        name: user.name,
        password_hash: "x",
        role: user.role,
        tenant_id: user.tenantId,
        created_at: new Date(now).toISOString(),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
}

async function plantConnection(db: DB, id: string, tenantId: string, marker: string, now: number): Promise<string[]> {
  await insertRichConnection(db, {
    id,
    tenantId,
    runs: 3,
    errors: 4,
    audits: 2,
    now,
    credentials: {
      access_token: `${marker}-at-${id}`,
      refresh_token: `${marker}-rt-${id}`,
      client_secret: `${marker}-cs-${id}`,
    },
  });
  const params = (where: string) => JSON.stringify(secretParams(marker, where));
  await db
    .updateTable("connections")
    .set({
      name: `Fixture ${id} ${tenantId}-data`,
      last_run_source_parameters: params(`${id}-last-src`),
      last_run_destination_parameters: params(`${id}-last-dst`),
      unmapped: JSON.stringify({ legacy: "kept", sourceParameters: { password: `${marker}-unmapped-${id}` } }),
      connection_info: JSON.stringify({ region: "uk", client_secret: `${marker}-info-${id}` }),
      metadata: JSON.stringify({ account_id: "acc-1", api_key: `${marker}-meta-${id}` }),
    })
    .where("id", "=", id)
    .execute();
  const runs = await db.selectFrom("connection_runs").select("id").where("connection_id", "=", id).execute();
  for (const [i, run] of runs.entries()) {
    await db
      .updateTable("connection_runs")
      .set({ source_parameters: params(`${id}-run${i}-src`), destination_parameters: params(`${id}-run${i}-dst`) })
      .where("id", "=", run.id)
      .execute();
  }
  const row = await db
    .selectFrom("connections")
    .select("credentials_encrypted")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  // The sealed form is a secret too (it is the credentials, given the key), and so is the token
  // the detail fixture writes into an audit event's `before`, as a careless writer would.
  return [row.credentials_encrypted ?? "", `at_${id}_secret`];
}

async function tenantObjects(
  db: DB,
  admin: SessionUser,
  slug: string,
  marker: string,
  now: number,
  secrets: string[],
): Promise<Omit<TenantObjects, "apiKey">> {
  const tenantId = admin.tenantId ?? "";
  const connectionIds: [string, string] = [`con_sec_${slug}_1`, `con_sec_${slug}_2`];
  for (const id of connectionIds) secrets.push(...(await plantConnection(db, id, tenantId, marker, now)));
  const caller = callerAs(db, admin);
  const link = await caller.relink.create({ connectionId: connectionIds[1], recipientEmail: `cfo@${slug}.test` });
  const bulk = await caller.relink.bulkCreate({ connectionIds: [connectionIds[0]] });
  const first = await db
    .selectFrom("connections")
    .select("version")
    .where("id", "=", connectionIds[0])
    .executeTakeFirstOrThrow();
  await caller.actions.pauseConnection({ id: connectionIds[0], expectedVersion: first.version, reason: "fixture" });
  const linkToken = tokenOf(link.url);
  secrets.push(linkToken, ...bulk.links.map((l) => tokenOf(l.url)));
  const ids = async (table: "connection_runs" | "connection_errors" | "audit_events", active = false) => {
    let q = db.selectFrom(table).select(["id"]).where("tenant_id", "=", tenantId);
    if (active && table === "connection_errors") q = q.where("status", "=", "active");
    return (await q.orderBy("id").execute()).map((r) => r.id);
  };
  const runIds = await ids("connection_runs");
  const errorIds = await ids("connection_errors");
  const auditIds = await ids("audit_events");
  const tenant = await db.selectFrom("tenants").select("name").where("id", "=", tenantId).executeTakeFirstOrThrow();
  return {
    tenantId,
    tenantName: tenant.name,
    slug,
    connectionIds,
    platformIds: [`plat-${connectionIds[0]}`, `plat-${connectionIds[1]}`],
    runIds,
    errorIds,
    activeErrorIds: await ids("connection_errors", true),
    linkId: link.id,
    linkToken,
    batchId: bulk.batchId ?? "",
    auditIds,
    needles: [
      tenantId,
      tenant.name,
      `${tenantId}-data`,
      admin.id,
      link.id,
      bulk.batchId ?? "",
      ...connectionIds,
      ...runIds,
      ...errorIds,
      ...auditIds,
    ],
  };
}

export async function seedSecurityFixture(db: DB, now = Date.now()): Promise<SecurityFixture> {
  const marker = `zzsecret${randomBytes(5).toString("hex")}`;
  const secrets: string[] = [];
  await seedBase(db, now - 30 * 24 * HOUR);
  await insertUsers(db, now);
  const own = await tenantObjects(db, acmeAdmin(), "acme", marker, now, secrets);
  const foreign = await tenantObjects(db, globexAdmin(), "globex", marker, now, secrets);

  const support = callerAs(db, staff());
  const key = async (name: string, tenantId: string | null) => {
    const created = await support.apiKeys.create({ name, platform: "codat", tenantId });
    secrets.push(created.key);
    return { id: created.apiKey.id, key: created.key };
  };
  const ownKey = await key("Acme codat", own.tenantId);
  const foreignKey = await key("Globex codat", foreign.tenantId);
  const platformKey = await key("Codat platform-wide", null);

  const views = new Map<string, { id: string; needle: string }>();
  for (const user of [staff(), acmeAdmin(), acmeViewer(), globexAdmin()]) {
    const needle = `view-of-${user.id}`;
    const view = await callerAs(db, user).views.save({
      table: "connections",
      name: "Shared name",
      query: `q=${needle}`,
    });
    views.set(user.id, { id: view.id, needle });
  }
  await callerAs(db, globexAdmin()).views.setPrefs({
    table: "connections",
    hiddenColumns: ["globex-pref-marker"],
    density: "compact",
  });
  const foreignView = views.get(globexAdmin().id) ?? { id: "", needle: "" };
  secrets.push(...(await plantWebhooks(db, [own.tenantId, foreign.tenantId])));
  await plantAlerts(db, [own.tenantId, foreign.tenantId]);

  return {
    marker,
    own: { ...own, apiKey: ownKey, needles: [...own.needles, ownKey.id] },
    foreign: {
      ...foreign,
      apiKey: foreignKey,
      needles: [...foreign.needles, foreignKey.id, "globex-pref-marker", foreignView.needle, foreignView.id],
    },
    platformKey,
    views,
    foreignView,
    secrets: [marker, ...secrets],
  };
}
