// Values the browser and the server share: enums of the model, sort keys, page sizes, facet and
// link-state names. Nothing here imports server/, db/ or zod, so client bundles stay small; the
// server's schemas and the database types are built from these lists, never the other way round.

export const CONNECTION_STATUSES = ["pending", "active", "error", "expired", "disconnected", "deauthorized"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const PLATFORMS = ["codat", "unified", "workiva", "generic"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ROLES = ["support", "tenant_admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Sortable list columns, whitelisted: nothing from the client is interpolated into SQL. */
export const SORT_COLUMNS = [
  "updated_at",
  "created_at",
  "name",
  "status",
  "provider",
  "last_sync_at",
  "auth_expires_at",
  "open_error_count",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;

/** Facets are the filters with few distinct values; each count follows the other filters. */
export const FACET_KEYS = [
  "status",
  "provider",
  "platform",
  "environment",
  "category",
  "tenant",
  "needsRelink",
  "userPaused",
  "platformPaused",
  "hasActiveErrors",
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** A relink link's state, derived from its timestamps (server/relink/link-state.ts). */
export const LINK_STATES = ["open", "used", "expired", "revoked"] as const;
export type LinkState = (typeof LINK_STATES)[number];
