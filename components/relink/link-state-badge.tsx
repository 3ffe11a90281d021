import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { LinkState } from "@/server/relink/link-state";

const VARIANT: Record<LinkState, BadgeVariant> = {
  open: "outline",
  used: "success",
  expired: "muted",
  revoked: "destructive",
};

/** open (+ "opened" when the customer has looked at it), used, expired, revoked. */
export function LinkStateBadge({ state, opened }: { state: LinkState; opened: boolean }) {
  const label = state === "open" ? (opened ? "opened" : "open") : state;
  return <Badge variant={VARIANT[state]}>{label}</Badge>;
}
