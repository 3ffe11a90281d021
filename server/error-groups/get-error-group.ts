// One error group as the scope sees it: its row, how many of its connections need relink, and a
// few of its actual messages (the tenant's own text, read through the scope).
import { NotFoundError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";
import type { ErrorGroupDetail } from "./error-groups.types";
import { errorGroupRow } from "./list-error-groups";

const SAMPLES = 5;

export async function getErrorGroup(
  scope: TenantScope,
  id: string,
  now: number = Date.now(),
): Promise<ErrorGroupDetail> {
  const group = await errorGroupRow(scope, id, now);
  if (!group) throw new NotFoundError("Error group");
  const [relink, samples] = await Promise.all([
    scope
      .connections()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("connections.needs_relink", "=", 1)
      .where("connections.id", "in", (eb) =>
        eb
          .selectFrom("ops_error_group_connections")
          .select("ops_error_group_connections.connection_id")
          .where("ops_error_group_connections.group_id", "=", id)
          .where("ops_error_group_connections.active_n", ">", 0),
      )
      .executeTakeFirst(),
    scope
      .errors()
      .innerJoin("ops_error_members as m", "m.error_id", "connection_errors.id")
      .select(["connection_errors.message", "connection_errors.errored_at", "connection_errors.connection_id"])
      .where("m.group_id", "=", id)
      .where("connection_errors.status", "=", "active")
      .orderBy("connection_errors.errored_at", "desc")
      .limit(SAMPLES)
      .execute(),
  ]);
  return {
    group,
    needsRelink: Number(relink?.n ?? 0),
    samples: samples.map((s) => ({ message: s.message, erroredAt: s.errored_at, connectionId: s.connection_id })),
  };
}
