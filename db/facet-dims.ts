// The facet summary's columns, without imports: the seeding workers load it too.
/** Dimensions of the facet summary: every cheap, low-cardinality filter. */
export const FACET_DIMS = [
  "tenant_id",
  "status",
  "provider",
  "platform",
  "environment",
  "categories",
  "needs_relink",
  "user_paused",
  "platform_paused",
  "has_errors",
] as const;
