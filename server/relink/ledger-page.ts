// The relink page's query string (`?state=open&cursor=…`) read for the page: anything it does not
// understand (an unknown state, a cursor from an edited or stale link) gives the first page with
// a note saying so, never an error page.
import { TRPCError } from "@trpc/server";
import { LINK_STATES, type LinkState } from "../../lib/constants";
import type { createCaller } from "../routers";

type Caller = ReturnType<typeof createCaller>;
type LedgerResponse = Awaited<ReturnType<Caller["relink"]["ledger"]>>;
type RawSearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface LedgerPage {
  state: LinkState | null;
  ledger: LedgerResponse;
  /** what was ignored, for the page to say; null when the query string was fine */
  notice: string | null;
}

export async function loadLedgerPage(caller: Caller, raw: RawSearchParams, limit = 50): Promise<LedgerPage> {
  const notices: string[] = [];
  const askedState = one(raw.state);
  const state = LINK_STATES.find((s) => s === askedState) ?? null;
  if (askedState && !state) notices.push("The state filter was not understood; showing every state.");
  const cursor = one(raw.cursor) ?? null;
  const ledger = await caller.relink.ledger({ state, cursor, limit }).catch(async (error: unknown) => {
    if (!(error instanceof TRPCError && error.code === "BAD_REQUEST") || cursor === null) throw error;
    notices.push("That page link is out of date or was changed; showing the newest links.");
    return caller.relink.ledger({ state, cursor: null, limit });
  });
  return { state, ledger, notice: notices.length > 0 ? notices.join(" ") : null };
}
