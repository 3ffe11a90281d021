// Which two runs to compare, and what changed in their parameters. The default pair answers
// support's first question: the last run against the last run that worked.
import { NotFoundError } from "../../errors";
import { parseJsonText } from "../../json-text";
import { redactSecrets } from "../../secrets/redact-secrets";

/** Parameters as people may see them: a changed secret shows as a changed key, never its values. */
const shown = (text: string | null) => redactSecrets(parseJsonText(text));
import { ZRunDiffRequestSchema, type RunDiff, type RunDiffRequest } from "./detail.types";
import { diffParams } from "./param-diff";
import { requireVisibleConnection } from "./require-connection";
import { newestRunsFirst } from "../../sql/run-order";
import { isSuccessfulRun } from "./runs";
import type { TenantScope } from "../../scope/tenant-scope";

const COLUMNS = ["id", "job_id", "status", "started_at", "source_parameters", "destination_parameters"] as const;
/** How far back to look for the last successful run when no base is given. */
const DEFAULT_LOOKBACK = 200;

export async function diffRuns(scope: TenantScope, request: RunDiffRequest): Promise<RunDiff> {
  const { connectionId, baseRunId, targetRunId } = ZRunDiffRequestSchema.parse(request);
  await requireVisibleConnection(scope, connectionId);
  const byId = async (id: string) => {
    const row = await scope
      .runs()
      .select(COLUMNS)
      .where("connection_id", "=", connectionId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("Run");
    return row;
  };
  const recent =
    baseRunId && targetRunId
      ? []
      : await scope
          .runs()
          .select(COLUMNS)
          .where("connection_id", "=", connectionId)
          .orderBy(newestRunsFirst)
          .orderBy("started_at", "desc")
          .orderBy("id", "desc")
          .limit(DEFAULT_LOOKBACK)
          .execute();
  const target = targetRunId ? await byId(targetRunId) : recent[0];
  // Default base: the newest successful run other than the target; else the run just before it.
  const others = recent.filter((r) => r.id !== target?.id);
  const base = baseRunId ? await byId(baseRunId) : (others.find((r) => isSuccessfulRun(r.status)) ?? others[0]);
  if (!target || !base) {
    return { base: base ? ref(base) : null, target: target ? ref(target) : null, source: [], destination: [] };
  }
  return {
    base: ref(base),
    target: ref(target),
    source: diffParams(shown(base.source_parameters), shown(target.source_parameters)),
    destination: diffParams(shown(base.destination_parameters), shown(target.destination_parameters)),
  };
}

const ref = (r: { id: string; job_id: string; status: string; started_at: string | null }) => ({
  id: r.id,
  job_id: r.job_id,
  status: r.status,
  started_at: r.started_at,
});
