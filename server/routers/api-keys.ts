// API keys for the ingest API: support staff create (the key is shown once), list and revoke.
import { z } from "zod";
import {
  ZApiKeyRow,
  ZCreateApiKeyInput,
  ZCreateApiKeyOutput,
  ZRevokeApiKeyInput,
  ZTenantOption,
} from "../api-keys/api-keys.types";
import { createApiKey } from "../api-keys/create-api-key";
import { listApiKeys, listTenantOptions } from "../api-keys/list-api-keys";
import { revokeApiKey } from "../api-keys/revoke-api-key";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  list: staffProcedure.output(z.array(ZApiKeyRow)).query(({ ctx }) => listApiKeys(ctx.scope)),
  tenants: staffProcedure.output(z.array(ZTenantOption)).query(({ ctx }) => listTenantOptions(ctx.scope)),
  create: staffProcedure
    .input(ZCreateApiKeyInput)
    .output(ZCreateApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx.scope, input)),
  revoke: staffProcedure
    .input(ZRevokeApiKeyInput)
    .output(ZApiKeyRow)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.scope, input.id)),
});
