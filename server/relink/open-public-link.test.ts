import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { sealDone, completedHere } from "../oauth/flow-cookie";
import { describeEachDb } from "../test/databases";
import { linkInState } from "./public-link-fixture";
import { hashRelinkToken } from "./token";
import { openPublicLink, readLinkPage } from "./open-public-link";

const here = (address: string, completed = false) => ({ address, completedHere: completed });

describeEachDb(
  "the public link page: one clear page per state, with its HTTP status",
  (get) => {
    it("answers 404 for an unknown token and 410 for expired, used and revoked links", async () => {
      const db = get().db;
      expect(await openPublicLink(db, "x".repeat(43), here("a"))).toEqual({ kind: "unknown", status: 404 });
      expect(await openPublicLink(db, "not a token", here("a"))).toEqual({ kind: "unknown", status: 404 });
      for (const state of ["expired", "used", "revoked"] as const) {
        const token = await linkInState(db, state);
        expect(await openPublicLink(db, token, here("a"))).toEqual({ kind: state, status: 410 });
        expect(await readLinkPage(token, false, db)).toEqual({ kind: state, status: 410 });
      }
    });

    it("answers 200 for a usable link and notes its first opening; reading for the page notes nothing", async () => {
      const db = get().db;
      const token = await linkInState(db, "open", 1);
      const opened = () =>
        db
          .selectFrom("relink_links")
          .select("opened_at")
          .where("token_hash", "=", hashRelinkToken(token))
          .executeTakeFirstOrThrow();
      expect((await readLinkPage(token, false, db)).status).toBe(200);
      expect((await opened()).opened_at).toBeNull();
      const page = await openPublicLink(db, token, here("b"));
      expect(page).toMatchObject({ kind: "open", status: 200, view: { state: "open" } });
      expect((await opened()).opened_at).not.toBeNull();
    });

    it("says 'reconnected' for a used link only to the browser holding the proof it finished the flow", async () => {
      const db = get().db;
      const token = await linkInState(db, "used", 2);
      const other = await linkInState(db, "used", 3);
      const proof = sealDone(token);
      expect(completedHere(proof, token)).toBe(true);
      expect(completedHere(proof, other)).toBe(false);
      expect(completedHere(undefined, token)).toBe(false);
      expect(completedHere("forged", token)).toBe(false);
      expect(completedHere(proof, token, Date.now() + 16 * 60_000)).toBe(false);
      expect(await openPublicLink(db, token, here("c", true))).toEqual({ kind: "connected", status: 200 });
      // `?done=1` alone (no proof): the plain "already used" page.
      expect(await openPublicLink(db, token, here("c", false))).toEqual({ kind: "used", status: 410 });
    });

    it("answers 429 with the seconds to wait once an address passes the limit, whatever the token", async () => {
      const db = get().db;
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) {
        const page = await openPublicLink(
          db,
          `${"y".repeat(42)}${i % 10}`,
          here("198.51.100.9"),
          Date.parse("2026-12-01T10:00:00.000Z"),
        );
        statuses.push(page.status);
        if (page.kind === "rate-limited") expect(page.retryAfterSeconds).toBe(60);
      }
      expect(statuses.filter((s) => s === 404)).toHaveLength(30);
      expect(statuses.slice(30)).toEqual([429, 429]);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 5 });
  },
);
