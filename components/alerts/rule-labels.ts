// Words for the rule kinds and channels, shared by the form, the table and the bell.
import type { AlertDelivery, AlertKindName, AlertRule } from "@/server/alerts/alerts.types";

export const KIND_LABELS: Record<AlertKindName, string> = {
  needs_relink: "A connection starts needing relink",
  auth_expiring: "Auth expires within N days",
  error_group_size: "An error group grows past N connections",
  stale: "No sync for N days",
  status_is: "Status changes to…",
};

export const DELIVERY_LABELS: Record<AlertDelivery, string> = {
  immediate: "Immediately, one e-mail per check",
  daily: "Daily digest (after midnight UTC)",
};

export const AUTO_RELINK_LABEL =
  "Auto-relink: e-mail the customer (the last link's recipient) a new relink link, resent once if it expires unused";

export const THRESHOLD_UNIT: Partial<Record<AlertKindName, string>> = {
  auth_expiring: "days",
  error_group_size: "connections",
  stale: "days",
};

export function describeRule(rule: Pick<AlertRule, "kind" | "threshold" | "status">): string {
  switch (rule.kind) {
    case "needs_relink":
      return "Starts needing relink";
    case "auth_expiring":
      return `Auth expires within ${rule.threshold} days`;
    case "error_group_size":
      return `Error group past ${rule.threshold} connections`;
    case "stale":
      return `No sync for ${rule.threshold} days`;
    case "status_is":
      return `Status changes to ${rule.status}`;
  }
}

export function describeScope(rule: AlertRule): string {
  const parts = [
    rule.tenant_id === null ? "Every tenant" : (rule.tenant_name ?? rule.tenant_id),
    rule.platform,
    rule.provider,
    rule.tag ? `tag “${rule.tag}”` : null,
  ].filter(Boolean);
  return parts.join(" · ");
}

export function channelsOf(rule: AlertRule): string[] {
  const out: string[] = [];
  if (rule.bell) out.push("Bell");
  if (rule.email_to.length)
    out.push(`E-mail (${rule.email_to.length}${rule.delivery === "daily" ? ", daily digest" : ""})`);
  if (rule.webhook_endpoint_id) out.push("Webhook");
  if (rule.auto_relink) out.push("Auto-relink");
  return out;
}
