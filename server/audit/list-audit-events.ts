// Audit log pages, newest first, keyset-paged on (at, id) so paging stays cheap and stable
// while new events arrive.
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { parseJsonText } from "../json-text";
import { redactSecrets } from "../secrets/redact-secrets";
import { auditQuery } from "./audit-query";
import type { AuditEvent, AuditFilters, ListAuditResponse } from "./list.types";
import type { TenantScope } from "../scope/tenant-scope";

export interface AuditPageInput extends AuditFilters {
  cursor?: string | null;
  limit: number;
}

export async function readAuditPage(
  scope: TenantScope,
  input: AuditPageInput,
): Promise<{ rows: AuditEvent[]; next: { at: string; id: string } | null }> {
  let q = auditQuery(scope, input);
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    const at = c.v ?? "";
    q = q.where((eb) =>
      eb.or([
        eb("audit_events.at", "<", at),
        eb.and([eb("audit_events.at", "=", at), eb("audit_events.id", "<", c.id)]),
      ]),
    );
  }
  const fetched = await q
    .orderBy("audit_events.at", "desc")
    .orderBy("audit_events.id", "desc")
    .limit(input.limit + 1)
    .execute();
  const page = fetched.slice(0, input.limit);
  const rows = page.map((r) => ({
    ...r,
    before: redactSecrets(parseJsonText(r.before)),
    after: redactSecrets(parseJsonText(r.after)),
  }));
  const last = page.at(-1);
  return { rows, next: fetched.length > input.limit && last ? { at: last.at, id: last.id } : null };
}

export async function listAuditEvents(scope: TenantScope, input: AuditPageInput): Promise<ListAuditResponse> {
  const { rows, next } = await readAuditPage(scope, input);
  return { rows, nextCursor: next ? encodeCursor({ v: next.at, id: next.id }) : null };
}
