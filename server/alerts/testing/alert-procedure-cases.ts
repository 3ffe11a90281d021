// The alerts router in the security suites' procedure catalogue: who may call each procedure, a
// probe naming another tenant's rule, endpoint or notification, and a valid input.
import type { DB } from "../../../db";
import { canWrite } from "../../auth/session-user";
import type { ProcedureCase } from "../../security/procedure-catalog";
import { scopeAs } from "../../test/callers";
import { plantedEndpointId } from "../../webhooks/testing/plant-webhooks";
import { createRule } from "../rules";
import { plantedNotificationId, plantedRuleId } from "./plant-alerts";

const rule = { name: "Security suite rule", kind: "needs_relink" as const };
const foreignRule = (extra: Record<string, unknown> = {}): ProcedureCase["foreign"] => [
  {
    label: "another tenant's rule",
    owner: "tenant",
    expect: "not-found",
    input: (f) => ({ id: plantedRuleId(f.foreign.tenantId), ...extra }),
  },
  {
    label: "support's rule over every tenant",
    owner: "tenant",
    expect: "not-found",
    input: () => ({ id: plantedRuleId(null), ...extra }),
  },
];
const ownRuleVersion = async (db: DB, tenantId: string | null) => {
  const row = await db
    .selectFrom("alert_rules")
    .select(["id", "version"])
    .where("id", "=", plantedRuleId(tenantId))
    .executeTakeFirstOrThrow();
  return { id: row.id, expectedVersion: row.version };
};
const RULE_INPUT = { ...rule, email: false, email_to: [], bell: true, enabled: true };

export const ALERT_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  "alerts.rules": {
    access: "signed-in",
    touches: "reads the alert rules of the caller's tenant (staff: all)",
    foreign: [{ label: "every rule visible", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "alerts.create": {
    access: "writer",
    touches: "creates an alert rule, baselines its firing state, writes an audit event",
    foreign: [
      {
        label: "a rule for another tenant",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ ...rule, tenant_id: f.foreign.tenantId }),
      },
      {
        label: "another tenant's webhook endpoint as the channel",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ ...rule, webhook_endpoint_id: plantedEndpointId(f.foreign.tenantId) }),
      },
    ],
    valid: () => rule,
  },
  "alerts.update": {
    access: "writer",
    touches: "changes an alert rule, writes an audit event",
    foreign: foreignRule({ expectedVersion: 1, rule: RULE_INPUT }),
    valid: async ({ db, f, user }) => ({
      ...(await ownRuleVersion(db, user.tenantId === null ? null : f.own.tenantId)),
      rule: RULE_INPUT,
    }),
  },
  "alerts.setEnabled": {
    access: "writer",
    touches: "enables or disables an alert rule, writes an audit event",
    foreign: foreignRule({ expectedVersion: 1, enabled: false }),
    valid: async ({ db, f, user }) => ({
      ...(await ownRuleVersion(db, user.tenantId === null ? null : f.own.tenantId)),
      enabled: true,
    }),
  },
  "alerts.delete": {
    access: "writer",
    touches: "deletes an alert rule with its notifications, writes an audit event",
    foreign: foreignRule(),
    // A viewer's call is refused before it reads the id; a writer deletes a rule of their own.
    valid: async ({ db, f, user }) =>
      canWrite(user)
        ? {
            id: (
              await createRule(scopeAs(db, user), {
                ...RULE_INPUT,
                ...nulls,
                delivery: "immediate",
                auto_relink: false,
              })
            ).id,
          }
        : { id: plantedRuleId(f.own.tenantId) },
  },
  "alerts.notifications": {
    access: "signed-in",
    touches: "reads the notifications of the caller's tenant's rules (staff: all)",
    foreign: [
      {
        label: "every notification",
        owner: "tenant",
        expect: "filtered",
        input: () => ({ limit: 100, bellOnly: false }),
      },
      {
        label: "another tenant's rule",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ limit: 100, ruleId: plantedRuleId(f.foreign.tenantId) }),
      },
    ],
    valid: () => ({ limit: 10 }),
  },
  "alerts.markRead": {
    access: "signed-in",
    touches: "marks notifications read for the caller",
    foreign: [
      {
        label: "another tenant's and support's notifications",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ ids: [plantedNotificationId(f.foreign.tenantId), plantedNotificationId(null)] }),
      },
    ],
    valid: ({ f }) => ({ ids: [plantedNotificationId(f.own.tenantId)] }),
  },
};

const nulls = {
  threshold: null,
  status: null,
  tenant_id: null,
  platform: null,
  provider: null,
  tag: null,
  webhook_endpoint_id: null,
};
