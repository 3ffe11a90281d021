// Secret-named keys in run parameters, unmapped fields and other JSON documents (Workiva's
// sourceParameters.password, api keys, tokens) are shown as "•••• (redacted)" with the key kept,
// on every read path and for every role.
import { expect, it } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { acmeAdmin, acmeViewer, callerAs, staff } from "../../test/callers";
import { describeEachDb } from "../../test/databases";
import { insertRichConnection } from "../../test/detail-fixture";
import { REDACTED } from "../../secrets/redact-secrets";

const ID = "con_secret_params";
const MARK = "zz-secret-marker";
const params = (run: number) =>
  JSON.stringify({
    sheet: `Sheet ${run}`,
    password: `${MARK}-pw-${run}`,
    api_key: `${MARK}-key-${run}`,
    nested: { accessToken: `${MARK}-at-${run}`, clientSecret: `${MARK}-cs-${run}`, dbPassword: `${MARK}-db-${run}` },
  });

describeEachDb(
  "secret-named parameters",
  (get) => {
    for (const [name, user] of [
      ["support", staff()],
      ["tenant admin", acmeAdmin()],
      ["viewer", acmeViewer()],
    ] as const) {
      it(`${name}: byId, runs, run diff and activity carry no secret value, and keep the keys`, async () => {
        const caller = callerAs(get().db, user);
        const responses = await Promise.all([
          caller.connections.byId({ id: ID }),
          caller.detail.runs({ connectionId: ID, limit: 20, offset: 0 }),
          caller.detail.runDiff({ connectionId: ID, baseRunId: `run_${ID}_0000`, targetRunId: `run_${ID}_0001` }),
          caller.detail.activity({ connectionId: ID, limit: 20, offset: 0 }),
        ]);
        const text = JSON.stringify(responses);
        expect(text).not.toContain(MARK);
        const [connection, runs] = responses;
        expect(connection.last_run_source_parameters).toMatchObject({
          sheet: "Sheet 2",
          password: REDACTED,
          api_key: REDACTED,
          nested: { accessToken: REDACTED, clientSecret: REDACTED, dbPassword: REDACTED },
        });
        expect(connection.unmapped).toMatchObject({ legacy: "kept", sourceParameters: { password: REDACTED } });
        expect(runs.rows[0]?.source_parameters).toMatchObject({ sheet: "Sheet 2", password: REDACTED });
        // The diff still says that the sheet changed, and never which secret became which.
        expect(JSON.stringify(responses[2])).toContain("Sheet 1");
      });
    }
  },
  async (t) => {
    await seedDemo(t.db, { connections: 5, seed: 3 });
    await insertRichConnection(t.db, { id: ID, tenantId: "ten_acme", runs: 2, errors: 0, audits: 0, now: Date.now() });
    await t.db
      .updateTable("connections")
      .set({
        unmapped: JSON.stringify({ legacy: "kept", sourceParameters: { password: `${MARK}-unmapped` } }),
        last_run_source_parameters: params(2),
        last_run_destination_parameters: params(2),
      })
      .where("id", "=", ID)
      .execute();
    for (const run of [1, 2]) {
      await t.db
        .updateTable("connection_runs")
        .set({ source_parameters: params(run), destination_parameters: params(run) })
        .where("id", "=", `run_${ID}_000${run - 1}`)
        .execute();
    }
  },
);
