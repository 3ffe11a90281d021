// The local mailbox (relink e-mails kept when no SMTP server is configured), newest first.
import { z } from "zod";
import { encodeCursor } from "../pagination/cursor";
import type { TenantScope } from "../scope/tenant-scope";
import { decodeTimeCursor } from "../webhooks/list-endpoints";

export const ZMailboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  tenant_name: z.string().nullable(),
  created_at: z.string(),
});
export type MailboxMessage = z.infer<typeof ZMailboxMessageSchema>;
export const ZMailboxPageSchema = z.object({
  data: z.array(ZMailboxMessageSchema),
  next_cursor: z.string().nullable(),
});
export const ZMailboxRequestSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(400).nullish(),
});

export async function listMailbox(
  scope: TenantScope,
  page: { limit?: number; cursor?: string | null } = {},
): Promise<z.infer<typeof ZMailboxPageSchema>> {
  const limit = page.limit ?? 20;
  let query = scope
    .mailbox()
    .leftJoin("tenants", "tenants.id", "mailbox_messages.tenant_id")
    .select([
      "mailbox_messages.id",
      "mailbox_messages.to_address as to",
      "mailbox_messages.from_address as from",
      "mailbox_messages.subject",
      "mailbox_messages.text_body as text",
      "mailbox_messages.html_body as html",
      "mailbox_messages.created_at",
      "tenants.name as tenant_name",
    ]);
  if (page.cursor) {
    const c = decodeTimeCursor(page.cursor);
    query = query.where((eb) =>
      eb.or([
        eb("mailbox_messages.created_at", "<", c.at),
        eb.and([eb("mailbox_messages.created_at", "=", c.at), eb("mailbox_messages.id", "<", c.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("mailbox_messages.created_at", "desc")
    .orderBy("mailbox_messages.id", "desc")
    .limit(limit + 1)
    .execute();
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, next_cursor: rows.length > limit && last ? encodeCursor({ v: last.created_at, id: last.id }) : null };
}
