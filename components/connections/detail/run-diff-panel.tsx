// What changed in the parameters between two runs: path, before, after.
import { ArrowRight } from "lucide-react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ParamChange, RunDiff } from "@/server/connections/detail/detail.types";
import { RunStatusBadge } from "./run-status-badge";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function RunRef({ label, run }: { label: string; run: RunDiff["base"] }) {
  if (!run) return <span className="text-muted-foreground">{label}: none</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="text-muted-foreground">{label}:</span>
      <code className="font-mono text-xs">{run.job_id}</code>
      <RunStatusBadge status={run.status} />
      <RelativeTime value={run.started_at} className="text-muted-foreground" />
    </span>
  );
}

function Changes({ title, changes }: { title: string; changes: ParamChange[] }) {
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-medium">
        {title}{" "}
        <span className="font-normal text-muted-foreground">
          — {changes.length === 0 ? "no changes" : `${changes.length} change${changes.length === 1 ? "" : "s"}`}
        </span>
      </h3>
      {changes.length ? (
        <table className="text-xs">
          <thead className="sr-only">
            <tr>
              <th>Parameter</th>
              <th>Change</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path} className="border-b last:border-0">
                <td className="py-1 pr-6 font-mono">{c.path || "(whole document)"}</td>
                <td className="py-1 pr-3 text-muted-foreground">{c.kind}</td>
                <td className="py-1 pr-6 font-mono text-destructive-text line-through decoration-destructive/50">
                  {c.kind === "added" ? "" : show(c.before)}
                </td>
                <td className="py-1 font-mono text-success-text">{c.kind === "removed" ? "" : show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function RunDiffPanel({ diff, busy }: { diff: RunDiff; busy?: boolean }) {
  return (
    <section aria-label="Parameter diff" aria-busy={busy} className="space-y-3 rounded-lg border bg-muted/20 p-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RunRef label="Base" run={diff.base} />
        <ArrowRight aria-hidden="true" className="size-4 text-muted-foreground" />
        <RunRef label="Target" run={diff.target} />
      </div>
      {diff.base && diff.target ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Changes title="Source parameters" changes={diff.source} />
          <Changes title="Destination parameters" changes={diff.destination} />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Two runs are needed for a comparison.</p>
      )}
    </section>
  );
}
