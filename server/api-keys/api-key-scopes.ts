// Scopes as stored (a JSON array in api_keys.scopes) and as checked. Unknown names in a stored
// value are dropped rather than trusted: a key can do only what this list names.
import { z } from "zod";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../lib/api-key-scopes";
import { parseStringArray } from "../json-text";

export { API_KEY_SCOPES, type ApiKeyScope };

/** One or more scopes, deduplicated and kept in the canonical order of API_KEY_SCOPES. */
export const ZApiKeyScopes = z
  .array(z.enum(API_KEY_SCOPES))
  .min(1, "Give the key at least one scope")
  .max(API_KEY_SCOPES.length * 2)
  .transform((scopes) => API_KEY_SCOPES.filter((s) => scopes.includes(s)));

export function parseScopes(stored: string | null): ApiKeyScope[] {
  const names = new Set(parseStringArray(stored));
  return API_KEY_SCOPES.filter((s) => names.has(s));
}

export const serialiseScopes = (scopes: readonly ApiKeyScope[]): string => JSON.stringify(scopes);
