// `npm run api-key -- create|list|revoke`: operators bootstrap keys at the server's shell without
// the UI (the first key of a fresh install, automation). The same domain functions as the API-keys
// page, through an operator scope, so keys made here are stored, audited and listed the same way.
import type { DB } from "../../db";
import { PLATFORMS, type Platform } from "../../db/types";
import { API_KEY_SCOPES, isApiKeyScope, type ApiKeyScope } from "../../lib/api-key-scopes";
import { TenantScope } from "../scope/tenant-scope";
import type { ApiKeyRow } from "./api-keys.types";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

export const API_KEY_USAGE = `Usage:
  npm run api-key -- create --name NAME --scopes SCOPE[,SCOPE…] [--tenant SLUG] [--platform ${PLATFORMS.join("|")}]
  npm run api-key -- list
  npm run api-key -- revoke ID
Scopes: ${API_KEY_SCOPES.join(", ")}.
create prints the key alone on its last line (it is shown once): KEY=$(npm run -s api-key -- create … | tail -n 1)
--tenant binds the key to one tenant (slug or id); without it the key sees every tenant.
--platform is the data an ingest key may import (required with the ingest scope; default generic).
Exit code: 0 done, 1 refused (unknown tenant or key, already revoked), 2 usage error.`;

export interface CliOut {
  write(text: string): unknown;
}

type Parsed = { command: string; positional: string[]; options: Map<string, string> };

function parse(argv: string[]): Parsed | string {
  const [command = "", ...rest] = argv;
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    const eq = /^--([a-z-]+)=(.*)$/s.exec(arg);
    if (eq?.[1] !== undefined && eq[2] !== undefined) options.set(eq[1], eq[2]);
    else if (arg.startsWith("--")) {
      const value = rest[i + 1];
      if (value === undefined) return `${arg} needs a value.`;
      options.set(arg.slice(2), value);
      i += 1;
    } else positional.push(arg);
  }
  return { command, positional, options };
}

function parseScopeList(text: string): ApiKeyScope[] | string {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = names.filter((n) => !isApiKeyScope(n));
  if (unknown.length > 0) return `Unknown scope ${unknown.join(", ")}: use ${API_KEY_SCOPES.join(", ")}.`;
  if (names.length === 0) return "--scopes needs at least one scope.";
  return API_KEY_SCOPES.filter((s) => names.includes(s));
}

const describe = (k: ApiKeyRow) =>
  [
    k.id,
    k.name,
    `${k.prefix}…`,
    k.platform,
    k.tenantName ?? "all tenants",
    k.scopes.join(","),
    `created ${k.createdAt}`,
    k.lastUsedAt ? `last used ${k.lastUsedAt}` : "never used",
    k.revokedAt ? `REVOKED ${k.revokedAt}` : "active",
  ].join("\t");

async function create(scope: TenantScope, parsed: Parsed, out: CliOut, err: CliOut): Promise<number> {
  const unknown = [...parsed.options.keys()].filter((o) => !["name", "scopes", "tenant", "platform"].includes(o));
  if (unknown.length > 0 || parsed.positional.length > 0) {
    err.write(`Unknown argument ${unknown.map((o) => `--${o}`).join(", ") || parsed.positional.join(" ")}.\n`);
    return 2;
  }
  const name = parsed.options.get("name")?.trim() ?? "";
  if (name === "" || name.length > 100) {
    err.write("--name is required (1 to 100 characters).\n");
    return 2;
  }
  const scopes = parseScopeList(parsed.options.get("scopes") ?? "");
  if (typeof scopes === "string") {
    err.write(`${scopes}\n`);
    return 2;
  }
  const platformArg = parsed.options.get("platform");
  if (platformArg !== undefined && !(PLATFORMS as readonly string[]).includes(platformArg)) {
    err.write(`--platform must be one of ${PLATFORMS.join(", ")}.\n`);
    return 2;
  }
  if (platformArg === undefined && scopes.includes("ingest")) {
    err.write("--platform is required for a key with the ingest scope: it names the data the key may import.\n");
    return 2;
  }
  const platform = (PLATFORMS as readonly string[]).includes(platformArg ?? "") ? (platformArg as Platform) : "generic";
  const tenantRef = parsed.options.get("tenant");
  let tenantId: string | null = null;
  if (tenantRef !== undefined) {
    const tenant = await scope
      .tenants()
      .select(["id"])
      .where((eb) => eb.or([eb("slug", "=", tenantRef), eb("id", "=", tenantRef)]))
      .executeTakeFirst();
    if (!tenant) {
      err.write(`Unknown tenant "${tenantRef}" (give a tenant slug or id).\n`);
      return 1;
    }
    tenantId = tenant.id;
  }
  const { key, apiKey } = await createApiKey(scope, { name, platform, tenantId, scopes });
  out.write(
    `Created ${apiKey.id} "${apiKey.name}": ${apiKey.scopes.join(", ")}; ${apiKey.tenantName ?? "all tenants"}; platform ${apiKey.platform}.\n`,
  );
  out.write("The key is shown this once; store it now:\n");
  out.write(`${key}\n`);
  return 0;
}

export async function runApiKeyCli(
  db: DB,
  argv: string[],
  io: { stdout: CliOut; stderr: CliOut },
  operator: string,
): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === "string") {
    io.stderr.write(`${parsed}\n${API_KEY_USAGE}\n`);
    return 2;
  }
  const scope = TenantScope.unscopedForOperator(db, operator);
  switch (parsed.command) {
    case "create":
      return create(scope, parsed, io.stdout, io.stderr);
    case "list": {
      if (parsed.positional.length > 0 || parsed.options.size > 0) break;
      const keys = await listApiKeys(scope);
      if (keys.length === 0) io.stdout.write("No API keys.\n");
      for (const k of keys) io.stdout.write(`${describe(k)}\n`);
      return 0;
    }
    case "revoke": {
      const [id, ...extra] = parsed.positional;
      if (id === undefined || extra.length > 0 || parsed.options.size > 0) break;
      const exists = await scope.apiKeys().select(["id", "revoked_at"]).where("id", "=", id).executeTakeFirst();
      if (!exists) {
        io.stderr.write(`No API key ${id} (see npm run api-key -- list).\n`);
        return 1;
      }
      if (exists.revoked_at !== null) {
        io.stderr.write(`${id} was already revoked at ${exists.revoked_at}.\n`);
        return 1;
      }
      const row = await revokeApiKey(scope, id);
      io.stdout.write(`Revoked ${row.id} "${row.name}": requests with it are refused from now on.\n`);
      return 0;
    }
    case "--help":
    case "-h":
    case "help":
      io.stdout.write(`${API_KEY_USAGE}\n`);
      return 0;
  }
  io.stderr.write(`${API_KEY_USAGE}\n`);
  return 2;
}
