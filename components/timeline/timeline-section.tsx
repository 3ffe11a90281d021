"use client";
// The detail page's Timeline tab: everything that happened to the connection, newest first,
// with a filter by kind and "Show older" paging (each page fetched when asked for).
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { TIMELINE_KINDS, type TimelineKind } from "@/lib/timeline-kinds";

const KIND: Record<TimelineKind, { label: string; variant: BadgeVariant }> = {
  run: { label: "Run", variant: "muted" },
  error: { label: "Error", variant: "destructive" },
  link: { label: "Relink", variant: "outline" },
  pause: { label: "Pause", variant: "warning" },
  status: { label: "Status", variant: "outline" },
  change: { label: "Change", variant: "muted" },
};

export function TimelineSection({ connectionId }: { connectionId: string }) {
  const trpc = useTRPC();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const query = useInfiniteQuery(
    trpc.timeline.list.infiniteQueryOptions(
      { connectionId, kinds: kinds.length ? kinds : undefined, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const toggle = (k: TimelineKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Show kinds" className="flex flex-wrap gap-2">
        {TIMELINE_KINDS.map((k) => (
          <Button
            key={k}
            size="sm"
            variant={kinds.includes(k) ? "default" : "outline"}
            aria-pressed={kinds.includes(k)}
            onClick={() => toggle(k)}
          >
            {KIND[k].label}
          </Button>
        ))}
        {kinds.length ? (
          <Button size="sm" variant="ghost" onClick={() => setKinds([])}>
            All kinds
          </Button>
        ) : null}
      </div>
      {query.isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      {query.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {query.error.message}
        </p>
      ) : null}
      {query.isSuccess && entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing recorded{kinds.length ? " of these kinds" : ""}.</p>
      ) : null}
      <ol className="relative space-y-0 border-l pl-4">
        {entries.map((e) => (
          <li key={e.id} className="relative py-2">
            <span aria-hidden className="absolute -left-[21px] top-3.5 size-2.5 rounded-full border bg-background" />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge variant={KIND[e.kind].variant}>{KIND[e.kind].label}</Badge>
              {e.href ? (
                <Link href={e.href} className="font-medium hover:underline">
                  {e.title}
                </Link>
              ) : (
                <span className="font-medium">{e.title}</span>
              )}
              {e.actor ? <span className="text-muted-foreground">by {e.actor}</span> : null}
              <RelativeTime value={e.at} className="ml-auto text-xs text-muted-foreground" />
            </div>
            {e.detail ? <p className="mt-0.5 break-words text-xs text-muted-foreground">{e.detail}</p> : null}
          </li>
        ))}
      </ol>
      {query.hasNextPage ? (
        <Button
          variant="outline"
          size="sm"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      ) : null}
    </div>
  );
}
