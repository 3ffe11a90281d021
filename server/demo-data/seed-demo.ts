// Demo data: tenants, demo users, integrations and N connections with runs and errors,
// deterministic from a seed value, one transaction per batch (bulk-seed.ts is the fast path for large sets).
import type { DB } from "../../db";
import { hashPassword } from "../auth/password";
import { CATALOG, TENANTS } from "./catalog";
import { batchRequests, connectionRows, generateBatch } from "./seed-batch";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = [
  { email: "support@demo.test", name: "Sam Support", role: "support", tenant: null },
  { email: "admin@acme.demo.test", name: "Avery Acme", role: "tenant_admin", tenant: "acme" },
  { email: "admin@globex.demo.test", name: "Gale Globex", role: "tenant_admin", tenant: "globex" },
  { email: "viewer@acme.demo.test", name: "Vic Viewer", role: "viewer", tenant: "acme" },
] as const;

export interface SeedOptions {
  connections: number;
  seed?: number;
  /** fixed "now" so that relative dates are reproducible */
  now?: number;
  onProgress?: (done: number, total: number) => void;
  /** rows per generated batch (SEED_BATCH); the same seed and size always give the same rows */
  batchSize?: number;
}

const ROWS_PER_STATEMENT = 250;

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) yield rows.slice(i, i + ROWS_PER_STATEMENT);
}

export async function seedBase(db: DB, now: number): Promise<Map<string, { id: string; name: string }>> {
  const at = new Date(now).toISOString();
  const tenants = new Map<string, { id: string; name: string }>();
  for (const t of TENANTS) {
    const id = `ten_${t.slug}`;
    tenants.set(t.slug, { id, name: t.name });
    await db
      .insertInto("tenants")
      .values({ id, slug: t.slug, name: t.name, time_zone: t.time_zone, created_at: at })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await db
      .insertInto("users")
      .values({
        id: `usr_${u.email.split("@")[0]}_${u.tenant ?? "staff"}`,
        email: u.email,
        name: u.name,
        password_hash: hash,
        role: u.role,
        tenant_id: u.tenant ? `ten_${u.tenant}` : null,
        created_at: at,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
  }
  for (const c of CATALOG) {
    await db
      .insertInto("integrations")
      .values({
        provider: c.provider,
        display_name: c.displayName,
        platform: c.platform,
        category: c.category,
        auth_kind: "oauth2",
        authorize_url: null,
        token_url: null,
        client_id: `sandbox-${c.provider}`,
        client_secret_encrypted: null,
        scopes: JSON.stringify(c.scopes),
        use_sandbox: 1,
      })
      .onConflict((oc) => oc.column("provider").doNothing())
      .execute();
  }
  return tenants;
}

export async function seedDemo(
  db: DB,
  options: SeedOptions,
): Promise<{ connections: number; runs: number; errors: number }> {
  const now = options.now ?? Date.now();
  await seedBase(db, now);
  const start = await countConnections(db);
  const totals = { connections: 0, runs: 0, errors: 0 };
  for (const request of batchRequests(options.seed ?? 42, options.connections, start, now, options.batchSize)) {
    const batch = generateBatch(request);
    const { runs, errors } = batch;
    const connections = connectionRows(batch);
    await db.transaction().execute(async (trx) => {
      for (const chunk of chunks(connections)) await trx.insertInto("connections").values(chunk).execute();
      for (const chunk of chunks(runs)) await trx.insertInto("connection_runs").values(chunk).execute();
      for (const chunk of chunks(errors)) await trx.insertInto("connection_errors").values(chunk).execute();
    });
    totals.connections += connections.length;
    totals.runs += runs.length;
    totals.errors += errors.length;
    options.onProgress?.(totals.connections, options.connections);
  }
  return totals;
}

export async function countConnections(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom("connections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}
