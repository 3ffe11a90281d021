// The audit timeline of one connection, newest first.
import { parseJsonText } from "../../json-text";
import { ZActivityRequestSchema, type ActivityPage } from "./detail.types";
import { redactSecrets } from "../../secrets/redact-secrets";
import { pageFrom, requireVisibleConnection } from "./require-connection";
import type { z } from "zod";
import type { TenantScope } from "../../scope/tenant-scope";

export async function listActivity(
  scope: TenantScope,
  request: z.input<typeof ZActivityRequestSchema>,
): Promise<ActivityPage> {
  const { connectionId, limit, offset } = ZActivityRequestSchema.parse(request);
  await requireVisibleConnection(scope, connectionId);
  const [rows, count] = await Promise.all([
    scope
      .audit()
      .select(["id", "at", "actor_id", "actor_label", "action", "note", "before", "after"])
      .where("connection_id", "=", connectionId)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(limit + 1)
      .offset(offset)
      .execute(),
    scope
      .audit()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("connection_id", "=", connectionId)
      .executeTakeFirstOrThrow(),
  ]);
  const events = rows.map((r) => ({
    ...r,
    before: redactSecrets(parseJsonText(r.before)),
    after: redactSecrets(parseJsonText(r.after)),
  }));
  return pageFrom(events, limit, offset, count.n);
}
