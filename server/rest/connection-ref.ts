// `{id}` in a connection path: the console's id (`con_…`), or `platform:platform_id` — the id the
// platform itself knows the connection by (`codat:8a2f…`). Resolved through the key's scope, so
// another tenant's connection is NOT_FOUND either way.
import { z } from "zod";
import { PLATFORMS, type Platform } from "../../db/types";
import { NotFoundError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";

export const ZConnectionRef = z.string().min(1).max(300).meta({
  description: "The console's connection id (`con_…`), or `platform:platform_id`, e.g. `codat:8a2f1c…`",
  example: "codat:6f2e3c1a-0b7e-4c3e-9a51-2d6b1f0c9e47",
});

export const ZConnectionPathParams = z.object({ id: ZConnectionRef });

function platformRef(ref: string): { platform: Platform; platformId: string } | null {
  const colon = ref.indexOf(":");
  if (colon <= 0) return null;
  const platform = PLATFORMS.find((p) => p === ref.slice(0, colon));
  const platformId = ref.slice(colon + 1);
  return platform && platformId !== "" ? { platform, platformId } : null;
}

/** The console id of the connection `ref` names, if the scope may see it. */
export async function resolveConnectionRef(scope: TenantScope, ref: string): Promise<string> {
  const byPlatform = platformRef(ref);
  let query = scope.connections().select("connections.id");
  query = byPlatform
    ? query
        .where("connections.platform", "=", byPlatform.platform)
        .where("connections.platform_id", "=", byPlatform.platformId)
    : query.where("connections.id", "=", ref);
  const row = await query.executeTakeFirst();
  // The reference is the caller's own text and is not repeated: the message stays a sentence.
  if (!row) throw new NotFoundError("No connection with that id or platform reference for this API key.");
  return row.id;
}
