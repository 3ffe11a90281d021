// Each rule kind as a SQL condition on one connection row, with the rule's platform, provider and
// tag narrowing it. The tenant is not here: the evaluator reads through the rule's TenantScope.
// Timestamps are ISO-8601 text on both databases, so comparing them as strings compares instants.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "../../db/types";
import type { AlertRuleRow } from "./rule-row";

const DAY_MS = 86_400_000;

export function connectionCondition(rule: AlertRuleRow, now: Date) {
  const nowIso = now.toISOString();
  return (eb: ExpressionBuilder<Database, "connections">): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    const n = rule.threshold ?? 1;
    switch (rule.kind) {
      case "needs_relink":
        parts.push(eb("connections.needs_relink", "=", 1));
        break;
      case "auth_expiring":
        parts.push(eb("connections.auth_expires_at", ">", nowIso));
        parts.push(eb("connections.auth_expires_at", "<=", new Date(now.getTime() + n * DAY_MS).toISOString()));
        break;
      case "stale":
        parts.push(
          eb(
            eb.fn.coalesce("connections.last_sync_at", "connections.created_at"),
            "<",
            new Date(now.getTime() - n * DAY_MS).toISOString(),
          ),
        );
        break;
      case "status_is":
        parts.push(eb("connections.status", "=", rule.status ?? "active"));
        break;
      case "error_group_size":
        // Not a connection condition: evaluated on the error-group summaries (evaluate-groups.ts).
        parts.push(eb.lit(false));
        break;
    }
    if (rule.platform) parts.push(eb("connections.platform", "=", rule.platform));
    if (rule.provider) parts.push(eb("connections.provider", "=", rule.provider));
    if (rule.tag) {
      const key = rule.tag.toLowerCase();
      parts.push(
        eb.exists(
          eb
            .selectFrom("connection_tags")
            .select("connection_tags.connection_id")
            .whereRef("connection_tags.connection_id", "=", "connections.id")
            .where("connection_tags.tag_key", "=", key),
        ),
      );
    }
    return eb.and(parts);
  };
}

/** "needs relink", "auth expires within 7 days"…: the condition in words, for titles and the UI. */
export function describeCondition(rule: Pick<AlertRuleRow, "kind" | "threshold" | "status">): string {
  switch (rule.kind) {
    case "needs_relink":
      return "needs relink";
    case "auth_expiring":
      return `auth expires within ${rule.threshold} day${rule.threshold === 1 ? "" : "s"}`;
    case "stale":
      return `no sync for ${rule.threshold} day${rule.threshold === 1 ? "" : "s"}`;
    case "status_is":
      return `status is ${rule.status}`;
    case "error_group_size":
      return `error group affects more than ${rule.threshold} connection${rule.threshold === 1 ? "" : "s"}`;
  }
}
