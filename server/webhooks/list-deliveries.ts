// One endpoint's delivery log, newest first, keyset-paged on (created_at, id).
import { NotFoundError } from "../errors";
import { encodeCursor } from "../pagination/cursor";
import type { TenantScope } from "../scope/tenant-scope";
import { toDelivery, visibleDeliveries } from "./delivery-view";
import { findEndpoint } from "./endpoint-view";
import { decodeTimeCursor, type Page } from "./list-endpoints";
import type { Delivery } from "./webhooks.types";

export async function listDeliveries(
  scope: TenantScope,
  endpointId: string,
  page: Page = {},
): Promise<{ data: Delivery[]; next_cursor: string | null }> {
  if (!(await findEndpoint(scope, endpointId))) throw new NotFoundError("Webhook endpoint");
  const limit = page.limit ?? 50;
  let query = visibleDeliveries(scope).where("webhook_deliveries.endpoint_id", "=", endpointId);
  if (page.cursor) {
    const c = decodeTimeCursor(page.cursor);
    query = query.where((eb) =>
      eb.or([
        eb("webhook_deliveries.created_at", "<", c.at),
        eb.and([eb("webhook_deliveries.created_at", "=", c.at), eb("webhook_deliveries.id", "<", c.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("webhook_deliveries.created_at", "desc")
    .orderBy("webhook_deliveries.id", "desc")
    .limit(limit + 1)
    .execute();
  const data = rows.slice(0, limit).map(toDelivery);
  const last = data.at(-1);
  return { data, next_cursor: rows.length > limit && last ? encodeCursor({ v: last.created_at, id: last.id }) : null };
}
