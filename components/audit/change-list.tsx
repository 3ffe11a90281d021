"use client";
// An audit event's changes as "Label: old → new" lines; a value set from nothing reads
// "Label: new", a value cleared reads "Label: old (cleared)". Times show in the reader's zone.
import { RelativeTime } from "@/components/ui/relative-time";
import { describeChange, type ChangeValue } from "./describe-change";

function Value({ v, struck = false }: { v: ChangeValue; struck?: boolean }) {
  const body = v.time ? <RelativeTime value={v.time} mode="local" /> : v.text;
  return struck ? <del className="decoration-muted-foreground/70">{body}</del> : <span>{body}</span>;
}

export function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const lines = describeChange(before, after);
  if (lines.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs">
      {lines.map((c) => (
        <li key={c.field} className="break-words">
          <span className="text-muted-foreground">{c.label}: </span>
          {c.kind === "set" ? <Value v={c.after} /> : null}
          {c.kind === "cleared" ? (
            <>
              <Value v={c.before} struck /> <span className="text-muted-foreground">(cleared)</span>
            </>
          ) : null}
          {c.kind === "changed" ? (
            <>
              <Value v={c.before} struck />
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> changed to </span>
              <Value v={c.after} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
