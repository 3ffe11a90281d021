// The bell: the notifications the signed-in user may see (a tenant's own rules; support staff
// every rule's), newest first, with read marks per user.
import { sql } from "kysely";
import { nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import type { AlertNotification } from "./alerts.types";
import { notificationPath } from "./email-alert";

export async function listNotifications(
  scope: TenantScope,
  input: { limit: number; ruleId?: string | null; bellOnly: boolean },
): Promise<{ items: AlertNotification[]; unread: number }> {
  const user = scope.requireUser();
  let q = scope
    .alertNotifications()
    .innerJoin("alert_rules", "alert_rules.id", "alert_notifications.rule_id")
    .leftJoin("alert_notification_reads as r", (join) =>
      join.onRef("r.notification_id", "=", "alert_notifications.id").on("r.user_id", "=", user.id),
    );
  if (input.bellOnly) q = q.where("alert_notifications.bell", "=", 1);
  if (input.ruleId) q = q.where("alert_notifications.rule_id", "=", input.ruleId);
  const rows = await q
    .select([
      "alert_notifications.id",
      "alert_notifications.rule_id",
      "alert_rules.name as rule_name",
      "alert_notifications.title",
      "alert_notifications.bell",
      "alert_notifications.tenant_id",
      "alert_notifications.connection_id",
      "alert_notifications.group_id",
      "alert_notifications.email_status",
      "alert_notifications.email_error",
      "alert_notifications.webhook_event_id",
      "alert_notifications.created_at",
      "r.read_at",
    ])
    .orderBy("alert_notifications.created_at", "desc")
    .orderBy("alert_notifications.id", "desc")
    .limit(input.limit)
    .execute();
  const unread = await scope
    .alertNotifications()
    .where("alert_notifications.bell", "=", 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("alert_notification_reads")
            .select(sql.lit(1).as("one"))
            .whereRef("alert_notification_reads.notification_id", "=", "alert_notifications.id")
            .where("alert_notification_reads.user_id", "=", user.id),
        ),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map(({ read_at, bell, ...r }) => ({
      ...r,
      bell: bell === 1,
      href: notificationPath({ connectionId: r.connection_id, groupId: r.group_id }),
      read: read_at !== null,
    })),
  };
}

/** Marks the given notifications (or every visible one) read for the signed-in user. */
export async function markRead(scope: TenantScope, input: { ids?: string[] | null; all: boolean }): Promise<number> {
  const user = scope.requireUser();
  // No ids and not all: nothing to mark (an empty IN list is not SQL on PostgreSQL).
  if (!input.all && !input.ids?.length) return 0;
  let q = scope.alertNotifications().select("alert_notifications.id");
  if (!input.all && input.ids) q = q.where("alert_notifications.id", "in", input.ids);
  const visible = await q
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("alert_notification_reads")
            .select(sql.lit(1).as("one"))
            .whereRef("alert_notification_reads.notification_id", "=", "alert_notifications.id")
            .where("alert_notification_reads.user_id", "=", user.id),
        ),
      ),
    )
    .limit(10_000)
    .execute();
  if (visible.length === 0) return 0;
  const at = nowIso();
  for (let i = 0; i < visible.length; i += 500) {
    await scope
      .insertInto("alert_notification_reads")
      .values(visible.slice(i, i + 500).map((n) => ({ user_id: user.id, notification_id: n.id, read_at: at })))
      .onConflict((oc) => oc.columns(["user_id", "notification_id"]).doNothing())
      .execute();
  }
  return visible.length;
}
