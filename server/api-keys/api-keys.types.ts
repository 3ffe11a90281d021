// Input and output of the API-key procedures. A key's secret appears in exactly one response:
// the one that creates it.
import { z } from "zod";
import { PLATFORMS } from "../../db/types";
import { API_KEY_SCOPES, ZApiKeyScopes } from "./api-key-scopes";

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  platform: z.enum(PLATFORMS),
  tenantId: z.string().min(1).nullable(),
  /** What the key may do; keys made without naming scopes are ingest keys, as before scopes existed. */
  scopes: ZApiKeyScopes.default(["ingest"]),
});
export type CreateApiKeyInput = z.output<typeof ZCreateApiKeyInput>;

export const ZApiKeyRow = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  platform: z.enum(PLATFORMS),
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyRow = z.infer<typeof ZApiKeyRow>;

export const ZCreateApiKeyOutput = z.object({ key: z.string(), apiKey: ZApiKeyRow });

export const ZRevokeApiKeyInput = z.object({ id: z.string().min(1) });

export const ZSetApiKeyScopesInput = z.object({ id: z.string().min(1).max(200), scopes: ZApiKeyScopes });
export type SetApiKeyScopesInput = z.output<typeof ZSetApiKeyScopesInput>;

export const ZTenantOption = z.object({ id: z.string(), slug: z.string(), name: z.string() });
