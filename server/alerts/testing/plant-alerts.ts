// Alert objects for the security suites, with ids a probe can name: per tenant a rule
// `alr_sec_<tenant>` with one bell notification `ntf_sec_<tenant>`, and a support rule over every
// tenant `alr_sec_platform` whose notification is about the last tenant's connection (staff only).
// Names and titles carry `<tenant>-data`, one of the fixture's needles.
import type { DB } from "../../../db";

export const plantedRuleId = (tenantId: string | null) => `alr_sec_${tenantId ?? "platform"}`;
export const plantedNotificationId = (tenantId: string | null) => `ntf_sec_${tenantId ?? "platform"}`;

export async function plantAlerts(db: DB, tenantIds: string[], now = new Date().toISOString()): Promise<void> {
  const last = tenantIds[tenantIds.length - 1] ?? "";
  for (const tenantId of [...tenantIds, null]) {
    const about = tenantId ?? last;
    await db
      .insertInto("alert_rules")
      .values({
        id: plantedRuleId(tenantId),
        tenant_id: tenantId,
        name: `Planted for ${about}-data`,
        kind: "needs_relink",
        threshold: null,
        status: null,
        platform: null,
        provider: null,
        tag: null,
        email_to: JSON.stringify([`ops@${about}-data.test`]),
        webhook_endpoint_id: null,
        created_by: "fixture",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("alert_notifications")
      .values({
        id: plantedNotificationId(tenantId),
        rule_id: plantedRuleId(tenantId),
        tenant_id: about,
        rule_tenant_id: tenantId,
        connection_id: null,
        group_id: null,
        title: `A connection of ${about}-data needs relink`,
        bell: 1,
        email_status: null,
        email_error: null,
        webhook_event_id: null,
        created_at: now,
      })
      .execute();
  }
}
