// API keys for the ingest and REST APIs: support staff create (the key is shown once), list, set scopes and revoke.
import { z } from "zod";
import {
  ZApiKeyRow,
  ZCreateApiKeyInput,
  ZCreateApiKeyOutput,
  ZRevokeApiKeyInput,
  ZSetApiKeyScopesInput,
  ZTenantOption,
} from "../api-keys/api-keys.types";
import { createApiKey } from "../api-keys/create-api-key";
import { listApiKeys, listTenantOptions } from "../api-keys/list-api-keys";
import { revokeApiKey } from "../api-keys/revoke-api-key";
import { setApiKeyScopes } from "../api-keys/set-api-key-scopes";
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
  setScopes: staffProcedure
    .input(ZSetApiKeyScopesInput)
    .output(ZApiKeyRow)
    .mutation(({ ctx, input }) => setApiKeyScopes(ctx.scope, input)),
});
