// The Runs tab's pending re-runs: what the platform was asked for and has not reported yet.
import type { TenantScope } from "../scope/tenant-scope";
import { listRunRequests } from "./list-run-requests";
import type { RunRequestView } from "./run-requests.types";

export const MAX_PENDING_SHOWN = 50;

export async function pendingRunRequests(scope: TenantScope, connectionId: string): Promise<RunRequestView[]> {
  return (await listRunRequests(scope, { connectionId, status: "pending", limit: MAX_PENDING_SHOWN })).rows;
}
