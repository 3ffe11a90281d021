// The kinds of entry in a connection's timeline (server/timeline), shared with the browser's filter.
export const TIMELINE_KINDS = ["run", "error", "link", "pause", "status", "change"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
