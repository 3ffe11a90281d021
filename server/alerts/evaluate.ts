// One evaluation pass: every enabled rule (or those that can see one tenant, after its ingest)
// clears what stopped holding and fires what started, through the rule's own TenantScope.
// Called after ingest and by the periodic worker (alerts-worker.ts); safe to call any time:
// the firing-state table makes a second pass over the same data fire nothing.
import type { DB } from "../../db";
import { log } from "../log";
import { TenantScope } from "../scope/tenant-scope";
import { autoRelinkFired, resendExpiredLinks } from "./auto-relink";
import { clearFirings, findCandidates } from "./candidates";
import { sendDigests } from "./digest";
import { emailFired } from "./email-alert";
import { fireSubjects } from "./fire";
import { toRuleRow, type AlertRuleRow } from "./rule-row";

/** Subjects fired per rule per pass; the rest fire on the next pass. */
export const FIRE_BATCH = 500;

export interface EvaluationReport {
  rules: number;
  fired: number;
  cleared: number;
  emailFailures: number;
  digests: number;
}

export async function evaluateRule(db: DB, rule: AlertRuleRow, now = new Date()) {
  const scope = TenantScope.unscopedForAlertRule(db, rule.tenant_id);
  const cleared = await clearFirings(scope, rule, now);
  const candidates = await findCandidates(scope, rule, now, FIRE_BATCH);
  const fired = await fireSubjects(db, rule, candidates, now);
  // A daily rule's firings stay "pending" for its digest (digest.ts).
  const emailed = rule.delivery === "immediate" ? await emailFired(db, rule, fired) : true;
  await autoRelinkFired(db, rule, fired);
  await resendExpiredLinks(db, rule, now);
  return { cleared, fired: fired.length, emailed };
}

export async function evaluateAlerts(
  db: DB,
  options: { now?: Date; tenantId?: string | null } = {},
): Promise<EvaluationReport> {
  const now = options.now ?? new Date();
  let q = TenantScope.unscopedForAlertRule(db, null)
    .alertRules()
    .selectAll("alert_rules")
    .where("alert_rules.enabled", "=", 1);
  // After one tenant's ingest: its rules and the all-tenant ones.
  if (options.tenantId)
    q = q.where((eb) =>
      eb.or([eb("alert_rules.tenant_id", "=", options.tenantId ?? ""), eb("alert_rules.tenant_id", "is", null)]),
    );
  const rules = (await q.orderBy("alert_rules.id").execute()).map(toRuleRow);
  const report: EvaluationReport = { rules: rules.length, fired: 0, cleared: 0, emailFailures: 0, digests: 0 };
  for (const rule of rules) {
    try {
      const r = await evaluateRule(db, rule, now);
      report.fired += r.fired;
      report.cleared += r.cleared;
      if (!r.emailed) report.emailFailures += 1;
    } catch (error) {
      // One broken rule must not stop the others.
      log.error({ err: error, rule: rule.id }, "alert rule evaluation failed");
    }
  }
  // Digests go from the full (periodic) pass only, not after one tenant's ingest.
  if (!options.tenantId) report.digests = await sendDigests(db, now);
  return report;
}
