"use client";
// Run history with a parameter diff between any two runs (radio per side, like a wiki history);
// by default the last run against the last successful one, as the server chose.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import * as React from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunDiff, RunsPage } from "@/server/connections/detail/detail.types";
import { Section } from "./field-list";
import { Pager } from "./pager";
import { PendingRunRequests } from "./pending-run-requests";
import { RunDiffPanel } from "./run-diff-panel";
import { RunRow } from "./run-row";
import { DETAIL_PAGE_SIZE } from "./tabs";

export function RunsSection({
  connectionId,
  first,
  initialDiff,
}: {
  connectionId: string;
  first: RunsPage;
  initialDiff: RunDiff;
}) {
  const trpc = useTRPC();
  const [offset, setOffset] = React.useState(0);
  const runs = useQuery({
    ...trpc.detail.runs.queryOptions({ connectionId, limit: DETAIL_PAGE_SIZE, offset }),
    enabled: offset > 0,
    placeholderData: keepPreviousData,
  });
  const page = offset === 0 ? first : (runs.data ?? first);

  const [base, setBase] = React.useState(initialDiff.base?.id ?? null);
  const [target, setTarget] = React.useState(initialDiff.target?.id ?? null);
  const isDefault = base === (initialDiff.base?.id ?? null) && target === (initialDiff.target?.id ?? null);
  const diff = useQuery({
    ...trpc.detail.runDiff.queryOptions({ connectionId, baseRunId: base, targetRunId: target }),
    enabled: !isDefault && base !== null && target !== null,
    placeholderData: keepPreviousData,
  });
  const shownDiff = isDefault ? initialDiff : (diff.data ?? initialDiff);

  return (
    <div className="space-y-4">
      <PendingRunRequests connectionId={connectionId} />
      <Section
        title="Compare parameters"
        description={
          isDefault
            ? "The last run against the last successful one. Pick any two runs below (Base, Target) to compare them."
            : "Your choice of runs. Pick others below."
        }
      >
        <RunDiffPanel diff={shownDiff} busy={diff.isFetching} />
      </Section>
      <Section title={`Run history (${page.total})`} description="Newest first. Open a job id to see its parameters.">
        {page.rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No runs reported for this connection.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead title="Left radio: base run; right radio: target run">Base · Target</TableHead>
                <TableHead>Job id</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>Duration</TableHead>
                <TableHead>Run by</TableHead>
                <TableHead>Records read → written</TableHead>
                <TableHead>Error</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((run) => (
                <RunRow
                  key={run.id}
                  run={run}
                  base={run.id === base}
                  target={run.id === target}
                  onBase={() => setBase(run.id)}
                  onTarget={() => setTarget(run.id)}
                />
              ))}
            </TableBody>
          </Table>
        )}
        <Pager
          label="runs"
          offset={offset}
          limit={DETAIL_PAGE_SIZE}
          total={page.total}
          shown={page.rows.length}
          onOffset={setOffset}
          busy={runs.isFetching}
        />
      </Section>
    </div>
  );
}
