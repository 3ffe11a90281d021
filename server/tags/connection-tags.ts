// Reading and writing a connection's tags through the tenant scope. Every change is one
// transaction with its audit event ("connection.tags": the tags before and after).
import { writeAudit } from "../audit/write-audit";
import { NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { tagKey, TAGS_PER_CONNECTION } from "./tags.types";

/** Tags per connection id, in the order they were added. */
export async function tagsFor(scope: TenantScope, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await scope
      .connectionTags()
      .select(["connection_id", "tag"])
      .where("connection_id", "in", ids.slice(i, i + 500))
      .orderBy("created_at")
      .orderBy("tag_key")
      .execute();
    for (const r of rows) out.set(r.connection_id, [...(out.get(r.connection_id) ?? []), r.tag]);
  }
  return out;
}

/** Distinct tags in the scope with their connection counts, most used first. */
export async function listTags(scope: TenantScope): Promise<{ tag: string; n: number }[]> {
  const rows = await scope
    .connectionTags()
    .select((eb) => [eb.fn.min("tag").as("tag"), eb.fn.countAll<number>().as("n")])
    .groupBy("tag_key")
    .orderBy((eb) => eb.fn.countAll(), "desc")
    .orderBy("tag_key")
    .limit(500)
    .execute();
  return rows.map((r) => ({ tag: String(r.tag), n: Number(r.n) }));
}

const unique = (tags: string[]) => {
  const seen = new Map<string, string>();
  for (const t of tags) if (!seen.has(tagKey(t))) seen.set(tagKey(t), t);
  return [...seen.values()];
};

/**
 * Makes one connection's tags `next` (inside the caller's transaction). Returns whether anything
 * changed; a connection outside the scope is not found.
 */
export async function writeTags(
  scope: TenantScope,
  connection: { id: string; tenant_id: string },
  before: string[],
  next: string[],
  note?: string,
): Promise<boolean> {
  const after = unique(next).slice(0, TAGS_PER_CONNECTION);
  const keep = new Set(after.map(tagKey));
  const had = new Set(before.map(tagKey));
  const removed = before.filter((t) => !keep.has(tagKey(t))).map(tagKey);
  const added = after.filter((t) => !had.has(tagKey(t)));
  if (removed.length === 0 && added.length === 0) return false;
  const at = nowIso();
  if (removed.length)
    await scope
      .deleteConnectionTags()
      .where("connection_id", "=", connection.id)
      .where("tag_key", "in", removed)
      .execute();
  if (added.length)
    await scope
      .insertInto("connection_tags")
      .values(
        added.map((tag) => ({
          connection_id: connection.id,
          tenant_id: connection.tenant_id,
          tag,
          tag_key: tagKey(tag),
          created_by: scope.actor.name,
          created_at: at,
        })),
      )
      .execute();
  await writeAudit(scope, {
    actor: scope.actor,
    action: "connection.tags",
    tenantId: connection.tenant_id,
    connectionId: connection.id,
    before: { tags: before },
    after: { tags: after.filter((t) => keep.has(tagKey(t))) },
    note: note ?? null,
    at,
  });
  return true;
}

export async function setConnectionTags(
  scope: TenantScope,
  input: { connectionId: string; tags: string[] },
): Promise<{ tags: string[] }> {
  return scope.transaction(async (scope) => {
    const connection = await scope
      .connections()
      .select(["connections.id", "connections.tenant_id"])
      .where("connections.id", "=", input.connectionId)
      .executeTakeFirst();
    if (!connection) throw new NotFoundError();
    const before = (await tagsFor(scope, [connection.id])).get(connection.id) ?? [];
    await writeTags(scope, connection, before, input.tags);
    return { tags: (await tagsFor(scope, [connection.id])).get(connection.id) ?? [] };
  });
}

export async function connectionTags(scope: TenantScope, connectionId: string): Promise<{ tags: string[] }> {
  const connection = await scope
    .connections()
    .select("connections.id")
    .where("connections.id", "=", connectionId)
    .executeTakeFirst();
  if (!connection) throw new NotFoundError();
  return { tags: (await tagsFor(scope, [connectionId])).get(connectionId) ?? [] };
}
