// GET /connections/{id}/credentials: for the platform's own workers, after a relink (see
// server/credentials/read-credentials.ts for why this is the one way out and how it is audited).
import { z } from "zod";
import { readConnectionCredentials, ZConnectionCredentialsSchema } from "../../credentials/read-credentials";
import { resolveConnectionRef, ZConnectionPathParams } from "../connection-ref";
import { defineRoute, noBody } from "../rest-route";

export const getCredentialsRoute = defineRoute({
  method: "GET",
  path: "/connections/{id}/credentials",
  operationId: "getConnectionCredentials",
  tag: "Credentials",
  summary: "Read a connection's credentials",
  description:
    "The decrypted credentials, for the platform's workers after a customer completes a relink (watch " +
    "`fingerprint` change). Needs the `credentials:read` scope; every read is written to the audit log.",
  scope: "credentials:read",
  params: ZConnectionPathParams,
  query: z.object({}),
  body: noBody,
  success: {
    status: 200,
    description: "The connection's credentials",
    schema: ZConnectionCredentialsSchema.meta({ id: "ConnectionCredentials" }),
  },
  problems: [404],
  run: async ({ scope }, { params }) => readConnectionCredentials(scope, await resolveConnectionRef(scope, params.id)),
});
