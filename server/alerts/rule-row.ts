// A stored alert rule as the server reads it (JSON columns parsed, flags as booleans).
import type { Selectable } from "kysely";
import type { AlertRulesTable } from "../../db/types";
import type { TenantScope } from "../scope/tenant-scope";

export type AlertRuleRow = Omit<Selectable<AlertRulesTable>, "email_to" | "bell" | "enabled" | "auto_relink"> & {
  auto_relink: boolean;
  email_to: string[];
  bell: boolean;
  enabled: boolean;
};

export function parseEmails(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function toRuleRow(row: Selectable<AlertRulesTable>): AlertRuleRow {
  return {
    ...row,
    email_to: parseEmails(row.email_to),
    bell: row.bell === 1,
    enabled: row.enabled === 1,
    auto_relink: row.auto_relink === 1,
  };
}

export async function loadRule(scope: TenantScope, id: string): Promise<AlertRuleRow | null> {
  const row = await scope.alertRules().selectAll("alert_rules").where("alert_rules.id", "=", id).executeTakeFirst();
  return row ? toRuleRow(row) : null;
}
