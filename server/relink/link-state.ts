// A link's state is derived from its timestamps, never stored, so it cannot drift.
// The SQL filters in ledger.ts say the same thing as linkState(); keep them together.
import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/types";

import type { LinkState } from "../../lib/constants";

export { LINK_STATES, type LinkState } from "../../lib/constants";

export interface LinkTimes {
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export function linkState(link: LinkTimes, nowIsoValue: string): LinkState {
  if (link.used_at) return "used";
  if (link.revoked_at) return "revoked";
  if (link.expires_at <= nowIsoValue) return "expired";
  return "open";
}

/** WHERE clause for links in a given state (same rules as linkState). */
export function whereLinkState(state: LinkState, now: string) {
  return (eb: ExpressionBuilder<Database, "relink_links">) => {
    switch (state) {
      case "used":
        return eb("relink_links.used_at", "is not", null);
      case "revoked":
        return eb.and([eb("relink_links.used_at", "is", null), eb("relink_links.revoked_at", "is not", null)]);
      case "expired":
        return eb.and([
          eb("relink_links.used_at", "is", null),
          eb("relink_links.revoked_at", "is", null),
          eb("relink_links.expires_at", "<=", now),
        ]);
      case "open":
        return eb.and([
          eb("relink_links.used_at", "is", null),
          eb("relink_links.revoked_at", "is", null),
          eb("relink_links.expires_at", ">", now),
        ]);
    }
  };
}
