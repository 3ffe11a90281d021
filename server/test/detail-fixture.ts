// A connection with every section filled (runs, errors, audit events, credentials), for the detail
// procedure tests and bench/detail.ts. Not used by the app itself.
import type { DB } from "../../db";
import type { NewConnectionError, NewConnectionRun } from "../../db/types";
import { sealCredentials } from "../crypto";

export interface RichConnectionOptions {
  id: string;
  tenantId: string;
  runs: number;
  errors: number;
  audits: number;
  now: number;
  /** plaintext credentials sealed into the row; tests look for them in every response */
  credentials?: Record<string, unknown>;
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export async function insertRichConnection(db: DB, o: RichConnectionOptions): Promise<void> {
  const sealed = sealCredentials(
    o.credentials ?? { access_token: `at_${o.id}_secret`, refresh_token: `rt_${o.id}_secret` },
  );
  const runs: NewConnectionRun[] = Array.from({ length: o.runs }, (_, i) => {
    const started = o.now - (o.runs - i) * HOUR;
    // Every fifth run fails, and so does the last: the default diff is last vs an earlier success.
    const failed = i % 5 === 4 || i === o.runs - 1;
    return {
      id: `run_${o.id}_${String(i).padStart(4, "0")}`,
      connection_id: o.id,
      tenant_id: o.tenantId,
      job_id: `job-${o.id}-${i}`,
      status: failed ? "error" : "complete",
      source_status: "complete",
      destination_status: failed ? "error" : "complete",
      started_at: iso(started),
      finished_at: iso(started + 90_000),
      run_by: i % 2 ? "maria.lopez" : "integration-bot",
      source_parameters: JSON.stringify({ sheet: "FY25 Q1", range: { from: "A1", to: `K${200 + i}` } }),
      destination_parameters: JSON.stringify({ table: "ledger", mode: failed ? "replace" : "append" }),
      records_read: 100 + i,
      records_written: failed ? 0 : 100 + i,
      error_message: failed ? "Destination rejected 12 rows: column 'period' is not a date" : null,
      extra: null,
    };
  });
  const errors: NewConnectionError[] = Array.from({ length: o.errors }, (_, i) => {
    const active = i % 3 === 0;
    const at = o.now - (i + 1) * HOUR;
    return {
      id: `err_${o.id}_${String(i).padStart(4, "0")}`,
      connection_id: o.id,
      tenant_id: o.tenantId,
      status_code: i === 0 ? "401" : "429",
      status_text: i === 0 ? "Unauthorized" : "Too Many Requests",
      message: i === 0 ? "invalid_grant: refresh token has been revoked or has expired" : `Rate limit exceeded (${i})`,
      errored_at: iso(at),
      status: active ? "active" : "resolved",
      upstream_status: active ? "Active" : "Resolved",
      is_auth_error: i === 0 ? 1 : 0,
      resolved_at: active ? null : iso(at + HOUR / 2),
      resolved_by: active ? null : "dev.patel",
      resolution_note: active ? null : "Retried after upstream recovered.",
    };
  });
  const last = runs.at(-1);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("connections")
      .values({
        id: o.id,
        tenant_id: o.tenantId,
        platform: "codat",
        platform_id: `plat-${o.id}`,
        workspace_id: "ws_fixture",
        name: `Fixture ${o.id}`,
        description: "Quarterly ledger sync",
        provider: "xero",
        integration_id: "int-1",
        integration_key: "gbol",
        integration_name: "Xero",
        categories: JSON.stringify(["accounting"]),
        source_id: "src-1",
        source_type: "accounting",
        source_workspace_id: "ws_src",
        destination_id: "dst-1",
        destination_type: "spreadsheet",
        destination_workspace_id: "ws_dst",
        status: "error",
        upstream_status: "Linked",
        needs_relink: 1,
        user_paused: 0,
        paused_by: null,
        paused_at: null,
        pause_reason: null,
        platform_paused: 1,
        platform_paused_reason: "monthly plan limit exceeded",
        environment: "production",
        external_xref: "cust-42",
        auth_type: "oauth2",
        auth_scopes: JSON.stringify(["accounting.transactions", "offline_access"]),
        auth_expires_at: iso(o.now - 3 * 24 * HOUR),
        auth_aws_arn: "arn:aws:secretsmanager:us-east-1:1:secret:x",
        ...sealed,
        permissions: JSON.stringify(["accounting_invoice_read", "accounting_invoice_write", "crm_contact_read"]),
        link_url: "https://link-api.codat.io/companies/c1/connections/k1/start",
        connection_info: JSON.stringify({ region: "uk" }),
        metadata: JSON.stringify({ account_id: "acc-1" }),
        unmapped: JSON.stringify({ LegacyField: "kept" }),
        created_at: iso(o.now - 90 * 24 * HOUR),
        updated_at: iso(o.now - HOUR),
        created_by: "maria.lopez",
        updated_by: "dev.patel",
        last_sync_at: iso(o.now - 2 * HOUR),
        last_run_job_id: last?.job_id ?? null,
        last_run_status: last?.status ?? null,
        last_run_at: last?.started_at ?? null,
        last_run_by: last?.run_by ?? null,
        last_run_source_parameters: last?.source_parameters ?? null,
        last_run_destination_parameters: last?.destination_parameters ?? null,
        last_run_error: last?.error_message ?? null,
        open_error_count: errors.filter((e) => e.status === "active").length,
        version: 1,
      })
      .execute();
    for (let i = 0; i < runs.length; i += 200)
      await trx
        .insertInto("connection_runs")
        .values(runs.slice(i, i + 200))
        .execute();
    for (let i = 0; i < errors.length; i += 200)
      await trx
        .insertInto("connection_errors")
        .values(errors.slice(i, i + 200))
        .execute();
    for (let i = 0; i < o.audits; i++) {
      await trx
        .insertInto("audit_events")
        .values({
          id: `aud_${o.id}_${String(i).padStart(4, "0")}`,
          at: iso(o.now - (o.audits - i) * 60_000),
          actor_id: "usr_support_staff",
          actor_label: "support@demo.test (support)",
          tenant_id: o.tenantId,
          connection_id: o.id,
          action: i % 2 ? "connection.resume" : "connection.pause",
          // a careless writer that logged a token: the activity section must still never show it
          before: JSON.stringify({ user_paused: i % 2, access_token: `at_${o.id}_secret` }),
          after: JSON.stringify({ user_paused: (i + 1) % 2 }),
          note: i === 0 ? "Customer asked to stop syncing" : null,
        })
        .execute();
    }
  });
}
