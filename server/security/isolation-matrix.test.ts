// The isolation matrix, generated from the router: every procedure × every role (support, tenant
// admin, viewer, signed out) × an input naming another tenant's (or another user's) object, over
// the real HTTP endpoint. Each call must be refused (UNAUTHORIZED / FORBIDDEN / NOT_FOUND) or
// answered without the other's data, and must change nothing (a checksum of every tenant table
// before and after). A procedure missing from server/security/procedure-catalog.ts fails the
// first test, so one added later is covered without anyone remembering.
import { expect, it } from "vitest";
import type { SessionUser } from "../auth/session-user";
import { canWrite, isStaff } from "../auth/session-user";
import { acmeAdmin, callerAs } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { printFigures } from "./figures";
import { forbiddenNeedles, foundIn } from "./needles";
import { PROCEDURE_CATALOG, type Access, type ForeignProbe } from "./procedure-catalog";
import { FOREIGN_ADMIN, ROLE_NAMES, ROLE_USERS, seedSecurityFixture, type SecurityFixture } from "./security-fixture";
import { changedTables, tableChecksums, type Row } from "./table-checksum";
import { callOverHttp, routerProcedures } from "./trpc-http";

type Expected = { code: "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND"; status: number } | { code: null; status: 200 };

/** What `user` must get for `probe` on a procedure with `access`; null: not applicable by design. */
export function expectedOutcome(access: Access, probe: ForeignProbe, user: SessionUser | null): Expected | null {
  if (!user) return { code: "UNAUTHORIZED", status: 401 };
  if (access === "staff" && !isStaff(user)) return { code: "FORBIDDEN", status: 403 };
  if (access === "writer" && !canWrite(user)) return { code: "FORBIDDEN", status: 403 };
  // Support staff work across tenants: another tenant's object is theirs to see and change.
  if (isStaff(user) && probe.owner === "tenant") return null;
  return probe.expect === "not-found" ? { code: "NOT_FOUND", status: 404 } : { code: null, status: 200 };
}

/** The caller's own settings rows may change (saving a view); nobody else's may. */
const ownRows = (user: SessionUser | null) => (table: string, row: Row) =>
  user !== null && (table === "saved_views" || table === "user_table_prefs") && row.user_id === user.id;

it("classifies every procedure of the router, and only those", () => {
  const paths = routerProcedures().map((p) => p.path);
  expect(paths.length).toBeGreaterThan(25);
  const unclassified = paths.filter((p) => !(p in PROCEDURE_CATALOG));
  expect(unclassified, "add these to server/security/procedure-catalog.ts").toEqual([]);
  const stale = Object.keys(PROCEDURE_CATALOG).filter((p) => !paths.includes(p));
  expect(stale, "procedures no longer in the router").toEqual([]);
  for (const [path, c] of Object.entries(PROCEDURE_CATALOG))
    expect(c.foreign.length, `${path} needs at least one probe`).toBeGreaterThan(0);
});

let fixture: SecurityFixture | undefined;
const f = () => {
  if (!fixture) throw new Error("fixture not seeded");
  return fixture;
};

describeEachDb(
  "isolation matrix",
  (get) => {
    it("every procedure × role × another tenant's ids: refused or filtered, never their data, never a change", async () => {
      const { db, kind } = get();
      const failures: string[] = [];
      let tried = 0;
      let notApplicable = 0;
      const procedures = routerProcedures();
      for (const proc of procedures) {
        const c = PROCEDURE_CATALOG[proc.path];
        if (!c) continue; // the test above names it
        for (const role of ROLE_NAMES) {
          const user = ROLE_USERS[role];
          for (const probe of c.foreign) {
            const expected = expectedOutcome(c.access, probe, user);
            if (!expected) {
              notApplicable++;
              continue;
            }
            tried++;
            const input = probe.input(f());
            const where = `${proc.path} as ${role} (${probe.label})`;
            const before = await tableChecksums(db, { skip: ownRows(user) });
            const out = await callOverHttp(db, user, proc.path, proc.type, input);
            const after = await tableChecksums(db, { skip: ownRows(user) });
            if (out.status !== expected.status || out.code !== expected.code)
              failures.push(
                `${where}: ${out.status} ${out.code ?? "OK"}, expected ${expected.status} ${expected.code ?? "OK"}`,
              );
            const leaked = foundIn(out.text, forbiddenNeedles(f(), user), JSON.stringify(input) ?? "");
            if (leaked.length) failures.push(`${where}: response holds ${leaked.join(", ")}`);
            const secrets = foundIn(out.text, f().secrets);
            if (secrets.length) failures.push(`${where}: response holds a secret`);
            const changed = changedTables(before, after);
            if (changed.length) failures.push(`${where}: changed ${changed.join(", ")}`);
          }
        }
      }
      printFigures(
        "isolation matrix (tRPC)",
        kind,
        tried,
        failures.length,
        `${procedures.length} procedures × ${ROLE_NAMES.length} roles; ${notApplicable} support × tenant cases allowed by design`,
      );
      expect(failures).toEqual([]);
    }, 300_000);

    it("the detectors are not blind: the needles are in the data, a write moves the checksum", async () => {
      const { db } = get();
      const asStaff = await callOverHttp(db, ROLE_USERS.support, "connections.byId", "query", {
        id: f().foreign.connectionIds[0],
      });
      expect(foundIn(asStaff.text, f().foreign.needles).length).toBeGreaterThan(2);
      const asOwner = await callOverHttp(db, FOREIGN_ADMIN, "views.list", "query", { table: "connections" });
      expect(foundIn(asOwner.text, [f().foreignView.needle])).toHaveLength(1);
      const before = await tableChecksums(db);
      const id = f().own.connectionIds[1];
      const { version } = await db
        .selectFrom("connections")
        .select("version")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const paused = await callOverHttp(db, ROLE_USERS["tenant admin"], "actions.pauseConnection", "mutation", {
        id,
        expectedVersion: version,
        reason: "detector check",
      });
      expect(paused.status).toBe(200);
      expect(changedTables(before, await tableChecksums(db))).toEqual(
        expect.arrayContaining(["connections", "audit_events"]),
      );
      await callerAs(db, acmeAdmin()).actions.resumeConnection({ id, expectedVersion: version + 1 });
    });

    it("a tenant filter naming another tenant matches none of the caller's rows (bulk pause by filter)", async () => {
      // The list's `tenant` filter is ignored for tenant users (server/connections/list/filters.ts),
      // so a bulk action over "every row where tenant = Globex" run by an Acme admin matches every
      // Acme row. It must match nothing: a filter the caller cannot satisfy selects no rows.
      const { db } = get();
      const before = await tableChecksums(db);
      const result = await callerAs(db, acmeAdmin())
        .actions.bulkSetPaused({
          action: "pause",
          reason: "filter names another tenant",
          target: { kind: "filter", filters: { tenant: [f().foreign.tenantId] } },
        })
        .catch((error: unknown) => ({ error }));
      expect(result).toMatchObject({ total: 0, changed: 0 });
      expect(changedTables(before, await tableChecksums(db))).toEqual([]);
    });
  },
  async (t) => {
    fixture = await seedSecurityFixture(t.db);
  },
);
