// The "what is wrong, why, what to do" block under the header. Empty for a healthy connection.
import Link from "next/link";
import { AlertTriangle, CircleAlert, PauseCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { AttentionItem } from "./attention";

const TONE: Record<AttentionItem["tone"], string> = {
  destructive: "border-destructive/50 bg-destructive/5",
  warning: "border-warning/60 bg-warning/10",
  muted: "border-border bg-muted/50",
};
const TAB_LABEL = { errors: "Open errors", runs: "Open runs", auth: "Open auth", relink: "Open relink" } as const;

export function AttentionCallouts({
  items,
  relinkAction,
  canWrite,
}: {
  items: AttentionItem[];
  relinkAction: ReactNode;
  canWrite: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label="Needs attention" className="space-y-2">
      {items.map((item) => {
        const Icon = item.kind.endsWith("paused")
          ? PauseCircle
          : item.tone === "destructive"
            ? CircleAlert
            : AlertTriangle;
        return (
          <div
            key={item.kind}
            role={item.tone === "destructive" ? "alert" : "status"}
            className={cn("flex gap-3 rounded-lg border p-3", TONE[item.tone])}
          >
            <Icon
              aria-hidden="true"
              className={cn(
                "mt-0.5 size-5 shrink-0",
                item.tone === "destructive"
                  ? "text-destructive"
                  : item.tone === "warning"
                    ? "text-warning"
                    : "text-muted-foreground",
              )}
            />
            <div className="min-w-0 flex-1 space-y-1 text-sm">
              <p className="font-semibold">{item.title}</p>
              {item.why ? (
                <p className="break-words">
                  <span className="text-muted-foreground">Why: </span>
                  {item.why}
                </p>
              ) : null}
              <p>
                <span className="text-muted-foreground">What to do: </span>
                {item.todo}
                {!canWrite && (item.kind === "relink" || item.kind === "errors") ? (
                  <span className="text-muted-foreground"> (Read-only: ask support or your tenant admin.)</span>
                ) : null}
              </p>
              {item.kind === "relink" ? <div className="pt-1">{relinkAction}</div> : null}
            </div>
            {item.tab ? (
              <Link
                href={`?tab=${item.tab}`}
                scroll={false}
                className="shrink-0 self-start text-sm font-medium text-primary hover:underline"
              >
                {TAB_LABEL[item.tab]}
              </Link>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
