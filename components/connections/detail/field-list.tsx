// Label/value rows for the detail sections: one look, one way to show a missing value.
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";

export function Missing() {
  return <span className="text-muted-foreground">—</span>;
}

export function Field({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <div className="grid min-h-9 grid-cols-1 items-center gap-x-3 py-1 text-sm sm:grid-cols-[11rem_1fr]">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">
        {children === null || children === undefined || children === "" ? <Missing /> : children}
      </dd>
    </div>
  );
}

/** An id in monospace with a copy button named after what it copies. */
export function IdValue({ value, name }: { value: string | null; name: string }) {
  if (!value) return <Missing />;
  return (
    <span className="inline-flex max-w-full items-center gap-1">
      <code className="truncate font-mono text-xs" title={value}>
        {value}
      </code>
      <CopyButton value={value} label={`Copy ${name}`} iconOnly size="sm" variant="ghost" className="size-7" />
    </span>
  );
}

/** Relative time with the exact time on hover, and who did it when known. */
export function WhenBy({ at, by }: { at: string | null; by?: string | null }) {
  if (!at) return <Missing />;
  return (
    <span>
      <RelativeTime value={at} />
      {by ? <span className="text-muted-foreground"> by {by}</span> : null}
    </span>
  );
}

export function Section({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader className="pb-3">
        {/* h2 under the page's h1: each tab's sections are its top-level headings */}
        <h2 className="text-base font-semibold leading-none">{title}</h2>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
