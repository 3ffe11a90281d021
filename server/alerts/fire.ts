// Firing: in one transaction, the candidates turn active in the firing-state table (only the rows
// this statement really turned on come back, so two evaluators racing notify once), each gets a
// notification row, and the webhook channel's alert.triggered events go to the outbox. E-mail is
// sent after commit (no network inside a transaction) and its outcome recorded on the rows.
import type { DB } from "../../db";
import { writeEvents } from "../events/write-events";
import { newId } from "../ids";
import { TenantScope } from "../scope/tenant-scope";
import type { Subject } from "./candidates";
import { describeCondition } from "./conditions";
import type { AlertRuleRow } from "./rule-row";

export interface FiredNotification {
  id: string;
  subject: Subject;
  title: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function titleFor(rule: AlertRuleRow, subject: Subject): string {
  if (rule.kind === "error_group_size")
    return clip(`Error group affects ${subject.size} connections: ${subject.label}`, 300);
  return clip(`${subject.label}: ${describeCondition(rule)}`, 300);
}

export async function fireSubjects(
  db: DB,
  rule: AlertRuleRow,
  candidates: Subject[],
  now: Date,
): Promise<FiredNotification[]> {
  if (candidates.length === 0) return [];
  const at = now.toISOString();
  return TenantScope.unscopedForAlertRule(db, rule.tenant_id).transaction(async (scope) => {
    const turnedOn = new Set<string>();
    for (const subject of candidates) {
      const row = await scope
        .insertInto("alert_firings")
        .values({
          rule_id: rule.id,
          subject_id: subject.subjectId,
          tenant_id: subject.tenantId,
          connection_id: subject.connectionId,
          active: 1,
          fired_at: at,
          cleared_at: null,
        })
        .onConflict((oc) =>
          oc
            .columns(["rule_id", "subject_id"])
            .doUpdateSet({ active: 1, fired_at: at, cleared_at: null, auto_link_id: null, auto_resent: 0 })
            .where("alert_firings.active", "=", 0),
        )
        .returning("subject_id")
        .executeTakeFirst();
      if (row) turnedOn.add(row.subject_id);
    }
    const fired = candidates
      .filter((s) => turnedOn.has(s.subjectId))
      .map((subject) => ({ id: newId("ntf"), subject, title: titleFor(rule, subject) }));
    if (fired.length === 0) return [];

    let eventIds: string[] = [];
    if (rule.webhook_endpoint_id) {
      eventIds = await writeEvents(
        scope,
        fired.map((n) => ({
          type: "alert.triggered" as const,
          tenantId: n.subject.tenantId,
          connectionId: n.subject.connectionId,
          occurredAt: at,
          data: {
            alert: {
              notification_id: n.id,
              title: n.title,
              rule: { id: rule.id, name: rule.name, kind: rule.kind, threshold: rule.threshold, status: rule.status },
              error_group_id: n.subject.groupId,
              endpoint_id: rule.webhook_endpoint_id,
            },
          },
        })),
      );
    }
    const emailed = rule.email_to.length > 0;
    await scope
      .insertInto("alert_notifications")
      .values(
        fired.map((n, i) => ({
          id: n.id,
          rule_id: rule.id,
          tenant_id: n.subject.tenantId,
          rule_tenant_id: rule.tenant_id,
          connection_id: n.subject.connectionId,
          group_id: n.subject.groupId,
          title: n.title,
          bell: rule.bell ? 1 : 0,
          // pending until the mail is handed over after commit
          email_status: emailed ? ("pending" as const) : null,
          email_error: null,
          webhook_event_id: eventIds[i] ?? null,
          created_at: at,
        })),
      )
      .execute();
    return fired;
  });
}
