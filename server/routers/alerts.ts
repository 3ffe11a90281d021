// Alert rules and the notification bell. Everyone signed in reads the rules and notifications of
// their scope; support staff and tenant admins change rules (the domain refuses viewers with a
// sentence of its own, so the form can show it).
import { z } from "zod";
import {
  ZAlertRuleInputSchema,
  ZAlertRuleSchema,
  ZMarkReadSchema,
  ZNotificationListRequestSchema,
  ZNotificationListSchema,
  ZRuleIdSchema,
  ZSetRuleEnabledSchema,
  ZUpdateAlertRuleSchema,
} from "../alerts/alerts.types";
import { listNotifications, markRead } from "../alerts/notifications";
import { createRule, deleteRule, listRules, setRuleEnabled, updateRule } from "../alerts/rules";
import { createTRPCRouter, tenantProcedure } from "../trpc";

export const alertsRouter = createTRPCRouter({
  rules: tenantProcedure.output(z.array(ZAlertRuleSchema)).query(({ ctx }) => listRules(ctx.scope)),
  create: tenantProcedure
    .input(ZAlertRuleInputSchema)
    .output(ZAlertRuleSchema)
    .mutation(({ ctx, input }) => createRule(ctx.scope, input)),
  update: tenantProcedure
    .input(ZUpdateAlertRuleSchema)
    .output(ZAlertRuleSchema)
    .mutation(({ ctx, input }) => updateRule(ctx.scope, input.id, input.expectedVersion, input.rule)),
  setEnabled: tenantProcedure
    .input(ZSetRuleEnabledSchema)
    .output(ZAlertRuleSchema)
    .mutation(({ ctx, input }) => setRuleEnabled(ctx.scope, input.id, input.expectedVersion, input.enabled)),
  delete: tenantProcedure
    .input(ZRuleIdSchema)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteRule(ctx.scope, input.id);
      return { deleted: true as const };
    }),
  notifications: tenantProcedure
    .input(ZNotificationListRequestSchema)
    .output(ZNotificationListSchema)
    .query(({ ctx, input }) => listNotifications(ctx.scope, input)),
  markRead: tenantProcedure
    .input(ZMarkReadSchema)
    .output(z.object({ marked: z.number() }))
    .mutation(async ({ ctx, input }) => ({ marked: await markRead(ctx.scope, input) })),
});
