// Each home card's link into the connections table: exactly the filter the card counts, in the
// table's own URL state (lib/list-url-state.ts), so the table's count is the card's.
import { serializeListUrlState } from "@/lib/list-url-state";
import type { ConnectionStatus } from "@/lib/constants";

export const cardHref = {
  all: () => "/connections",
  status: (status: ConnectionStatus) => serializeListUrlState("/connections", { status: [status] }),
  needsRelink: () => serializeListUrlState("/connections", { relink: true }),
  userPaused: () => serializeListUrlState("/connections", { upaused: true }),
  platformPaused: () => serializeListUrlState("/connections", { ppaused: true }),
  withErrors: () => serializeListUrlState("/connections", { errors: true }),
  expiring: (days: number) => serializeListUrlState("/connections", { expires: days }),
  stale: (days: number) => serializeListUrlState("/connections", { stale: days }),
  errorGroup: (id: string) => serializeListUrlState("/connections", { group: id }),
};
