// The endpoints a scope may see, newest first, keyset-paged on (created_at, id).
import { BadRequestError } from "../errors";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import type { TenantScope } from "../scope/tenant-scope";
import { endpointsWithTenant, toEndpoint } from "./endpoint-view";
import type { WebhookEndpoint } from "./webhooks.types";

export interface Page {
  limit?: number;
  cursor?: string | null;
}

export function decodeTimeCursor(raw: string): { at: string; id: string } {
  const { v, id } = decodeCursor(raw);
  if (v === null) throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
  return { at: v, id };
}

export async function listWebhookEndpoints(
  scope: TenantScope,
  page: Page = {},
): Promise<{ data: WebhookEndpoint[]; next_cursor: string | null }> {
  const limit = page.limit ?? 50;
  let query = endpointsWithTenant(scope);
  if (page.cursor) {
    const c = decodeTimeCursor(page.cursor);
    query = query.where((eb) =>
      eb.or([
        eb("webhook_endpoints.created_at", "<", c.at),
        eb.and([eb("webhook_endpoints.created_at", "=", c.at), eb("webhook_endpoints.id", "<", c.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("webhook_endpoints.created_at", "desc")
    .orderBy("webhook_endpoints.id", "desc")
    .limit(limit + 1)
    .execute();
  const data = rows.slice(0, limit).map(toEndpoint);
  const last = data.at(-1);
  return { data, next_cursor: rows.length > limit && last ? encodeCursor({ v: last.created_at, id: last.id }) : null };
}
