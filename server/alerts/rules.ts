// Alert rule CRUD through the caller's TenantScope. A tenant admin's rule is always their
// tenant's; support staff choose a tenant or every tenant. Viewers read only. Each change writes
// its audit event (and, for a tenant's rule, its alert_rule.* outbox event) in its transaction,
// and re-baselines the rule's firing state so it fires for what starts to hold from now on.
import { canWrite } from "../auth/session-user";
import { writeAudit } from "../audit/write-audit";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import type { AlertRule, AlertRuleInput } from "./alerts.types";
import { baselineFirings } from "./candidates";
import { loadRule, toRuleRow, type AlertRuleRow } from "./rule-row";

export const MAX_RULES = 100;

function requireWriter(scope: TenantScope) {
  if (!canWrite(scope.requireUser())) throw new ForbiddenError("Viewers can see alert rules but not change them.");
}

async function ruleTenant(scope: TenantScope, requested: string | null): Promise<string | null> {
  if (!scope.allTenants) {
    if (requested && requested !== scope.tenantId) throw new NotFoundError("tenant_id: no such tenant.");
    return scope.tenantId;
  }
  if (!requested) return null;
  const tenant = await scope.tenants().select("id").where("id", "=", requested).executeTakeFirst();
  if (!tenant) throw new NotFoundError("tenant_id: no such tenant.");
  return tenant.id;
}

/** The chosen endpoint must be one the scope sees, and never carry one tenant's alerts to another. */
async function checkEndpoint(scope: TenantScope, id: string | null, tenantId: string | null) {
  if (!id) return;
  const endpoint = await scope
    .webhookEndpoints()
    .select(["id", "tenant_id"])
    .where("webhook_endpoints.id", "=", id)
    .executeTakeFirst();
  if (!endpoint) throw new NotFoundError("webhook_endpoint_id: no such webhook endpoint.");
  if (endpoint.tenant_id !== null && endpoint.tenant_id !== tenantId)
    throw new BadRequestError(
      tenantId === null
        ? "webhook_endpoint_id: a rule over every tenant can only use a platform-wide endpoint."
        : "webhook_endpoint_id: that endpoint belongs to another tenant.",
    );
}

function columns(input: AlertRuleInput) {
  return {
    name: input.name,
    kind: input.kind,
    threshold: input.kind === "needs_relink" || input.kind === "status_is" ? null : input.threshold,
    status: input.kind === "status_is" ? input.status : null,
    platform: input.platform,
    provider: input.provider,
    tag: input.tag,
    email_to: JSON.stringify(input.email ? [...new Set(input.email_to.map((a) => a.toLowerCase()))] : []),
    delivery: input.delivery,
    auto_relink: input.auto_relink ? 1 : 0,
    webhook_endpoint_id: input.webhook_endpoint_id,
    bell: input.bell ? 1 : 0,
    enabled: input.enabled ? 1 : 0,
  };
}

const auditShape = (rule: AlertRuleRow) => ({
  rule_id: rule.id,
  name: rule.name,
  kind: rule.kind,
  threshold: rule.threshold,
  status: rule.status,
  platform: rule.platform,
  provider: rule.provider,
  tag: rule.tag,
  email_to: rule.email_to,
  delivery: rule.delivery,
  auto_relink: rule.auto_relink,
  webhook_endpoint_id: rule.webhook_endpoint_id,
  bell: rule.bell,
  enabled: rule.enabled,
});

export async function listRules(scope: TenantScope): Promise<AlertRule[]> {
  const rows = await scope
    .alertRules()
    .leftJoin("tenants", "tenants.id", "alert_rules.tenant_id")
    .selectAll("alert_rules")
    .select((eb) => [
      "tenants.name as tenant_name",
      eb
        .selectFrom("alert_firings")
        .select((f) => f.fn.countAll<number>().as("n"))
        .whereRef("alert_firings.rule_id", "=", "alert_rules.id")
        .where("alert_firings.active", "=", 1)
        .as("active_firings"),
      eb
        .selectFrom("alert_notifications")
        .select((f) => f.fn.max("alert_notifications.created_at").as("m"))
        .whereRef("alert_notifications.rule_id", "=", "alert_rules.id")
        .as("last_fired_at"),
    ])
    .orderBy("alert_rules.name")
    .orderBy("alert_rules.id")
    .limit(MAX_RULES * 10)
    .execute();
  return rows.map((r) => {
    const rule = toRuleRow(r);
    return {
      ...rule,
      tenant_name: r.tenant_name ?? null,
      active_firings: Number(r.active_firings ?? 0),
      last_fired_at: r.last_fired_at ?? null,
    };
  });
}

