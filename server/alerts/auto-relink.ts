// The auto-relink option of a tenant's needs_relink rule: when a connection starts needing
// relink, a new relink link goes to its customer by e-mail, through the relink code itself
// (createRelinkLink: link row, audit and outbox in one transaction; then sendRelinkEmail). The
// console keeps no customer e-mail on a connection, so the customer is whoever the last link for
// that connection was sent to; with none, nothing is sent. A link that expires unused is replaced
// once (claimed by a conditional update on the firing row, so it never goes twice).
import type { DB } from "../../db";
import { publicOrigin } from "../http/public-origin";
import { log } from "../log";
import { createRelinkLink } from "../relink/create-link";
import { TenantScope } from "../scope/tenant-scope";
import type { FiredNotification } from "./fire";
import type { AlertRuleRow } from "./rule-row";

async function customerEmail(scope: TenantScope, connectionId: string): Promise<string | null> {
  const last = await scope
    .links()
    .select("relink_links.sent_to")
    .where("relink_links.connection_id", "=", connectionId)
    .where("relink_links.sent_to", "is not", null)
    .orderBy("relink_links.created_at", "desc")
    .orderBy("relink_links.id", "desc")
    .executeTakeFirst();
  return last?.sent_to ?? null;
}

async function sendLink(scope: TenantScope, rule: AlertRuleRow, connectionId: string, note: string): Promise<boolean> {
  const to = await customerEmail(scope, connectionId);
  if (!to) return false;
  try {
    const link = await createRelinkLink(
      scope,
      { connectionId, recipientEmail: to, revokeOpen: true, sendEmail: true },
      publicOrigin(),
      note,
    );
    await scope
      .updateAlertFirings()
      .set({ auto_link_id: link.id })
      .where("alert_firings.rule_id", "=", rule.id)
      .where("alert_firings.subject_id", "=", connectionId)
      .execute();
    return true;
  } catch (error) {
    // e.g. a provider that cannot be re-authorised by link: the firing stands, nothing is sent
    log.warn({ err: error, rule: rule.id, connection: connectionId }, "auto-relink link not sent");
    return false;
  }
}

/** A link for each connection that just started needing relink; returns how many went out. */
export async function autoRelinkFired(db: DB, rule: AlertRuleRow, fired: FiredNotification[]): Promise<number> {
  if (!rule.auto_relink || rule.tenant_id === null) return 0;
  const scope = TenantScope.unscopedForAlertRule(db, rule.tenant_id);
  let sent = 0;
  for (const n of fired) {
    const id = n.subject.connectionId;
    if (id && (await sendLink(scope, rule, id, `Auto-relink: alert rule "${rule.name}"`))) sent += 1;
  }
  return sent;
}

/** Once per firing: a new link when the auto-relink link expired without being used. */
export async function resendExpiredLinks(db: DB, rule: AlertRuleRow, now: Date): Promise<number> {
  if (!rule.auto_relink || rule.tenant_id === null) return 0;
  const scope = TenantScope.unscopedForAlertRule(db, rule.tenant_id);
  const due = await scope
    .links()
    .innerJoin("alert_firings", "alert_firings.auto_link_id", "relink_links.id")
    .select("alert_firings.subject_id")
    .where("alert_firings.rule_id", "=", rule.id)
    .where("alert_firings.active", "=", 1)
    .where("alert_firings.auto_resent", "=", 0)
    .where("relink_links.used_at", "is", null)
    .where("relink_links.revoked_at", "is", null)
    .where("relink_links.expires_at", "<=", now.toISOString())
    .limit(100)
    .execute();
  let sent = 0;
  for (const { subject_id } of due) {
    const claimed = await scope
      .updateAlertFirings()
      .set({ auto_resent: 1 })
      .where("alert_firings.rule_id", "=", rule.id)
      .where("alert_firings.subject_id", "=", subject_id)
      .where("alert_firings.auto_resent", "=", 0)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    if (await sendLink(scope, rule, subject_id, `Auto-relink resend: the previous link expired unused`)) sent += 1;
  }
  return sent;
}
