// The daily digest of a rule whose e-mail delivery is "daily": firings keep email_status
// "pending" (the bell shows them at once); on the first pass of a new UTC day the worker claims
// the day on the rule (a conditional update, so a restart, a second tick or a second instance
// never sends twice), then sends one e-mail listing the pending firings from before that day and
// records sent/failed on them. If the process dies between claim and send, they stay pending and
// go out with the next day's digest rather than twice.
import type { DB } from "../../db";
import { publicOrigin } from "../http/public-origin";
import { log } from "../log";
import { TenantScope } from "../scope/tenant-scope";
import { digestEmail } from "./digest-email";
import { sendAndRecord } from "./email-alert";
import { toRuleRow, type AlertRuleRow } from "./rule-row";

/** Firings listed per digest; any beyond wait for the next day's digest. */
const MAX_PER_DIGEST = 500;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Sends the due digest of every enabled daily rule; returns how many e-mails went out. */
export async function sendDigests(db: DB, now = new Date()): Promise<number> {
  const rules = (
    await TenantScope.unscopedForAlertRule(db, null)
      .alertRules()
      .selectAll("alert_rules")
      .where("alert_rules.enabled", "=", 1)
      .where("alert_rules.delivery", "=", "daily")
      .orderBy("alert_rules.id")
      .execute()
  ).map(toRuleRow);
  let sent = 0;
  for (const rule of rules) {
    try {
      if (await sendRuleDigest(db, rule, now)) sent += 1;
    } catch (error) {
      log.error({ err: error, rule: rule.id }, "alert digest failed");
    }
  }
  return sent;
}

export async function sendRuleDigest(db: DB, rule: AlertRuleRow, now: Date): Promise<boolean> {
  const day = utcDay(now);
  if (rule.last_digest_day !== null && rule.last_digest_day >= day) return false;
  const scope = TenantScope.unscopedForAlertRule(db, rule.tenant_id);
  const items = await scope.transaction(async (scope) => {
    const claimed = await scope
      .updateAlertRules()
      .set({ last_digest_day: day })
      .where("alert_rules.id", "=", rule.id)
      .where((eb) =>
        eb.or([eb("alert_rules.last_digest_day", "is", null), eb("alert_rules.last_digest_day", "<", day)]),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return [];
    return scope
      .alertNotifications()
      .select([
        "alert_notifications.id",
        "alert_notifications.title",
        "alert_notifications.connection_id",
        "alert_notifications.group_id",
        "alert_notifications.created_at",
      ])
      .where("alert_notifications.rule_id", "=", rule.id)
      .where("alert_notifications.email_status", "=", "pending")
      .where("alert_notifications.created_at", "<", `${day}T00:00:00.000Z`)
      .orderBy("alert_notifications.created_at")
      .orderBy("alert_notifications.id")
      .limit(MAX_PER_DIGEST)
      .execute();
  });
  if (items.length === 0 || rule.email_to.length === 0) return false;
  return sendAndRecord(
    scope,
    rule,
    () => digestEmail(rule, items, publicOrigin()),
    items.map((n) => n.id),
  );
}
