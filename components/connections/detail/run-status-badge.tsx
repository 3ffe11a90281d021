import { Badge, type BadgeVariant } from "@/components/ui/badge";

// Run statuses are the platform's words (complete, error, running, ...): colour the known ones.
function variantOf(status: string): BadgeVariant {
  const s = status.toLowerCase();
  if (/^(complete|completed|success|succeeded)$/.test(s)) return "success";
  if (/error|fail/.test(s)) return "destructive";
  if (/cancel/.test(s)) return "warning";
  return "muted";
}

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge variant={variantOf(status)}>{status}</Badge>;
}
