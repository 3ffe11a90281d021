// The detail page's tabs, in order; the URL's `?tab=` picks one (unknown values fall back).
export const DETAIL_TABS = [
  "overview",
  "auth",
  "errors",
  "runs",
  "link",
  "metadata",
  "activity",
  "timeline",
  "relink",
] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export function parseDetailTab(value: string | string[] | null | undefined): DetailTab {
  const v = Array.isArray(value) ? value[0] : value;
  return DETAIL_TABS.find((t) => t === v) ?? "overview";
}

/** Rows per page for runs, errors and activity (server render and client paging alike). */
export const DETAIL_PAGE_SIZE = 20;
