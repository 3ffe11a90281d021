// The isolation matrix of the REST API v1, generated from its route table (REST_ROUTES): every
// operation × every kind of caller (a key bound to one tenant with every scope, the same without
// the operation's scope, a revoked key, no key) × a request naming another tenant's object, through
// the route file itself. Refused (401 / 403 / 404) or filtered, never the other tenant's data,
// never a change. An operation missing from server/security/rest-catalog.ts fails the first test.
import { expect, it } from "vitest";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../lib/api-key-scopes";
import { REST_ROUTES } from "../rest/routes";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { printFigures } from "./figures";
import { foundIn } from "./needles";
import { REST_CATALOG } from "./rest-catalog";
import { restAs } from "./rest-http";
import { seedSecurityFixture, type SecurityFixture } from "./security-fixture";
import { changedTables, tableChecksums } from "./table-checksum";

const operations = REST_ROUTES.map((r) => ({ key: `${r.method} ${r.path}`, method: r.method, scope: r.scope }));

it("classifies every REST operation, and only those", () => {
  expect(operations.length).toBeGreaterThan(5);
  const unclassified = operations.filter((o) => !(o.key in REST_CATALOG)).map((o) => o.key);
  expect(unclassified, "add these to server/security/rest-catalog.ts").toEqual([]);
  const stale = Object.keys(REST_CATALOG).filter((k) => !operations.some((o) => o.key === k));
  expect(stale, "operations no longer in REST_ROUTES").toEqual([]);
});

let fixture: SecurityFixture | undefined;
const f = () => {
  if (!fixture) throw new Error("fixture not seeded");
  return fixture;
};
/** api_keys.last_used_at moves on every authenticated call; it is not tenant data. */
const IGNORE = { ignoreColumns: { api_keys: ["last_used_at"] } };

describeEachDb(
  "REST API isolation",
  (get) => {
    it("every operation × caller × another tenant's ids: 401/403/404 or filtered, never their data, never a change", async () => {
      const { db, kind } = get();
      globalThis.consoleDb = db;
      const support = callerAs(db, staff());
      const key = async (name: string, tenantId: string | null, scopes: ApiKeyScope[]) =>
        (await support.apiKeys.create({ name, platform: "codat", tenantId, scopes: [...scopes] })).key;
      const own = await key("REST own, every scope", f().own.tenantId, [...API_KEY_SCOPES]);
      const foreign = await key("REST foreign, every scope", f().foreign.tenantId, [...API_KEY_SCOPES]);
      const revoked = await support.apiKeys.create({
        name: "REST revoked",
        platform: "codat",
        tenantId: f().own.tenantId,
        scopes: [...API_KEY_SCOPES],
      });
      await support.apiKeys.revoke({ id: revoked.apiKey.id });
      const lacking = new Map<ApiKeyScope, string>();
      for (const scope of API_KEY_SCOPES)
        lacking.set(
          scope,
          await key(
            `REST without ${scope}`,
            f().own.tenantId,
            API_KEY_SCOPES.filter((s) => s !== scope),
          ),
        );
      // The other tenant's own REST activity, which the own key must not see either.
      const foreignRun = await restAs(foreign, "POST", {
        path: `/connections/${f().foreign.connectionIds[0]}/runs`,
        body: {},
      });
      expect(foreignRun.status, foreignRun.text).toBe(201);
      const needles = [...f().foreign.needles, (JSON.parse(foreignRun.text) as { id: string }).id];

      const failures: string[] = [];
      let tried = 0;
      for (const op of operations) {
        const c = REST_CATALOG[op.key];
        if (!c) continue; // named by the test above
        const callers: [string, string | null, (expect: "not-found" | "filtered") => number][] = [
          ["tenant key", own, (e) => (e === "not-found" ? 404 : 200)],
          [`key without ${op.scope}`, lacking.get(op.scope) ?? null, () => 403],
          ["revoked key", revoked.key, () => 401],
          ["no key", null, () => 401],
        ];
        for (const [who, callerKey, want] of callers) {
          for (const probe of c.foreign) {
            tried++;
            const request = probe.request(f());
            const where = `${op.key} by ${who} (${probe.label})`;
            const before = await tableChecksums(db, IGNORE);
            const out = await restAs(callerKey, op.method, request);
            const after = await tableChecksums(db, IGNORE);
            if (out.status !== want(probe.expect))
              failures.push(`${where}: ${out.status}, expected ${want(probe.expect)}: ${out.text.slice(0, 200)}`);
            const leaked = foundIn(out.text, needles, request.path + JSON.stringify(request.body ?? ""));
            if (leaked.length) failures.push(`${where}: answer holds ${leaked.join(", ")}`);
            if (foundIn(out.text, f().secrets).length) failures.push(`${where}: answer holds a secret`);
            const changed = changedTables(before, after);
            if (changed.length) failures.push(`${where}: changed ${changed.join(", ")}`);
          }
        }
      }
      printFigures(
        "isolation matrix (REST v1)",
        kind,
        tried,
        failures.length,
        `${operations.length} operations × 4 callers`,
      );
      expect(failures).toEqual([]);
    }, 300_000);
  },
  async (t) => {
    fixture = await seedSecurityFixture(t.db);
  },
);
