// Chart colours: the theme's own variables where one fits, so both themes stay readable; the
// rest are mid-lightness hues that hold up on light and dark cards alike.
import type { ConnectionStatus } from "@/lib/constants";

export const STATUS_COLOR: Record<ConnectionStatus, string> = {
  active: "var(--success)",
  pending: "oklch(0.65 0.02 260)",
  error: "var(--destructive)",
  expired: "var(--warning)",
  disconnected: "oklch(0.66 0.15 50)",
  deauthorized: "oklch(0.5 0.17 330)",
};

export const STATUS_LABEL: Record<ConnectionStatus, string> = {
  active: "Active",
  pending: "Pending",
  error: "Error",
  expired: "Expired",
  disconnected: "Disconnected",
  deauthorized: "Deauthorized",
};

export const CREATED_COLOR = "var(--destructive)";
export const RESOLVED_COLOR = "var(--success)";
export const AXIS_COLOR = "var(--muted-foreground)";
export const GRID_COLOR = "var(--border)";
