// Everything the detail page renders on the server, in one parallel round, through the same
// domain functions and schemas as the tRPC procedures the browser pages with. Shared by the page
// and bench/detail.ts, so the bench measures what the page really does.
import type { TenantScope } from "../../scope/tenant-scope";
import { healthScore, streakOf } from "../health-score";
import { listActivity } from "./activity";
import {
  ZActivityPageSchema,
  ZActivityRequestSchema,
  ZConnectionByIdRequestSchema,
  ZConnectionDetailSchema,
  ZErrorsPageSchema,
  ZErrorsRequestSchema,
  ZRunDiffRequestSchema,
  ZRunDiffSchema,
  ZRunsPageSchema,
  ZRunsRequestSchema,
} from "./detail.types";
import { listErrors } from "./errors";
import { getConnection } from "./get-connection";
import { diffRuns } from "./run-diff";
import { listRuns } from "./runs";

/** null when the id is malformed, unknown or another tenant's: the page says "not found" alike. */
export async function loadConnectionDetail(
  scope: TenantScope,
  rawId: string,
  pageSize: number,
  now: number = Date.now(),
) {
  const parsed = ZConnectionByIdRequestSchema.safeParse({ id: rawId });
  if (!parsed.success) return null;
  const { id } = parsed.data;
  const page = { connectionId: id, limit: pageSize, offset: 0 };
  const connection = await getConnection(scope, id).catch((error: unknown) => {
    if (error instanceof Error && error.name === "NotFoundError") return null;
    throw error;
  });
  if (!connection) return null;
  const [runs, activeErrors, resolvedErrors, activity, diff] = await Promise.all([
    listRuns(scope, ZRunsRequestSchema.parse(page)),
    listErrors(scope, ZErrorsRequestSchema.parse({ ...page, status: "active" })),
    listErrors(scope, ZErrorsRequestSchema.parse({ ...page, status: "resolved" })),
    listActivity(scope, ZActivityRequestSchema.parse(page)),
    diffRuns(scope, ZRunDiffRequestSchema.parse({ connectionId: id })),
  ]);
  const detail = ZConnectionDetailSchema.parse(connection);
  // The same score the list shows; the streak is read from the newest page of runs.
  const streak = streakOf(
    detail.last_run_status,
    runs.rows.map((r) => r.status),
  );
  return {
    connection: detail,
    health: healthScore({ ...detail, failure_streak: streak }, now),
    runs: ZRunsPageSchema.parse(runs),
    activeErrors: ZErrorsPageSchema.parse(activeErrors),
    resolvedErrors: ZErrorsPageSchema.parse(resolvedErrors),
    activity: ZActivityPageSchema.parse(activity),
    diff: ZRunDiffSchema.parse(diff),
  };
}
export type ConnectionDetailData = NonNullable<Awaited<ReturnType<typeof loadConnectionDetail>>>;
