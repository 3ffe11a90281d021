"use client";
// Several callouts fold into one line (their titles, worst first) that opens to the full
// "why / what to do" of each, so the tabs stay above the fold at 900 px. The one-click fix
// (a relink URL) stays on the line itself.
import { ChevronDown, CircleAlert } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function AttentionSummary({
  titles,
  tone,
  action,
  children,
}: {
  titles: string[];
  tone: "destructive" | "warning" | "muted";
  /** shown on the line, closed or open */
  action: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section
      aria-label="Needs attention"
      className={cn(
        "rounded-lg border",
        tone === "destructive"
          ? "border-destructive/50 bg-destructive/5"
          : tone === "warning"
            ? "border-warning/60 bg-warning/10"
            : "bg-muted/50",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          className="flex min-w-0 flex-[1_1_16rem] items-center gap-2 rounded-sm text-left text-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
        >
          <CircleAlert
            aria-hidden="true"
            className={cn("size-5 shrink-0", tone === "destructive" ? "text-destructive-text" : "text-warning-text")}
          />
          <span className="min-w-0">
            <span className="font-semibold">{titles.length} things need attention: </span>
            {titles.join(" · ")}
          </span>
          <span className="ml-auto inline-flex shrink-0 items-center gap-1 text-primary">
            {open ? "Hide details" : "Show details"}
            <ChevronDown aria-hidden="true" className={cn("size-4 transition-transform", open && "rotate-180")} />
          </span>
        </button>
        {action}
      </div>
      <div id={id} hidden={!open} className="space-y-2 border-t p-2">
        {children}
      </div>
    </section>
  );
}
