// The connections that pushed runs and errors belong to, found by the platform's own id and read
// through the batch's scope, so a connection outside the import's tenant is "not here".
import type { BatchContext } from "./types";

export interface OwnerRow {
  id: string;
  tenant_id: string;
  platform_id: string;
  last_run_job_id: string | null;
  last_run_at: string | null;
}

export async function loadOwners(ctx: BatchContext, refs: string[]): Promise<Map<string, OwnerRow>> {
  const owners = new Map<string, OwnerRow>();
  const unique = [...new Set(refs)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ctx.scope
      .connections()
      .select(["id", "tenant_id", "platform_id", "last_run_job_id", "last_run_at"])
      .where("platform", "=", ctx.platform)
      .where("platform_id", "in", unique.slice(i, i + 500))
      .execute();
    for (const row of rows) owners.set(row.platform_id, row);
  }
  return owners;
}
