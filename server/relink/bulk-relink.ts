// Bulk relink: one link per selected connection that needs relink, in one transaction, grouped
// in a batch. Connections the user may not see are reported exactly like unknown ids.
import { relinkDefaultTtlHours } from "../env";
import { newId, nowIso } from "../ids";
import { emailIssuedLink, requireRecipient } from "./email-issued-link";
import { canRelinkProvider, issueLink } from "./issue-link";
import type { BulkLink } from "./relink.types";
import type { TenantScope } from "../scope/tenant-scope";

export interface BulkRelinkInput {
  connectionIds: string[];
  recipientEmail?: string | null;
  expiresInHours?: number;
  revokeOpen: boolean;
  /** e-mail every link to recipientEmail once they exist */
  sendEmail?: boolean;
}

export interface BulkRelinkResult {
  batchId: string | null;
  links: BulkLink[];
  skipped: { connectionId: string; reason: string }[];
}

export async function bulkCreateRelinkLinks(
  scope: TenantScope,
  input: BulkRelinkInput,
  origin: string,
): Promise<BulkRelinkResult> {
  const ids = [...new Set(input.connectionIds)];
  const ttl = input.expiresInHours ?? relinkDefaultTtlHours();
  requireRecipient(input.sendEmail, input.recipientEmail);
  const result = await scope.transaction(async (scope): Promise<BulkRelinkResult> => {
    const rows = await scope
      .connections()
      .innerJoin("tenants", "tenants.id", "connections.tenant_id")
      .select([
        "connections.id",
        "connections.tenant_id",
        "connections.provider",
        "connections.name",
        "connections.needs_relink",
        "tenants.name as tenant_name",
      ])
      .where("connections.id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const skipped: BulkRelinkResult["skipped"] = [];
    const eligible: typeof rows = [];
    const providerOk = new Map<string, boolean>();
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) {
        skipped.push({ connectionId: id, reason: "not found" });
        continue;
      }
      if (!row.needs_relink) {
        skipped.push({ connectionId: id, reason: "does not need relink" });
        continue;
      }
      if (!providerOk.has(row.provider)) providerOk.set(row.provider, await canRelinkProvider(scope, row.provider));
      if (!providerOk.get(row.provider)) {
        skipped.push({ connectionId: id, reason: "integration cannot be re-authorised by link" });
        continue;
      }
      eligible.push(row);
    }
    if (eligible.length === 0) return { batchId: null, links: [], skipped };
    const batchId = newId("rlb");
    const createdAt = nowIso();
    await scope
      .insertInto("relink_batches")
      .values({
        id: batchId,
        created_by: scope.actor.id,
        created_at: createdAt,
        expires_at: new Date(Date.parse(createdAt) + ttl * 3_600_000).toISOString(),
        sent_to: input.recipientEmail ?? null,
      })
      .execute();
    const links: BulkLink[] = [];
    for (const row of eligible) {
      const link = await issueLink(scope, {
        connection: row,
        actor: scope.actor,
        recipientEmail: input.recipientEmail ?? null,
        expiresInHours: ttl,
        revokeOpen: input.revokeOpen,
        origin,
        batchId,
        note: `Bulk relink ${batchId}`,
      });
      links.push({ ...link, connectionName: row.name, tenantName: row.tenant_name });
    }
    return { batchId, links, skipped };
  });
  if (!input.sendEmail) return result;
  const links: BulkLink[] = [];
  for (const link of result.links) links.push(await emailIssuedLink(scope, link));
  return { ...result, links };
}
