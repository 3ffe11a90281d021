// The URL is the state of the connections table: one parser per query parameter, shared by
// the browser (nuqs useQueryStates), the server page (first render) and the export route, so
// a copied link, a reload and an export all mean the same view.
import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import type { ConnectionFilters } from "@/server/connections/list/filters.types";
import type { ListConnectionsRequest } from "@/server/connections/list/list.types";
import { CONNECTION_STATUSES, PAGE_SIZES, PLATFORMS, SORT_COLUMNS } from "./constants";

const list = parseAsArrayOf(parseAsString, ",");

export const listUrlParsers = {
  q: parseAsString.withDefault(""),
  status: parseAsArrayOf(parseAsStringLiteral(CONNECTION_STATUSES), ",").withDefault([]),
  provider: list.withDefault([]),
  category: list.withDefault([]),
  platform: parseAsArrayOf(parseAsStringLiteral(PLATFORMS), ",").withDefault([]),
  env: list.withDefault([]),
  tenant: list.withDefault([]),
  relink: parseAsBoolean,
  upaused: parseAsBoolean,
  ppaused: parseAsBoolean,
  errors: parseAsBoolean,
  /** auth expires within N days */
  expires: parseAsInteger,
  /** last sync older than N days */
  stale: parseAsInteger,
  from: parseAsString,
  to: parseAsString,
  /** an error group id (eg_…): connections with an active error in it */
  group: parseAsString,
  /** any of these tags */
  tag: list.withDefault([]),
  sort: parseAsStringLiteral(SORT_COLUMNS).withDefault("updated_at"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  cursor: parseAsString,
  nav: parseAsStringLiteral(["forward", "backward", "last"] as const).withDefault("forward"),
  /** visible optional columns; absent = the user's remembered choice */
  cols: list,
};
export type ListUrlState = inferParserType<typeof listUrlParsers>;

export const loadListUrlState = createLoader(listUrlParsers);
export const serializeListUrlState = createSerializer(listUrlParsers, { clearOnDefault: true });

/** Keys that change which rows match: changing one returns to the first page. */
export const FILTER_KEYS = [
  "q",
  "status",
  "provider",
  "category",
  "platform",
  "env",
  "tenant",
  "relink",
  "upaused",
  "ppaused",
  "errors",
  "expires",
  "stale",
  "from",
  "to",
  "group",
  "tag",
] as const;

const arr = <T>(v: T[]) => (v.length ? v : undefined);
const opt = <T>(v: T | null) => (v === null ? undefined : v);

export function filtersFromUrlState(s: ListUrlState): ConnectionFilters {
  return {
    q: s.q.trim() || undefined,
    status: arr(s.status),
    provider: arr(s.provider),
    category: arr(s.category),
    platform: arr(s.platform),
    environment: arr(s.env),
    tenant: arr(s.tenant),
    needsRelink: opt(s.relink),
    userPaused: opt(s.upaused),
    platformPaused: opt(s.ppaused),
    hasActiveErrors: opt(s.errors),
    authExpiresWithinDays: opt(s.expires),
    lastSyncOlderThanDays: opt(s.stale),
    createdFrom: opt(s.from) || undefined,
    createdTo: opt(s.to) || undefined,
    errorGroup: opt(s.group) || undefined,
    tag: arr(s.tag),
  };
}

export function listRequestFromUrlState(s: ListUrlState): ListConnectionsRequest {
  return {
    ...filtersFromUrlState(s),
    sort: s.sort,
    dir: s.dir,
    limit: s.size,
    cursor: s.cursor,
    direction: s.cursor || s.nav === "last" ? s.nav : "forward",
  };
}
