"use client";
// Active errors first (with resolve actions for writers), resolved ones below; both newest
// first and paged.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import * as React from "react";
import { ResolveErrorsButton } from "@/components/actions/resolve-errors-button";
import { useTRPC } from "@/components/providers/trpc-client";
import { Checkbox } from "@/components/ui/checkbox";
import type { ErrorsPage } from "@/server/connections/detail/detail.types";
import { ErrorItem } from "./error-item";
import { Section } from "./field-list";
import { Pager } from "./pager";
import { DETAIL_PAGE_SIZE } from "./tabs";

const LIMIT = DETAIL_PAGE_SIZE;

function usePagedErrors(connectionId: string, status: "active" | "resolved", first: ErrorsPage) {
  const trpc = useTRPC();
  const [offset, setOffset] = React.useState(0);
  const query = useQuery({
    ...trpc.detail.errors.queryOptions({ connectionId, status, limit: LIMIT, offset }),
    enabled: offset > 0,
    placeholderData: keepPreviousData,
  });
  const page = offset === 0 ? first : (query.data ?? first);
  return { page, offset: offset === 0 || query.data ? offset : 0, setOffset, busy: query.isFetching };
}

export function ErrorsSection({
  connectionId,
  active,
  resolved,
  canWrite,
}: {
  connectionId: string;
  active: ErrorsPage;
  resolved: ErrorsPage;
  canWrite: boolean;
}) {
  const a = usePagedErrors(connectionId, "active", active);
  const r = usePagedErrors(connectionId, "resolved", resolved);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const ids = a.page.rows.map((e) => e.id);
  const chosen = ids.filter((id) => selected.has(id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  // Bulk selection only helps with more than one error on the page.
  const selectable = canWrite && ids.length > 1;
  const all = chosen.length === 0 ? false : chosen.length === ids.length ? true : "indeterminate";
  return (
    <div className="space-y-4">
      <Section
        title={`Active errors (${a.page.activeCount})`}
        description="Newest first. These are why the connection is failing now."
      >
        {selectable ? (
          <div className="mb-3 flex items-center gap-3 text-sm">
            <Checkbox
              aria-label="Select all active errors on this page"
              checked={all}
              onCheckedChange={(v) => setSelected(v === true ? new Set(ids) : new Set())}
            />
            <span className="text-muted-foreground">
              {chosen.length ? `${chosen.length} selected` : "Select errors to resolve together"}
            </span>
            {chosen.length ? <ResolveErrorsButton connectionId={connectionId} errorIds={chosen} /> : null}
          </div>
        ) : null}
        {a.page.rows.length === 0 ? <p className="text-sm text-muted-foreground">No active errors.</p> : null}
        <div className="space-y-2">
          {a.page.rows.map((e) => (
            <ErrorItem
              key={e.id}
              error={e}
              leading={
                selectable ? (
                  <Checkbox
                    aria-label={`Select error ${e.id}`}
                    checked={selected.has(e.id)}
                    onCheckedChange={(v) => toggle(e.id, v === true)}
                  />
                ) : undefined
              }
              trailing={canWrite ? <ResolveErrorsButton connectionId={connectionId} errorIds={[e.id]} /> : undefined}
            />
          ))}
        </div>
        <Pager
          label="active errors"
          offset={a.offset}
          limit={LIMIT}
          total={a.page.total}
          shown={a.page.rows.length}
          onOffset={a.setOffset}
          busy={a.busy}
        />
      </Section>
      <Section
        title={`Resolved errors (${r.page.resolvedCount})`}
        description="Newest first, with when and how each was resolved."
      >
        {r.page.rows.length === 0 ? <p className="text-sm text-muted-foreground">No resolved errors.</p> : null}
        <div className="space-y-2">
          {r.page.rows.map((e) => (
            <ErrorItem key={e.id} error={e} />
          ))}
        </div>
        <Pager
          label="resolved errors"
          offset={r.offset}
          limit={LIMIT}
          total={r.page.total}
          shown={r.page.rows.length}
          onOffset={r.setOffset}
          busy={r.busy}
        />
      </Section>
    </div>
  );
}
