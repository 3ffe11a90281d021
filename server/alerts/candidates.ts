// What a rule sees now, through the rule's own TenantScope: the subjects whose condition holds
// and that have no active firing yet (candidates to fire), and the active firings whose condition
// no longer holds (to clear). Both are set-based SQL, bounded per pass.
import { sql } from "kysely";
import type { TenantScope } from "../scope/tenant-scope";
import { connectionCondition } from "./conditions";
import type { AlertRuleRow } from "./rule-row";

export interface Subject {
  subjectId: string;
  tenantId: string;
  connectionId: string | null;
  groupId: string | null;
  /** the connection's name, or the group's provider and message shape */
  label: string;
  /** connections in the group (error-group rules) */
  size: number | null;
}

const groupSubject = sql<string>`'grp:' || ops_error_group_tenants.tenant_id || ':' || ops_error_group_tenants.group_id`;

function connectionMatches(scope: TenantScope, rule: AlertRuleRow, now: Date) {
  return scope.connections().where(connectionCondition(rule, now));
}

function groupMatches(scope: TenantScope, rule: AlertRuleRow) {
  let q = scope
    .opsErrorGroupTenants()
    .innerJoin("ops_error_groups", "ops_error_groups.id", "ops_error_group_tenants.group_id")
    .where("ops_error_group_tenants.connections_n", ">", rule.threshold ?? 1);
  if (rule.provider) q = q.where("ops_error_groups.provider", "=", rule.provider);
  return q;
}

/** Subjects whose condition holds and that have no active firing, at most `limit`. */
export async function findCandidates(
  scope: TenantScope,
  rule: AlertRuleRow,
  now: Date,
  limit: number,
): Promise<Subject[]> {
  if (rule.kind === "error_group_size") {
    const rows = await groupMatches(scope, rule)
      .select([
        "ops_error_group_tenants.tenant_id",
        "ops_error_group_tenants.group_id",
        "ops_error_group_tenants.connections_n",
        "ops_error_groups.provider",
        "ops_error_groups.shape",
      ])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("alert_firings")
              .select("alert_firings.rule_id")
              .where("alert_firings.rule_id", "=", rule.id)
              .where("alert_firings.active", "=", 1)
              .where("alert_firings.subject_id", "=", groupSubject),
          ),
        ),
      )
      .orderBy("ops_error_group_tenants.group_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      subjectId: `grp:${r.tenant_id}:${r.group_id}`,
      tenantId: r.tenant_id,
      connectionId: null,
      groupId: r.group_id,
      label: `${r.provider}: ${r.shape}`,
      size: Number(r.connections_n),
    }));
  }
  const rows = await connectionMatches(scope, rule, now)
    .select(["connections.id", "connections.tenant_id", "connections.name"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("alert_firings")
            .select("alert_firings.rule_id")
            .where("alert_firings.rule_id", "=", rule.id)
            .where("alert_firings.active", "=", 1)
            .whereRef("alert_firings.subject_id", "=", "connections.id"),
        ),
      ),
    )
    .orderBy("connections.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    subjectId: r.id,
    tenantId: r.tenant_id,
    connectionId: r.id,
    groupId: null,
    label: r.name,
    size: null,
  }));
}

/** Turns off the rule's active firings whose condition no longer holds; returns how many. */
export async function clearFirings(scope: TenantScope, rule: AlertRuleRow, now: Date): Promise<number> {
  const at = now.toISOString();
  const base = scope
    .updateAlertFirings()
    .set({ active: 0, cleared_at: at })
    .where("alert_firings.rule_id", "=", rule.id)
    .where("alert_firings.active", "=", 1);
  const result =
    rule.kind === "error_group_size"
      ? await base
          .where((eb) =>
            eb.not(
              eb.exists(
                groupMatches(scope, rule)
                  .select("ops_error_group_tenants.group_id")
                  .where(sql<boolean>`ops_error_group_tenants.tenant_id = alert_firings.tenant_id`)
                  .where(sql<boolean>`${groupSubject} = alert_firings.subject_id`),
              ),
            ),
          )
          .executeTakeFirst()
      : await base
          .where((eb) =>
            eb.not(
              eb.exists(
                connectionMatches(scope, rule, now)
                  .select("connections.id")
                  .where(sql<boolean>`connections.id = alert_firings.subject_id`),
              ),
            ),
          )
          .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records every subject that holds now as already active, without notifying: a new or changed
 * rule fires for what starts to hold after it is saved, not for the backlog it finds.
 */
export async function baselineFirings(scope: TenantScope, rule: AlertRuleRow, now: Date): Promise<number> {
  const at = now.toISOString();
  await scope.deleteAlertFirings().where("alert_firings.rule_id", "=", rule.id).execute();
  if (!rule.enabled) return 0;
  const columns = ["rule_id", "subject_id", "tenant_id", "connection_id", "active", "fired_at"] as const;
  const select =
    rule.kind === "error_group_size"
      ? groupMatches(scope, rule).select(() => [
          sql<string>`${rule.id}`.as("rule_id"),
          groupSubject.as("subject_id"),
          sql.ref<string>("ops_error_group_tenants.tenant_id").as("tenant_id"),
          sql<null>`NULL`.as("connection_id"),
          sql.lit(1).as("active"),
          sql<string>`${at}`.as("fired_at"),
        ])
      : connectionMatches(scope, rule, now).select(() => [
          sql<string>`${rule.id}`.as("rule_id"),
          sql.ref<string>("connections.id").as("subject_id"),
          sql.ref<string>("connections.tenant_id").as("tenant_id"),
          sql.ref<string>("connections.id").as("connection_id"),
          sql.lit(1).as("active"),
          sql<string>`${at}`.as("fired_at"),
        ]);
  const result = await scope
    .insertInto("alert_firings")
    .columns([...columns])
    .expression(select)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
