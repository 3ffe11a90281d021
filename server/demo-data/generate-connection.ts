// One deterministic demo connection with its runs and errors, shaped like what each
// platform really sends (see ../shared/fixtures/vendor).
import { ERROR_SAMPLES, CATALOG, type CatalogProvider } from "./catalog";
import type { Random } from "./random";
import { computeNeedsRelink } from "../adapters/status";
import type { ConnectionStatus, NewConnection, NewConnectionError, NewConnectionRun } from "../../db/types";

const DAY = 86_400_000;
const STATUS_WEIGHTS: { status: ConnectionStatus; weight: number }[] = [
  { status: "active", weight: 62 },
  { status: "error", weight: 10 },
  { status: "expired", weight: 8 },
  { status: "pending", weight: 7 },
  { status: "disconnected", weight: 7 },
  { status: "deauthorized", weight: 6 },
];
const UPSTREAM: Record<string, Partial<Record<ConnectionStatus, string>>> = {
  codat: { pending: "PendingAuth", active: "Linked", disconnected: "Unlinked", deauthorized: "Deauthorized" },
};
const PEOPLE = ["maria.lopez", "dev.patel", "sam.okafor", "li.wei", "jo.schmidt", "integration-bot"];

export interface GeneratedConnection {
  connection: Omit<NewConnection, "credentials_encrypted" | "credentials_fingerprint">;
  credentials: Record<string, unknown> | null;
  runs: NewConnectionRun[];
  errors: NewConnectionError[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function runParameters(rnd: Random, provider: CatalogProvider, i: number) {
  return {
    source: {
      sheet: `FY${24 + (i % 3)} Q${1 + (i % 4)}`,
      range: { from: `A${1 + i}`, to: `K${200 + rnd.int(0, 800)}` },
      filters: { entity: rnd.pick(["US01", "UK02", "DE03"]), includeDrafts: rnd.chance(0.3) },
    },
    destination: {
      table: `${provider.provider.replace(/-/g, "_")}_ledger`,
      mode: rnd.pick(["append", "replace", "upsert"]),
      options: { batchSize: rnd.pick([500, 1000, 5000]), dedupeKeys: ["entity", "period"] },
    },
  };
}

export function generateConnection(
  rnd: Random,
  index: number,
  tenantId: string,
  tenantName: string,
  now: number,
): GeneratedConnection {
  const provider = rnd.pick(CATALOG);
  const status = rnd.weighted(STATUS_WEIGHTS).status;
  const id = `con_${index.toString(36).padStart(7, "0")}${rnd.hex(6)}`;
  const created = now - rnd.int(2, 720) * DAY - rnd.int(0, DAY);
  const updated = Math.min(now, created + rnd.int(0, Math.floor((now - created) / DAY)) * DAY + rnd.int(0, DAY - 1));
  const lastSync = status === "pending" ? null : now - rnd.int(0, status === "active" ? 3 * DAY : 60 * DAY);
  const expiresIn = status === "expired" ? -rnd.int(1, 90) * DAY : rnd.int(-2, 120) * DAY;
  const authExpires = provider.platform === "workiva" && rnd.chance(0.5) ? null : now + expiresIn;
  const userPaused = rnd.chance(0.04);
  const platformPaused = provider.platform === "unified" && rnd.chance(0.05);
  const xref = rnd.chance(0.8) ? `${tenantName.split(" ")[0]?.toLowerCase()}-cust-${rnd.int(1000, 99999)}` : null;
  const runs: NewConnectionRun[] = [];
  const errors: NewConnectionError[] = [];
  const runCount = provider.platform === "workiva" ? rnd.int(1, 4) : rnd.chance(0.3) ? rnd.int(1, 2) : 0;
  for (let r = 0; r < runCount; r++) {
    const started = (lastSync ?? updated) - (runCount - 1 - r) * rnd.int(1, 3) * DAY;
    const failed = r === runCount - 1 && (status === "error" || rnd.chance(0.1));
    const params = runParameters(rnd, provider, r);
    runs.push({
      id: `run_${id.slice(4)}_${r}`,
      connection_id: id,
      tenant_id: tenantId,
      job_id: rnd.uuid(),
      status: failed ? "error" : "complete",
      source_status: "complete",
      destination_status: failed ? "error" : "complete",
      started_at: iso(started),
      finished_at: iso(started + rnd.int(4, 900) * 1000),
      run_by: rnd.pick(PEOPLE),
      source_parameters: JSON.stringify(params.source),
      destination_parameters: JSON.stringify(params.destination),
      records_read: rnd.int(10, 50_000),
      records_written: failed ? 0 : rnd.int(10, 50_000),
      error_message: failed ? "Destination rejected 12 rows: column 'period' is not a date" : null,
      extra: null,
    });
  }
  const wantsAuthError = status === "deauthorized" || status === "expired" || (status === "error" && rnd.chance(0.6));
  const errorCount = status === "active" ? (rnd.chance(0.15) ? 1 : 0) : rnd.int(1, 3);
  let openErrors = 0;
  let activeAuth = false;
  for (let e = 0; e < errorCount; e++) {
    const sample =
      e === 0 && wantsAuthError
        ? rnd.pick(ERROR_SAMPLES.filter((s) => s.auth))
        : rnd.pick(ERROR_SAMPLES.filter((s) => !s.auth));
    const resolved = status === "active" || (e > 0 && rnd.chance(0.5));
    const erroredAt = now - rnd.int(1, 30 * 24) * 3_600_000;
    if (!resolved) openErrors++;
    if (!resolved && sample.auth) activeAuth = true;
    errors.push({
      id: `err_${id.slice(4)}_${e}`,
      connection_id: id,
      tenant_id: tenantId,
      status_code: sample.code,
      status_text: sample.text,
      message: sample.message,
      errored_at: iso(erroredAt),
      status: resolved ? "resolved" : "active",
      upstream_status: provider.platform === "codat" ? (resolved ? "Resolved" : "Active") : null,
      is_auth_error: sample.auth ? 1 : 0,
      resolved_at: resolved ? iso(Math.min(now, erroredAt + rnd.int(1, 48) * 3_600_000)) : null,
      resolved_by: resolved ? rnd.pick(PEOPLE) : null,
      resolution_note: resolved ? "Retried after upstream recovered." : null,
    });
  }
  const needsRelink = computeNeedsRelink(status, activeAuth);
  const lastRun = runs.at(-1);
  const workiva = provider.platform === "workiva";
  const unified = provider.platform === "unified";
  return {
    credentials:
      status === "pending"
        ? null
        : { access_token: `at_${rnd.hex(32)}`, refresh_token: `rt_${rnd.hex(32)}`, token_type: "Bearer" },
    runs,
    errors,
    connection: {
      id,
      tenant_id: tenantId,
      platform: provider.platform,
      platform_id: provider.platform === "codat" ? rnd.uuid() : `${provider.platform.slice(0, 3)}_${rnd.hex(16)}`,
      workspace_id: workiva || unified ? `ws_${rnd.hex(8)}` : null,
      name: `${tenantName.split(" ")[0]} ${provider.displayName}${rnd.chance(0.3) ? ` (${rnd.pick(["EU", "US", "APAC", "Payroll", "Finance", "Sales"])})` : ""}`,
      description: workiva ? `Sync ${provider.sourceType.replace(/_/g, " ")} into the quarterly close workbook` : null,
      provider: provider.provider,
      integration_id: provider.platform === "codat" ? rnd.uuid() : null,
      integration_key: provider.integrationKey,
      integration_name: provider.displayName,
      categories: JSON.stringify([provider.category]),
      source_id: workiva ? rnd.hex(32) : provider.platform === "codat" ? rnd.uuid() : null,
      source_type: provider.sourceType,
      source_workspace_id: workiva ? `ws_${rnd.hex(8)}` : null,
      destination_id: workiva ? rnd.hex(32) : null,
      destination_type: workiva ? rnd.pick(["spreadsheet", "wdata_table", "document"]) : null,
      destination_workspace_id: workiva ? `ws_${rnd.hex(8)}` : null,
      status,
      upstream_status: UPSTREAM[provider.platform]?.[status] ?? (provider.platform === "generic" ? status : null),
      needs_relink: needsRelink ? 1 : 0,
      user_paused: userPaused ? 1 : 0,
      paused_by: userPaused ? "support@demo.test" : null,
      paused_at: userPaused ? iso(now - rnd.int(1, 20) * DAY) : null,
      pause_reason: userPaused
        ? rnd.pick([
            "Customer asked to stop syncing during migration",
            "Investigating duplicate invoices",
            "Month-end freeze",
          ])
        : null,
      platform_paused: platformPaused ? 1 : 0,
      platform_paused_reason: platformPaused ? "Paused by platform: monthly plan limit exceeded" : null,
      environment: unified
        ? rnd.pick(["Production", "Production", "Sandbox"])
        : rnd.pick(["production", "production", "sandbox"]),
      external_xref: xref,
      auth_type: workiva ? "bearer" : rnd.chance(0.9) ? "oauth2" : "apikey",
      auth_scopes: JSON.stringify(provider.scopes),
      auth_expires_at: authExpires === null ? null : iso(authExpires),
      auth_aws_arn:
        unified && rnd.chance(0.2) ? `arn:aws:secretsmanager:us-east-1:1234567890:secret:unified/${rnd.hex(12)}` : null,
      permissions: JSON.stringify(provider.permissions),
      link_url:
        provider.platform === "codat"
          ? `https://link-api.codat.io/companies/${rnd.uuid()}/connections/${rnd.uuid()}/start`
          : null,
      connection_info:
        provider.platform === "codat"
          ? JSON.stringify({ tenantName: tenantName, region: rnd.pick(["uk", "us", "au"]) })
          : null,
      metadata: JSON.stringify({
        instance_url: `https://${provider.provider}.example.com/${rnd.hex(6)}`,
        account_id: rnd.hex(10),
      }),
      unmapped: null,
      created_at: iso(created),
      updated_at: iso(updated),
      created_by: rnd.pick(PEOPLE),
      updated_by: rnd.pick(PEOPLE),
      last_sync_at: lastSync === null ? null : iso(lastSync),
      last_run_job_id: lastRun?.job_id ?? null,
      last_run_status: lastRun?.status ?? null,
      last_run_at: lastRun?.started_at ?? null,
      last_run_by: lastRun?.run_by ?? null,
      last_run_source_parameters: lastRun?.source_parameters ?? null,
      last_run_destination_parameters: lastRun?.destination_parameters ?? null,
      last_run_error: lastRun?.error_message ?? null,
      open_error_count: openErrors,
      version: 1,
    },
  };
}
