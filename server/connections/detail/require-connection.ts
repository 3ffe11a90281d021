import { NotFoundError } from "../../errors";
import type { TenantScope } from "../../scope/tenant-scope";

/**
 * Guards the detail sections: runs, errors and activity of a connection the user cannot see are
 * NOT_FOUND, exactly like the connection itself, rather than an empty list that confirms nothing.
 */
export async function requireVisibleConnection(scope: TenantScope, connectionId: string): Promise<void> {
  const row = await scope
    .connections()
    .select("connections.id")
    .where("connections.id", "=", connectionId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
}

/** limit + 1 rows were read: trim the extra one and say where the next page starts. */
export function pageFrom<T>(rows: T[], limit: number, offset: number, total: number) {
  const more = rows.length > limit;
  return { rows: more ? rows.slice(0, limit) : rows, total, nextOffset: more ? offset + limit : null };
}
