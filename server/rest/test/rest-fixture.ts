// The REST suites' data: the 60-row list fixture over three tenants, two fully filled connections
// (Acme's and Globex's, with credentials, runs and an auth error), and API keys of each kind.
import type { DB } from "../../../db";
import type { ApiKeyScope } from "../../../lib/api-key-scopes";
import { API_KEY_SCOPES } from "../../../lib/api-key-scopes";
import { createApiKey } from "../../api-keys/create-api-key";
import { TenantScope } from "../../scope/tenant-scope";
import { insertRichConnection } from "../../test/detail-fixture";
import { seedListFixture } from "../../test/list-fixture";

export const NOW = Date.parse("2026-11-20T12:00:00Z");
export const ACME = "con_acme_rich";
export const GLOBEX = "con_globex_rich";
/** Acme's Workiva data flow: its runs arrive as Workiva ConnectionRunDto (ingest format dto). */
export const ACME_FLOW = "con_acme_flow";
export const ACME_CREDENTIALS = { access_token: "at-acme-secret", refresh_token: "rt-acme-secret" };

export interface RestKeys {
  /** every scope, every tenant */
  platform: string;
  /** every scope, Acme only */
  acme: string;
  /** connections:read only, Acme */
  acmeReader: string;
  /** ingest only, every tenant (codat) */
  ingestOnly: string;
}

export async function makeKey(db: DB, name: string, scopes: readonly ApiKeyScope[], tenantId: string | null) {
  const scope = TenantScope.unscopedForOperator(db, "test");
  return (await createApiKey(scope, { name, platform: "codat", tenantId, scopes: [...scopes] })).key;
}

export async function seedRestFixture(db: DB): Promise<RestKeys> {
  await seedListFixture(db, NOW);
  await insertRichConnection(db, {
    id: ACME,
    tenantId: "ten_acme",
    runs: 3,
    errors: 2,
    audits: 0,
    now: NOW,
    credentials: ACME_CREDENTIALS,
  });
  await insertRichConnection(db, { id: GLOBEX, tenantId: "ten_globex", runs: 3, errors: 2, audits: 0, now: NOW });
  await insertRichConnection(db, { id: ACME_FLOW, tenantId: "ten_acme", runs: 2, errors: 0, audits: 0, now: NOW });
  await db.updateTable("connections").set({ platform: "workiva" }).where("id", "=", ACME_FLOW).execute();
  return {
    platform: await makeKey(db, "platform", API_KEY_SCOPES, null),
    acme: await makeKey(db, "acme", API_KEY_SCOPES, "ten_acme"),
    acmeReader: await makeKey(db, "acme reader", ["connections:read"], "ten_acme"),
    ingestOnly: await makeKey(db, "ingest", ["ingest"], null),
  };
}
