// Each table's part of a connection's timeline: at most `limit` entries strictly older than the
// cursor, newest first. Every read is through the scope and by connection id (an index each).
import type { TenantScope } from "../scope/tenant-scope";
import type { TimelineEntry } from "./timeline.types";

export interface Cursor {
  at: string;
  id: string;
}
/** Entries older than the cursor: an earlier time, or the same time and a smaller id. */
export const before = (e: TimelineEntry, c: Cursor | null) =>
  c === null || e.at < c.at || (e.at === c.at && e.id < c.id);

const tab = (connectionId: string, name: string) => `/connections/${encodeURIComponent(connectionId)}?tab=${name}`;

export async function runEntries(scope: TenantScope, connectionId: string, c: Cursor | null, limit: number) {
  let q = scope
    .runs()
    .select([
      "id",
      "job_id",
      "status",
      "started_at",
      "finished_at",
      "run_by",
      "records_read",
      "records_written",
      "error_message",
    ])
    .where("connection_id", "=", connectionId)
    .where("started_at", "is not", null)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (c) q = q.where("started_at", "<=", c.at);
  const rows = await q.execute();
  return rows.map((r): TimelineEntry => ({
    id: `run:${r.id}`,
    kind: "run",
    at: r.started_at!,
    title: `Run ${r.job_id} ${r.status}`,
    detail:
      r.error_message ??
      (r.records_read !== null || r.records_written !== null
        ? `${r.records_read ?? 0} read, ${r.records_written ?? 0} written`
        : null),
    actor: r.run_by,
    href: tab(connectionId, "runs"),
  }));
}

export async function errorEntries(scope: TenantScope, connectionId: string, c: Cursor | null, limit: number) {
  const base = () =>
    scope
      .errors()
      .select(["id", "status_code", "message", "errored_at", "resolved_at", "resolved_by", "resolution_note"])
      .where("connection_id", "=", connectionId);
  let created = base()
    .orderBy("errored_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  let resolved = base()
    .where("resolved_at", "is not", null)
    .orderBy("resolved_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (c) {
    created = created.where("errored_at", "<=", c.at);
    resolved = resolved.where("resolved_at", "<=", c.at);
  }
  const [a, b] = await Promise.all([created.execute(), resolved.execute()]);
  return [
    ...a.map((r): TimelineEntry => ({
      id: `error:${r.id}:created`,
      kind: "error",
      at: r.errored_at,
      title: `Error${r.status_code ? ` ${r.status_code}` : ""}`,
      detail: r.message,
      actor: null,
      href: tab(connectionId, "errors"),
    })),
    ...b.map((r): TimelineEntry => ({
      id: `error:${r.id}:resolved`,
      kind: "error",
      at: r.resolved_at!,
      title: `Error${r.status_code ? ` ${r.status_code}` : ""} resolved`,
      detail: r.resolution_note,
      actor: r.resolved_by,
      href: tab(connectionId, "errors"),
    })),
  ];
}

/** A connection's links are few: read them all and expand each into its moments. */
export async function linkEntries(scope: TenantScope, connectionId: string, now: number) {
  const rows = await scope
    .links()
    .select([
      "id",
      "created_at",
      "created_by",
      "expires_at",
      "sent_to",
      "opened_at",
      "used_at",
      "revoked_at",
      "revoked_by",
    ])
    .where("connection_id", "=", connectionId)
    .orderBy("created_at", "desc")
    .limit(500)
    .execute();
  const nowIso = new Date(now).toISOString();
  const href = tab(connectionId, "relink");
  return rows.flatMap((r) => {
    const e = (
      suffix: string,
      at: string,
      title: string,
      detail: string | null,
      actor: string | null,
    ): TimelineEntry => ({
      id: `link:${r.id}:${suffix}`,
      kind: "link",
      at,
      title,
      detail,
      actor,
      href,
    });
    const out = [
      e("created", r.created_at, "Relink link created", r.sent_to ? `for ${r.sent_to}` : null, r.created_by),
    ];
    if (r.opened_at) out.push(e("opened", r.opened_at, "Relink link opened", null, null));
    if (r.used_at) out.push(e("completed", r.used_at, "Relink completed", null, null));
    if (r.revoked_at) out.push(e("revoked", r.revoked_at, "Relink link revoked", null, r.revoked_by));
    if (!r.used_at && !r.revoked_at && r.expires_at <= nowIso)
      out.push(e("expired", r.expires_at, "Relink link expired unused", null, null));
    return out;
  });
}

/** Audited changes other sources already show (resolutions, links) are left to those. */
const SHOWN_ELSEWHERE = new Set(["errors.resolve", "relink.created", "relink.revoked", "connection.relinked"]);
const AUDIT_TITLE: Record<string, string> = {
  "connection.pause": "Paused",
  "connection.resume": "Resumed",
  "connection.tags": "Tags changed",
  "connection.run_requested": "Re-run requested",
  "connection.credentials_read": "Credentials read",
};

export async function auditEntries(scope: TenantScope, connectionId: string, c: Cursor | null, limit: number) {
  let q = scope
    .audit()
    .select(["id", "at", "actor_label", "action", "note", "after"])
    .where("connection_id", "=", connectionId)
    .where("action", "not in", [...SHOWN_ELSEWHERE])
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (c) q = q.where("at", "<=", c.at);
  const rows = await q.execute();
  return rows.map((r): TimelineEntry => ({
    id: `audit:${r.id}`,
    kind: r.action === "connection.pause" || r.action === "connection.resume" ? "pause" : "change",
    at: r.at,
    title: AUDIT_TITLE[r.action] ?? r.action,
    detail: r.note,
    actor: r.actor_label,
    href: tab(connectionId, "activity"),
  }));
}

/** Status changes, from the outbox (ingest and relink record them there). */
export async function statusEntries(scope: TenantScope, connectionId: string, c: Cursor | null, limit: number) {
  let q = scope
    .events()
    .select(["id", "occurred_at", "body"])
    .where("connection_id", "=", connectionId)
    .where("type", "=", "connection.status_changed")
    .orderBy("occurred_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (c) q = q.where("occurred_at", "<=", c.at);
  const rows = await q.execute();
  return rows.map((r): TimelineEntry => {
    let detail: string | null = null;
    try {
      const body = JSON.parse(r.body) as { data?: { previous_status?: unknown; status?: unknown } };
      const from = body.data?.previous_status;
      const to = body.data?.status;
      if (typeof to === "string") detail = `${typeof from === "string" ? from : "?"} → ${to}`;
    } catch {
      detail = null;
    }
    return {
      id: `status:${r.id}`,
      kind: "status",
      at: r.occurred_at,
      title: "Status changed",
      detail,
      actor: null,
      href: tab(connectionId, "overview"),
    };
  });
}
