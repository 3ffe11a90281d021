// Relink links over REST: create one for a connection (the URL comes back this once), list a
// connection's links, revoke one. The console's own functions (createRelinkLink,
// listRelinkLedger, revokeRelinkLink) with this key as the actor.
import { z } from "zod";
import { createRelinkLink } from "../../relink/create-link";
import { listRelinkLedger } from "../../relink/ledger";
import { LINK_STATES } from "../../relink/link-state";
import { ZCreateLinkRequestSchema, ZLedgerRowSchema } from "../../relink/relink.types";
import { revokeRelinkLink } from "../../relink/revoke-link";
import { resolveConnectionRef, ZConnectionPathParams } from "../connection-ref";
import { defineRoute, noBody, noQuery } from "../rest-route";
import { pageOf, queryInteger, ZCursorParam } from "../rest-schemas";

const create = ZCreateLinkRequestSchema.shape;

const ZCreateRelinkLinkBody = z.strictObject({
  expires_in_hours: create.expiresInHours.meta({ description: "Lifetime of the link; default 168 (7 days)" }),
  email: create.recipientEmail.meta({ description: "The customer's address, recorded on the link" }),
  send: z
    .boolean()
    .default(false)
    .meta({ description: "E-mail the link to `email` (SMTP, or the console's mailbox outside production)" }),
});

const ZIssuedRelinkLink = z
  .object({
    id: z.string(),
    connection_id: z.string(),
    url: z.string().meta({ description: "The customer's link; shown in this answer only, never stored" }),
    expires_at: z.string(),
    sent_to: z.string().nullable(),
    email: z
      .object({ sent: z.boolean(), error: z.string().nullable() })
      .optional()
      .meta({ description: "With `send: true`: whether the e-mail went, and why not" }),
  })
  .meta({ id: "IssuedRelinkLink" });

export const createRelinkLinkRoute = defineRoute({
  method: "POST",
  path: "/connections/{id}/relink-links",
  operationId: "createRelinkLink",
  tag: "Relink links",
  summary: "Create a relink link",
  description:
    "A single-use link the customer opens to re-authorise the connection. Earlier open links of the connection are " +
    "revoked, so only the new one works. The URL is in this answer only. With `send: true` the console e-mails it " +
    "to `email` after the link exists; `email.sent` says whether that worked (the link stands either way).",
  scope: "connections:write",
  params: ZConnectionPathParams,
  query: noQuery,
  body: ZCreateRelinkLinkBody,
  success: { status: 201, description: "The new link", schema: ZIssuedRelinkLink },
  problems: [400, 404, 409, 422],
  run: async ({ scope, origin }, { params, body }) => {
    const connectionId = await resolveConnectionRef(scope, params.id);
    const link = await createRelinkLink(
      scope,
      {
        connectionId,
        recipientEmail: body.email ?? null,
        expiresInHours: body.expires_in_hours,
        revokeOpen: true,
        sendEmail: body.send,
      },
      origin,
    );
    return {
      id: link.id,
      connection_id: link.connectionId,
      url: link.url,
      expires_at: link.expiresAt,
      sent_to: link.sentTo,
      email: link.email,
    };
  },
});

export const listRelinkLinksRoute = defineRoute({
  method: "GET",
  path: "/connections/{id}/relink-links",
  operationId: "listRelinkLinks",
  tag: "Relink links",
  summary: "List a connection's relink links",
  description: "Newest first: who created each link, for whom, and what became of it (open, used, expired, revoked).",
  scope: "connections:read",
  params: ZConnectionPathParams,
  query: z.object({
    state: z.enum(LINK_STATES).optional(),
    limit: queryInteger(z.number().int().min(1).max(200)).default(50).meta({ description: "1 to 200; default 50" }),
    cursor: ZCursorParam,
  }),
  body: noBody,
  success: { status: 200, description: "One page of links", schema: pageOf(ZLedgerRowSchema, "RelinkLinkPage") },
  problems: [400, 404],
  run: async ({ scope }, { params, query }) => {
    const connectionId = await resolveConnectionRef(scope, params.id);
    const page = await listRelinkLedger(scope, {
      connectionId,
      state: query.state ?? null,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: page.rows, next_cursor: page.nextCursor };
  },
});

export const revokeRelinkLinkRoute = defineRoute({
  method: "POST",
  path: "/relink-links/{id}/revoke",
  operationId: "revokeRelinkLink",
  tag: "Relink links",
  summary: "Revoke a relink link",
  description:
    "The link stops working at once. Revoking a revoked or expired link changes nothing (`revoked: false`); a used " +
    "link cannot be revoked (409).",
  scope: "connections:write",
  params: z.object({ id: z.string().min(1).max(200).meta({ description: "The link's id (`rl_…`)" }) }),
  query: noQuery,
  body: z.strictObject({}),
  success: {
    status: 200,
    description: "Whether this call revoked it",
    schema: z.object({ id: z.string(), revoked: z.boolean() }).meta({ id: "RevokeResult" }),
  },
  problems: [400, 404, 409, 422],
  run: async ({ scope }, { params }) => ({ id: params.id, ...(await revokeRelinkLink(scope, params.id)) }),
});
