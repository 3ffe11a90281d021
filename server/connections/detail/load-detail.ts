// Everything the detail page renders on the server, read through the same tRPC procedures the
// browser pages with, in one parallel round. Shared by the page and bench/detail.ts, so the bench
// measures what the page really does.
import type { createCaller } from "../../routers";

type Caller = ReturnType<typeof createCaller>;

export async function loadConnectionDetail(caller: Caller, id: string, pageSize: number) {
  const page = { connectionId: id, limit: pageSize, offset: 0 };
  const [connection, runs, activeErrors, resolvedErrors, activity, diff] = await Promise.all([
    caller.connections.byId({ id }),
    caller.detail.runs(page),
    caller.detail.errors({ ...page, status: "active" }),
    caller.detail.errors({ ...page, status: "resolved" }),
    caller.detail.activity(page),
    caller.detail.runDiff({ connectionId: id }),
  ]);
  return { connection, runs, activeErrors, resolvedErrors, activity, diff };
}
export type ConnectionDetailData = Awaited<ReturnType<typeof loadConnectionDetail>>;
