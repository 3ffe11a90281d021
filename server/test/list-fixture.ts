// A small, fully known data set for the list tests: every filter and sort has matching and
// non-matching rows, nulls, and many ties (updated_at takes 5 values over 60 rows), so that
// each expectation can be computed independently in plain TypeScript.
import type { DB } from "../../db";
import type { ConnectionStatus, NewConnection, Platform } from "../../db/types";
import { seedBase } from "../demo-data/seed-demo";

const DAY = 86_400_000;
const STATUSES: ConnectionStatus[] = ["active", "error", "expired", "pending", "disconnected", "deauthorized"];
const PROVIDERS: { provider: string; platform: Platform; category: string }[] = [
  { provider: "xero", platform: "codat", category: "accounting" },
  { provider: "salesforce", platform: "unified", category: "crm" },
  { provider: "hubspot", platform: "unified", category: "crm" },
  { provider: "zendesk", platform: "generic", category: "Ticketing" },
];
const TENANTS = [
  { id: "ten_acme", name: "Acme Corporation" },
  { id: "ten_globex", name: "Globex" },
  { id: "ten_initech", name: "Initech" },
];
export const FIXTURE_SIZE = 60;

const iso = (ms: number) => new Date(ms).toISOString();

export function fixtureRow(i: number, now: number): NewConnection & { tenant_name: string; category: string } {
  const p = PROVIDERS[i % 4]!;
  const t = TENANTS[i % 3]!;
  const envs = ["Production", "production", "sandbox", null, "Sandbox"];
  return {
    id: `con_fx${String(i).padStart(3, "0")}`,
    tenant_id: t.id,
    tenant_name: t.name,
    category: p.category,
    platform: p.platform,
    platform_id: `fx-${i}`,
    workspace_id: null,
    name: i === 17 ? "Zebra Payroll" : `${t.name.split(" ")[0]} ${p.provider} ${i}`,
    description: null,
    provider: p.provider,
    integration_id: null,
    integration_key: null,
    integration_name: p.provider,
    categories: JSON.stringify([p.category]),
    source_id: i % 6 === 0 ? `src-${i}-qz9` : null,
    source_type: null,
    source_workspace_id: null,
    destination_id: null,
    destination_type: null,
    destination_workspace_id: null,
    status: STATUSES[i % 6]!,
    upstream_status: null,
    needs_relink: i % 7 === 0 ? 1 : 0,
    user_paused: i % 11 === 0 ? 1 : 0,
    paused_by: null,
    paused_at: null,
    pause_reason: null,
    platform_paused: i % 13 === 0 ? 1 : 0,
    platform_paused_reason: null,
    environment: envs[i % 5] ?? null,
    external_xref: i % 4 === 3 ? null : `cust-${1000 + i}`,
    auth_type: "oauth2",
    auth_scopes: "[]",
    // Half a day off whole days so "within N days" never sits on a boundary.
    auth_expires_at: i % 9 === 0 ? null : iso(now + ((i % 10) - 3) * DAY + DAY / 2),
    auth_aws_arn: null,
    credentials_encrypted: null,
    credentials_fingerprint: null,
    permissions: "[]",
    link_url: null,
    connection_info: null,
    metadata: null,
    unmapped: null,
    created_at: iso(Date.parse("2026-01-01T00:00:00Z") + i * DAY + 3_600_000),
    updated_at: iso(Date.parse("2026-06-01T00:00:00Z") + (i % 5) * DAY),
    created_by: null,
    updated_by: null,
    last_sync_at: i % 8 === 0 ? null : iso(now - (i % 20) * DAY - DAY / 2),
    last_run_job_id: null,
    last_run_status: null,
    last_run_at: null,
    last_run_by: null,
    last_run_source_parameters: null,
    last_run_destination_parameters: null,
    last_run_error: null,
    open_error_count: i % 4 === 1 ? 2 : 0,
    version: 1,
  };
}

export type FixtureRow = ReturnType<typeof fixtureRow>;

/** Tenants, users (including the test callers' ids) and the 60 fixture connections. */
export async function seedListFixture(db: DB, now: number): Promise<FixtureRow[]> {
  await seedBase(db, now);
  for (const [id, tenant] of [
    ["usr_test_support_staff", null],
    ["usr_test_tenant_admin_ten_acme", "ten_acme"],
    ["usr_test_tenant_admin_ten_globex", "ten_globex"],
    ["usr_test_viewer_ten_acme", "ten_acme"],
  ] as const) {
    await db
      .insertInto("users")
      .values({
        id,
        email: `${id}@test`,
        name: id,
        password_hash: "x",
        role: "viewer",
        tenant_id: tenant,
        created_at: iso(now),
      })
      .execute();
  }
  const rows = Array.from({ length: FIXTURE_SIZE }, (_, i) => fixtureRow(i, now));
  await db
    .insertInto("connections")
    .values(rows.map(({ tenant_name: _t, category: _c, ...row }) => row))
    .execute();
  return rows;
}
