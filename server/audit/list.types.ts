import { z } from "zod";
import { refineText } from "../input/unsafe-text";
import { boundProblem } from "./audit-bounds";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// The page and the CSV export parse these outside tRPC, so the text rule is part of the schema.
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).superRefine(refineText).optional());

/** A date (`2026-11-21`, whole day) or an ISO date-time, 1970–9999 (server/audit/audit-bounds.ts). */
const bound = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(40)
    .superRefine((v, ctx) => {
      const problem = boundProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
);

/** Filters shared by the audit page, its tRPC query and the CSV export. */
export const ZAuditFiltersSchema = z.object({
  /** substring of the actor's label (email and role) or exact actor id */
  actor: optionalText(200),
  /** exact action name, e.g. `connection.pause` */
  action: optionalText(100),
  /** only honoured for staff; tenant users are confined to their tenant by the scope anyway */
  tenantId: optionalText(200),
  connectionId: optionalText(200),
  /** inclusive lower bound */
  from: bound,
  /** inclusive upper bound; a bare date means the whole of that day */
  to: bound,
});
export type AuditFilters = z.output<typeof ZAuditFiltersSchema>;
export type AuditFiltersInput = z.input<typeof ZAuditFiltersSchema>;

export const ZListAuditRequestSchema = ZAuditFiltersSchema.extend({
  cursor: z.string().max(2000).nullish(),
  limit: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(50),
});
export type ListAuditRequest = z.input<typeof ZListAuditRequestSchema>;

export const ZAuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor_id: z.string(),
  actor_label: z.string(),
  tenant_id: z.string().nullable(),
  tenant_name: z.string().nullable(),
  connection_id: z.string().nullable(),
  connection_name: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof ZAuditEventSchema>;

export const ZListAuditResponseSchema = z.object({
  rows: z.array(ZAuditEventSchema),
  /** pass as `cursor` for the next (older) page; null on the last page */
  nextCursor: z.string().nullable(),
});
export type ListAuditResponse = z.infer<typeof ZListAuditResponseSchema>;

export const ZAuditFacetsResponseSchema = z.object({
  actions: z.array(z.string()),
  /** every tenant for staff; empty for tenant users, who have only their own */
  tenants: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AuditFacets = z.infer<typeof ZAuditFacetsResponseSchema>;