async function findRule(scope: TenantScope, id: string): Promise<AlertRule> {
  const rule = (await listRules(scope)).find((r) => r.id === id);
  if (!rule) throw new NotFoundError("Alert rule");
  return rule;
}

export async function createRule(scope: TenantScope, input: AlertRuleInput): Promise<AlertRule> {
  requireWriter(scope);
  const id = await scope.transaction(async (scope) => {
    const tenantId = await ruleTenant(scope, input.tenant_id);
    if (input.auto_relink && tenantId === null)
      throw new BadRequestError("auto_relink: choose a tenant; links go to one tenant's customers.");
    await checkEndpoint(scope, input.webhook_endpoint_id, tenantId);
    const count = await scope
      .alertRules()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("alert_rules.tenant_id", tenantId === null ? "is" : "=", tenantId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_RULES) throw new BadRequestError(`At most ${MAX_RULES} alert rules; delete one first.`);
    const id = newId("alr");
    const at = nowIso();
    await scope
      .insertInto("alert_rules")
      .values({
        id,
        tenant_id: tenantId,
        ...columns(input),
        version: 1,
        created_by: scope.actor.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const rule = await loadRule(scope, id);
    if (!rule) throw new Error("alert rule vanished after insert");
    await baselineFirings(scope, rule, new Date(at));
    await writeAudit(scope, {
      actor: scope.actor,
      action: "alert_rule.created",
      tenantId,
      after: auditShape(rule),
      at,
    });
    return id;
  });
  return findRule(scope, id);
}

async function changeRule(
  scope: TenantScope,
  id: string,
  expectedVersion: number,
  change: (rule: AlertRuleRow, scope: TenantScope) => Promise<Record<string, unknown>>,
): Promise<AlertRule> {
  requireWriter(scope);
  await scope.transaction(async (scope) => {
    const before = await loadRule(scope, id);
    if (!before) throw new NotFoundError("Alert rule");
    const values = await change(before, scope);
    const at = nowIso();
    const res = await scope
      .updateAlertRules()
      .set({ ...values, version: before.version + 1, updated_at: at })
      .where("alert_rules.id", "=", id)
      .where("alert_rules.version", "=", expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new ConflictError("Someone changed this rule meanwhile; reload it and try again.");
    const after = await loadRule(scope, id);
    if (!after) throw new Error("alert rule vanished after update");
    await baselineFirings(scope, after, new Date(at));
    await writeAudit(scope, {
      actor: scope.actor,
      action: "alert_rule.updated",
      tenantId: after.tenant_id,
      before: auditShape(before),
      after: auditShape(after),
      at,
    });
  });
  return findRule(scope, id);
}

export function updateRule(scope: TenantScope, id: string, expectedVersion: number, input: AlertRuleInput) {
  return changeRule(scope, id, expectedVersion, async (before, scope) => {
    // The tenant of a rule does not move; a support user makes a new rule for another tenant.
    if (scope.allTenants && (input.tenant_id ?? null) !== before.tenant_id)
      throw new BadRequestError("tenant_id: a rule's tenant cannot change; create a new rule instead.");
    if (input.auto_relink && before.tenant_id === null)
      throw new BadRequestError("auto_relink: choose a tenant; links go to one tenant's customers.");
    await checkEndpoint(scope, input.webhook_endpoint_id, before.tenant_id);
    return columns(input);
  });
}

export function setRuleEnabled(scope: TenantScope, id: string, expectedVersion: number, enabled: boolean) {
  return changeRule(scope, id, expectedVersion, () => Promise.resolve({ enabled: enabled ? 1 : 0 }));
}

export async function deleteRule(scope: TenantScope, id: string): Promise<void> {
  requireWriter(scope);
  await scope.transaction(async (scope) => {
    const rule = await loadRule(scope, id);
    if (!rule) throw new NotFoundError("Alert rule");
    // Its firing state, notifications and their read marks go with it (ON DELETE CASCADE).
    await scope.deleteAlertRules().where("alert_rules.id", "=", id).execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "alert_rule.deleted",
      tenantId: rule.tenant_id,
      before: auditShape(rule),
      // the outbox event's data: which rule went
      after: { rule_id: rule.id, name: rule.name, deleted: true },
    });
  });
}
