// Request and response shapes of the relink procedures. Links never carry their token back
// out, except once, in the answer to the call that created them.
import { z } from "zod";
import { LINK_STATES } from "./link-state";

export const MIN_TTL_HOURS = 1;
export const MAX_TTL_HOURS = 24 * 30;

const ZTtl = z.number().int().min(MIN_TTL_HOURS).max(MAX_TTL_HOURS);
const ZRecipient = z.email().max(320).nullish();

export const ZCreateLinkRequestSchema = z.object({
  connectionId: z.string().min(1).max(200),
  recipientEmail: ZRecipient,
  /** Defaults to RELINK_DEFAULT_TTL_HOURS (7 days). */
  expiresInHours: ZTtl.optional(),
  /** Revoke this connection's earlier open links, so only the new one works. */
  revokeOpen: z.boolean().default(true),
  /** E-mail the link to recipientEmail (server/email). */
  sendEmail: z.boolean().default(false),
});

export const ZIssuedLinkSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  sentTo: z.string().nullable(),
  /** present when the link was e-mailed: whether it went, and why not */
  email: z.object({ sent: z.boolean(), error: z.string().nullable() }).optional(),
});
export type IssuedLink = z.infer<typeof ZIssuedLinkSchema>;

export const ZLinkIdRequestSchema = z.object({ linkId: z.string().min(1).max(200) });
export const ZResendRequestSchema = ZLinkIdRequestSchema.extend({
  expiresInHours: ZTtl.optional(),
  /** E-mail the new link to the old one's recipient. */
  sendEmail: z.boolean().default(false),
});

export const ZLedgerRowSchema = z.object({
  id: z.string(),
  connection_id: z.string(),
  connection_name: z.string(),
  tenant_id: z.string(),
  tenant_name: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  sent_to: z.string().nullable(),
  opened_at: z.string().nullable(),
  used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  revoked_by: z.string().nullable(),
  batch_id: z.string().nullable(),
  /** when it was e-mailed, or why the last e-mail failed */
  sent_at: z.string().nullable().optional(),
  send_error: z.string().nullable().optional(),
  state: z.enum(LINK_STATES),
});
export type LedgerRow = z.infer<typeof ZLedgerRowSchema>;

export const ZConnectionLedgerRequestSchema = z.object({ connectionId: z.string().min(1).max(200) });

export const ZLedgerRequestSchema = z.object({
  state: z.enum(LINK_STATES).nullish(),
  connectionId: z.string().max(200).nullish(),
  batchId: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(400).nullish(),
});
export const ZLedgerResponseSchema = z.object({ rows: z.array(ZLedgerRowSchema), nextCursor: z.string().nullable() });

export const ZBulkCreateRequestSchema = z.object({
  connectionIds: z.array(z.string().min(1).max(200)).min(1).max(1000),
  recipientEmail: ZRecipient,
  expiresInHours: ZTtl.optional(),
  revokeOpen: z.boolean().default(true),
  /** E-mail every link to recipientEmail. */
  sendEmail: z.boolean().default(false),
});
export const ZBulkLinkSchema = ZIssuedLinkSchema.extend({ connectionName: z.string(), tenantName: z.string() });
export type BulkLink = z.infer<typeof ZBulkLinkSchema>;
export const ZBulkCreateResponseSchema = z.object({
  batchId: z.string().nullable(),
  links: z.array(ZBulkLinkSchema),
  skipped: z.array(z.object({ connectionId: z.string(), reason: z.string() })),
});

export const ZBatchSummarySchema = z.object({
  id: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  total: z.number(),
  opened: z.number(),
  used: z.number(),
  revoked: z.number(),
  expired: z.number(),
});
export type BatchSummary = z.infer<typeof ZBatchSummarySchema>;
export const ZBatchIdRequestSchema = z.object({ batchId: z.string().min(1).max(200) });
