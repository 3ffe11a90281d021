// Display names for the platforms an API key can be scoped to (the `format` each one takes).
export const PLATFORM_LABELS = {
  codat: "Codat (format=codat)",
  unified: "Unified.to (format=unified)",
  workiva: "Workiva Wdata (format=dto)",
  generic: "JSON-Schema connection (format=schema)",
} as const;

export interface TenantOption {
  id: string;
  slug: string;
  name: string;
}
