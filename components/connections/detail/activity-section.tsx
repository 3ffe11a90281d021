"use client";
// The audit timeline: who changed what on this connection, newest first.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import * as React from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { actionLabel } from "@/components/audit/audit-labels";
import { ChangeList } from "@/components/audit/change-list";
import { JsonViewer } from "@/components/ui/json-viewer";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActivityPage } from "@/server/connections/detail/detail.types";
import { Section } from "./field-list";
import { Pager } from "./pager";
import { DETAIL_PAGE_SIZE } from "./tabs";

export function ActivitySection({ connectionId, first }: { connectionId: string; first: ActivityPage }) {
  const trpc = useTRPC();
  const [offset, setOffset] = React.useState(0);
  const query = useQuery({
    ...trpc.detail.activity.queryOptions({ connectionId, limit: DETAIL_PAGE_SIZE, offset }),
    enabled: offset > 0,
    placeholderData: keepPreviousData,
  });
  const page = offset === 0 ? first : (query.data ?? first);
  return (
    <Section
      title={`Activity (${page.total})`}
      description="Every change made to this connection through the console, newest first."
    >
      {page.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No activity yet: nobody has changed this connection through the console.
        </p>
      ) : null}
      <ol className="relative space-y-4 border-l pl-5">
        {page.rows.map((e) => (
          <li key={e.id} className="relative">
            <span
              aria-hidden="true"
              className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full border-2 border-background bg-primary"
            />
            <p className="text-sm">
              <span className="font-medium">{actionLabel(e.action)}</span>{" "}
              <span className="text-muted-foreground">by {e.actor_label}</span> · <RelativeTime value={e.at} />
            </p>
            {e.note ? <p className="text-sm">“{e.note}”</p> : null}
            <ChangeList before={e.before} after={e.after} />
            {e.before !== null || e.after !== null ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-muted-foreground">Before and after (JSON)</summary>
                <div className="mt-1 grid gap-2 lg:grid-cols-2">
                  <JsonViewer value={e.before} />
                  <JsonViewer value={e.after} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <Pager
        label="activity"
        offset={offset}
        limit={DETAIL_PAGE_SIZE}
        total={page.total}
        shown={page.rows.length}
        onOffset={setOffset}
        busy={query.isFetching}
      />
    </Section>
  );
}
