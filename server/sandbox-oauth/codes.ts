// Authorization codes of the sandbox provider: random, stored as hashes, valid for one minute,
// and claimed with a conditional UPDATE so a code can be exchanged at most once.
import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db";
import { sha256Hex } from "../crypto";
import { nowIso } from "../ids";
import type { AuthorizeParams } from "./authorize-request";

const CODE_TTL_MS = 60_000;

export async function issueSandboxCode(db: DB, params: AuthorizeParams, failToken: boolean): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db
    .insertInto("sandbox_oauth_codes")
    .values({
      code_hash: sha256Hex(code),
      client_id: params.client_id,
      redirect_uri: params.redirect_uri,
      code_challenge: params.code_challenge,
      scope: params.scope,
      fail_token: failToken ? 1 : 0,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + CODE_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return code;
}

export interface TokenRequest {
  code: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
}

export type ExchangeResult = { ok: true; scope: string; failToken: boolean } | { ok: false; error: "invalid_grant" };

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** Claims the code (even when the rest then fails, as RFC 6749 asks) and checks client, redirect and PKCE. */
export async function exchangeSandboxCode(db: DB, req: TokenRequest): Promise<ExchangeResult> {
  const hash = sha256Hex(req.code);
  const now = nowIso();
  const claimed = await db
    .updateTable("sandbox_oauth_codes")
    .set({ used_at: now })
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, error: "invalid_grant" };
  const row = await db
    .selectFrom("sandbox_oauth_codes")
    .selectAll()
    .where("code_hash", "=", hash)
    .executeTakeFirstOrThrow();
  const valid =
    row.client_id === req.clientId &&
    row.redirect_uri === req.redirectUri &&
    s256(req.codeVerifier) === row.code_challenge;
  return valid
    ? { ok: true, scope: row.scope, failToken: row.fail_token === 1 }
    : { ok: false, error: "invalid_grant" };
}
