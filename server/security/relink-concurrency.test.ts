// 20 concurrent completions of one relink link, end to end over HTTP: 20 browsers each start the
// flow for the same link, the sandbox provider approves all 20, and their 20 callbacks arrive at
// once. Exactly one may complete: one "reconnected" answer, one audit event, one version step, the
// credentials that one browser's exchange produced. (server/relink/consume-link.test.ts races
// consumeRelinkToken itself; this races the whole callback: cookie, state, PKCE exchange, consume.
// Pause/resume races are in server/actions/pause-concurrency.test.ts.)
import { NextRequest } from "next/server";
import { afterEach, expect, it, vi } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { publicOrigin } from "../http/public-origin";
import { DONE_COOKIE, FLOW_COOKIE } from "../oauth/flow-cookie";
import { handleRelinkCallback } from "../oauth/http-handlers";
import { readPublicLink } from "../relink/public-link";
import { breakConnection, snapshot, tokenOf } from "../relink/relink-test-helpers";
import { acmeAdmin, callerAs } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { insertRichConnection } from "../test/detail-fixture";
import { printFigures } from "./figures";
import { approvedCallback, routeTokenRequestsToSandbox, startFlow } from "./sandbox-flow";

const BROWSERS = 20;
const ORIGIN = publicOrigin();

afterEach(() => vi.unstubAllGlobals());

describeEachDb(
  "relink: 20 concurrent callbacks for one link",
  (get) => {
    it.each([1, 2])("round %i: exactly one completes, with one audit event and one version step", async (round) => {
      const { db, kind } = get();
      routeTokenRequestsToSandbox(db);
      // All callbacks share one client address (TRUST_PROXY is off): each round starts a fresh
      // rate-limit window so that the 30-per-minute limit does not answer for the race.
      await db.deleteFrom("rate_limits").execute();
      const id = `con_race_${round}`;
      await insertRichConnection(db, { id, tenantId: "ten_acme", runs: 1, errors: 0, audits: 0, now: Date.now() });
      await breakConnection(db, id);
      const token = tokenOf((await callerAs(db, acmeAdmin()).relink.create({ connectionId: id })).url);
      const before = await snapshot(db, id);

      const flows = await Promise.all(Array.from({ length: BROWSERS }, () => startFlow(db, token)));
      const callbacks = await Promise.all(flows.map((flow) => approvedCallback(db, flow)));
      const responses = await Promise.all(
        flows.map((flow, i) =>
          handleRelinkCallback(
            new NextRequest(`${ORIGIN}/link/callback?${callbacks[i]?.toString() ?? ""}`, {
              headers: { cookie: `${FLOW_COOKIE}=${encodeURIComponent(flow.cookie)}` },
            }),
            db,
          ),
        ),
      );
      const locations = responses.map((r) => r.headers.get("location"));
      const winners = responses.filter((r) => (r.headers.get("set-cookie") ?? "").includes(`${DONE_COOKIE}=`));
      const failures: string[] = [];
      if (locations.filter((l) => l === `${ORIGIN}/link/${token}?done=1`).length !== 1)
        failures.push(`"reconnected" answers: ${locations.filter((l) => l?.endsWith("?done=1")).length}`);
      if (winners.length !== 1) failures.push(`browsers told they completed it: ${winners.length}`);
      if (locations.filter((l) => l === `${ORIGIN}/link/${token}`).length !== BROWSERS - 1)
        failures.push(`answers other than "already used": ${JSON.stringify(locations)}`);

      const after = await snapshot(db, id);
      const relinked = after.audit.filter((a) => a.action === "connection.relinked");
      if (relinked.length !== 1) failures.push(`connection.relinked events: ${relinked.length}`);
      if (after.connection.version !== before.connection.version + 1)
        failures.push(`version ${before.connection.version} → ${after.connection.version}`);
      const fingerprint = (JSON.parse(relinked[0]?.after ?? "{}") as { credentials_fingerprint?: string })
        .credentials_fingerprint;
      if (fingerprint !== after.connection.credentials_fingerprint)
        failures.push("the stored credentials are not those of the one audited completion");
      if (after.connection.status !== "active") failures.push(`status ${after.connection.status}`);
      if ((await readPublicLink(db, token)).state !== "used") failures.push("link not used");
      printFigures(`concurrency: relink callbacks, round ${round}`, kind, BROWSERS, failures.length);
      expect(failures).toEqual([]);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.now());
  },
);
