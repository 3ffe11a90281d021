// A connection as the list's table draws it and its row menu acts on it: the tRPC list row
// without the fields nothing on the page reads. The server's first page is handed to the client
// in this shape (it travels twice in the HTML: as table markup and as the props to hydrate it);
// every later page is the tRPC response itself, whose rows fit this type as they are.
import type { Health } from "@/server/connections/health-score";
import type { ListConnectionsResponse, TriagedConnectionRow } from "@/server/connections/list/list.types";

type Drawn =
  | "id"
  | "name"
  | "tenant_name"
  | "status"
  | "needs_relink"
  | "user_paused"
  | "platform_paused"
  | "open_error_count"
  | "relink"
  | "provider"
  | "integration_name"
  | "platform"
  | "environment"
  | "external_xref"
  | "auth_expires_at"
  | "last_sync_at"
  | "updated_at"
  | "created_at"
  | "link_url"
  | "tags"
  /** the row menu's writes name the version the row was listed with */
  | "version";

/** Left out of the server's first page when null (most rows have several): absent reads as null. */
const OMITTED_WHEN_NULL = [
  "integration_name",
  "environment",
  "external_xref",
  "auth_expires_at",
  "last_sync_at",
  "link_url",
  "relink",
] as const;
type OmittedWhenNull = (typeof OMITTED_WHEN_NULL)[number];

export type ConnectionTableRow = Omit<Pick<TriagedConnectionRow, Drawn>, OmittedWhenNull> & {
  [K in OmittedWhenNull]?: TriagedConnectionRow[K];
} & {
  /**
   * The score and grade the cell shows. `factors` (what lowered the score) are shown only in the
   * cell's tooltip: the server's first page leaves them out and the tooltip loads them when it is
   * about to open (HealthBadge).
   */
  health: Pick<Health, "score" | "grade"> & { factors?: Health["factors"] };
};

export type ConnectionTablePage = Omit<ListConnectionsResponse, "rows"> & { rows: ConnectionTableRow[] };

/** The first page as the server hands it to the client table. */
export function tablePage(page: ListConnectionsResponse): ConnectionTablePage {
  return { ...page, rows: page.rows.map(tableRow) };
}

export function tableRow(r: TriagedConnectionRow): ConnectionTableRow {
  const row: ConnectionTableRow = {
    id: r.id,
    name: r.name,
    tenant_name: r.tenant_name,
    status: r.status,
    needs_relink: r.needs_relink,
    user_paused: r.user_paused,
    platform_paused: r.platform_paused,
    open_error_count: r.open_error_count,
    relink: r.relink,
    provider: r.provider,
    integration_name: r.integration_name,
    platform: r.platform,
    environment: r.environment,
    external_xref: r.external_xref,
    auth_expires_at: r.auth_expires_at,
    last_sync_at: r.last_sync_at,
    updated_at: r.updated_at,
    created_at: r.created_at,
    link_url: r.link_url,
    tags: r.tags,
    version: r.version,
    health: { score: r.health.score, grade: r.health.grade },
  };
  for (const key of OMITTED_WHEN_NULL) if (row[key] === null) delete row[key];
  return row;
}
