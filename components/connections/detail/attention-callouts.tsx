// The "what is wrong, why, what to do" block under the header. Empty for a healthy connection;
// one callout shows whole; several fold into one summary line that opens (AttentionSummary).
import Link from "next/link";
import { AlertTriangle, CircleAlert, PauseCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { AttentionItem } from "./attention";
import { AttentionSummary } from "./attention-summary";

const TONE: Record<AttentionItem["tone"], string> = {
  destructive: "border-destructive/50 bg-destructive/5",
  warning: "border-warning/60 bg-warning/10",
  muted: "border-border bg-muted/50",
};
const TAB_LABEL = { errors: "Open errors", runs: "Open runs", auth: "Open auth", relink: "Open relink" } as const;

function Callout({
  item,
  relinkAction,
  canWrite,
}: {
  item: AttentionItem;
  relinkAction: ReactNode;
  canWrite: boolean;
}) {
  const Icon = item.kind.endsWith("paused") ? PauseCircle : item.tone === "destructive" ? CircleAlert : AlertTriangle;
  return (
    <div
      role={item.tone === "destructive" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border p-3", TONE[item.tone])}
    >
      <Icon
        aria-hidden="true"
        className={cn(
          "mt-0.5 size-5 shrink-0",
          item.tone === "destructive"
            ? "text-destructive-text"
            : item.tone === "warning"
              ? "text-warning-text"
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
        {item.kind === "relink" && relinkAction ? <div className="pt-1">{relinkAction}</div> : null}
      </div>
      {item.tab ? (
        <Link
          href={`?tab=${item.tab}`}
          scroll={false}
          className="shrink-0 self-start text-sm font-medium text-primary underline underline-offset-4"
        >
          {TAB_LABEL[item.tab]}
        </Link>
      ) : null}
    </div>
  );
}

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
  if (items.length === 1) {
    return (
      <section aria-label="Needs attention">
        {items.map((item) => (
          <Callout key={item.kind} item={item} relinkAction={relinkAction} canWrite={canWrite} />
        ))}
      </section>
    );
  }
  const needsRelink = items.some((i) => i.kind === "relink");
  const tone = items.some((i) => i.tone === "destructive")
    ? "destructive"
    : items.some((i) => i.tone === "warning")
      ? "warning"
      : "muted";
  return (
    <AttentionSummary titles={items.map((i) => i.title)} tone={tone} action={needsRelink ? relinkAction : null}>
      {items.map((item) => (
        // The relink button sits on the summary line; a second one here would be a duplicate.
        <Callout key={item.kind} item={item} relinkAction={null} canWrite={canWrite} />
      ))}
    </AttentionSummary>
  );
}
