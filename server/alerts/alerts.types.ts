// Request and response shapes of alert rules and their notifications. Each error message names
// its field, so a form can show it beside the input and an API caller can read it as it is.
import { z } from "zod";
import { CONNECTION_STATUSES, PLATFORMS } from "../../lib/constants";

export const ALERT_KINDS = ["needs_relink", "auth_expiring", "error_group_size", "stale", "status_is"] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];
export const ALERT_DELIVERIES = ["immediate", "daily"] as const;
export type AlertDelivery = (typeof ALERT_DELIVERIES)[number];

/** The kinds whose condition has an N, and what N counts. */
export const THRESHOLD_KINDS: Partial<Record<AlertKindName, string>> = {
  auth_expiring: "days",
  error_group_size: "connections",
  stale: "days",
};

const MAX_EMAILS = 20;
const optionalText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${field}: at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const ZAlertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, "name: give the rule a name.").max(120, "name: at most 120 characters."),
    kind: z.enum(ALERT_KINDS, { message: `kind: one of ${ALERT_KINDS.join(", ")}.` }),
    threshold: z
      .number({ message: "threshold: a whole number." })
      .int("threshold: a whole number.")
      .min(1, "threshold: must be 1 or more.")
      .max(3650, "threshold: at most 3650.")
      .nullish()
      .transform((v) => v ?? null),
    status: z
      .enum(CONNECTION_STATUSES, { message: `status: one of ${CONNECTION_STATUSES.join(", ")}.` })
      .nullish()
      .transform((v) => v ?? null),
    /** support staff: a tenant id, or null for every tenant; a tenant admin's rule is always their tenant's */
    tenant_id: optionalText("tenant_id", 200),
    platform: z
      .enum(PLATFORMS, { message: `platform: one of ${PLATFORMS.join(", ")}.` })
      .nullish()
      .transform((v) => v ?? null),
    provider: optionalText("provider", 100),
    tag: optionalText("tag", 60),
    email_to: z
      .array(z.string().trim().max(254, "email_to: an address is at most 254 characters."))
      .max(MAX_EMAILS, `email_to: at most ${MAX_EMAILS} addresses.`)
      .default([]),
    /** true: send to email_to (which must then hold at least one address) */
    email: z.boolean().default(false),
    /** the e-mail channel: at firing time, or one digest per UTC day */
    delivery: z
      .enum(ALERT_DELIVERIES, { message: `delivery: one of ${ALERT_DELIVERIES.join(", ")}.` })
      .default("immediate"),
    webhook_endpoint_id: optionalText("webhook_endpoint_id", 200),
    /** needs_relink rules of one tenant: e-mail the customer a relink link (resent once on expiry) */
    auto_relink: z.boolean().default(false),
    bell: z.boolean().default(true),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const unit = THRESHOLD_KINDS[rule.kind];
    if (unit && rule.threshold === null)
      ctx.addIssue({ code: "custom", path: ["threshold"], message: `threshold: how many ${unit}? (1 or more)` });
    if (rule.kind === "status_is" && rule.status === null)
      ctx.addIssue({ code: "custom", path: ["status"], message: "status: choose the status to alert on." });
    if (rule.email && rule.email_to.length === 0)
      ctx.addIssue({ code: "custom", path: ["email_to"], message: "email_to: give at least one address." });
    rule.email_to.forEach((address, i) => {
      if (!z.email().safeParse(address).success)
        ctx.addIssue({
          code: "custom",
          path: ["email_to", i],
          message: `email_to: "${address}" is not an e-mail address.`,
        });
    });
    if (rule.auto_relink && rule.kind !== "needs_relink")
      ctx.addIssue({
        code: "custom",
        path: ["auto_relink"],
        message: 'auto_relink: only for a "starts needing relink" rule.',
      });
    if (!rule.email && !rule.bell && !rule.webhook_endpoint_id && !rule.auto_relink)
      ctx.addIssue({
        code: "custom",
        path: ["bell"],
        message: "channels: choose at least one (bell, e-mail, webhook or auto-relink).",
      });
    if (rule.kind === "error_group_size" && (rule.platform || rule.tag))
      ctx.addIssue({
        code: "custom",
        path: [rule.platform ? "platform" : "tag"],
        message: "An error-group rule is scoped by tenant and provider only.",
      });
  });
export type AlertRuleInput = z.output<typeof ZAlertRuleInputSchema>;

export const ZUpdateAlertRuleSchema = z.object({
  id: z.string().min(1).max(100),
  expectedVersion: z.number().int().min(1),
  rule: ZAlertRuleInputSchema,
});
export const ZSetRuleEnabledSchema = z.object({
  id: z.string().min(1).max(100),
  expectedVersion: z.number().int().min(1),
  enabled: z.boolean(),
});
export const ZRuleIdSchema = z.object({ id: z.string().min(1).max(100) });

export const ZAlertRuleSchema = z.object({
  id: z.string(),
  tenant_id: z.string().nullable(),
  tenant_name: z.string().nullable(),
  name: z.string(),
  kind: z.enum(ALERT_KINDS),
  threshold: z.number().nullable(),
  status: z.enum(CONNECTION_STATUSES).nullable(),
  platform: z.enum(PLATFORMS).nullable(),
  provider: z.string().nullable(),
  tag: z.string().nullable(),
  email_to: z.array(z.string()),
  delivery: z.enum(ALERT_DELIVERIES),
  auto_relink: z.boolean(),
  webhook_endpoint_id: z.string().nullable(),
  bell: z.boolean(),
  enabled: z.boolean(),
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  /** subjects for which the condition holds now (fired, or baselined when the rule was saved) */
  active_firings: z.number(),
  last_fired_at: z.string().nullable(),
});
export type AlertRule = z.infer<typeof ZAlertRuleSchema>;

export const ZNotificationSchema = z.object({
  id: z.string(),
  rule_id: z.string(),
  rule_name: z.string(),
  title: z.string(),
  tenant_id: z.string(),
  connection_id: z.string().nullable(),
  group_id: z.string().nullable(),
  /** where the notification leads: the connection, or the error group */
  href: z.string(),
  /** shown in the bell (the rule had the bell channel when it fired) */
  bell: z.boolean(),
  email_status: z.enum(["pending", "sent", "failed"]).nullable(),
  email_error: z.string().nullable(),
  webhook_event_id: z.string().nullable(),
  created_at: z.string(),
  read: z.boolean(),
});
export type AlertNotification = z.infer<typeof ZNotificationSchema>;

export const ZNotificationListRequestSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  ruleId: z.string().max(100).nullish(),
  bellOnly: z.boolean().default(true),
});
export const ZNotificationListSchema = z.object({ items: z.array(ZNotificationSchema), unread: z.number() });
export const ZMarkReadSchema = z
  .object({
    ids: z.array(z.string().max(100)).max(200).nullish(),
    all: z.boolean().default(false),
  })
  .refine((v) => v.all || (v.ids?.length ?? 0) > 0, {
    path: ["ids"],
    message: "Name at least one notification to mark read, or set all to true.",
  });
