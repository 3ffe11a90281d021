// One home card: a number that is also the link to its rows.
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type StatTone = "default" | "good" | "warn" | "bad";

const toneClass: Record<StatTone, string> = {
  default: "",
  good: "border-l-4 border-l-success",
  warn: "border-l-4 border-l-warning",
  bad: "border-l-4 border-l-destructive",
};

export function StatCard({
  label,
  value,
  href,
  hint,
  tone = "default",
  icon,
}: {
  label: string;
  value: number;
  href: string;
  hint?: string;
  tone?: StatTone;
  icon?: ReactNode;
}) {
  const n = value.toLocaleString("en");
  return (
    <Link
      href={href}
      aria-label={`${label}: ${n}${hint ? ` (${hint})` : ""}. Show these connections`}
      data-card={label}
      className={cn(
        "group flex flex-col gap-1 rounded-lg border bg-card p-4 text-card-foreground shadow-xs transition-colors hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        toneClass[tone],
        value === 0 && tone !== "default" && "border-l-border",
      )}
    >
      <span className="flex items-center gap-1.5 text-sm text-muted-foreground">
        {icon}
        {label}
      </span>
      <span className="text-2xl font-semibold tabular-nums" data-value={value}>
        {n}
      </span>
      {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
    </Link>
  );
}
