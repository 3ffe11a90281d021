// Every field the four seed models give a connection, grouped the way support asks about them.
import { Badge } from "@/components/ui/badge";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import { Field, IdValue, Section, WhenBy } from "./field-list";
import { RunStatusBadge } from "./run-status-badge";

export function OverviewSection({ connection: c }: { connection: ConnectionDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Identity">
        <dl>
          <Field label="Console id">
            <IdValue value={c.id} name="console id" />
          </Field>
          <Field label="Platform id">
            <IdValue value={c.platform_id} name="platform id" />
          </Field>
          <Field label="External xref">
            <IdValue value={c.external_xref} name="external xref" />
          </Field>
          <Field label="Tenant">
            {c.tenant_name} <span className="text-muted-foreground">({c.tenant_slug})</span>
          </Field>
          <Field label="Workspace">
            <IdValue value={c.workspace_id} name="workspace id" />
          </Field>
          <Field label="Environment">{c.environment}</Field>
          <Field label="Description">{c.description}</Field>
        </dl>
      </Section>
      <Section title="Integration">
        <dl>
          <Field label="Provider">
            {c.provider_display_name ?? c.provider} <span className="text-muted-foreground">({c.provider})</span>
          </Field>
          <Field label="Integration name">{c.integration_name}</Field>
          <Field label="Integration id">
            <IdValue value={c.integration_id} name="integration id" />
          </Field>
          <Field label="Integration key">
            <IdValue value={c.integration_key} name="integration key" />
          </Field>
          <Field label="Categories">
            {c.categories.length ? (
              <span className="flex flex-wrap gap-1">
                {c.categories.map((cat) => (
                  <Badge key={cat} variant="secondary">
                    {cat}
                  </Badge>
                ))}
              </span>
            ) : null}
          </Field>
          <Field label="Status">
            {c.status}
            {c.upstream_status ? <span className="text-muted-foreground"> (upstream: {c.upstream_status})</span> : null}
          </Field>
        </dl>
      </Section>
      <Section title="Source and destination">
        <dl>
          <Field label="Source id">
            <IdValue value={c.source_id} name="source id" />
          </Field>
          <Field label="Source type">{c.source_type}</Field>
          <Field label="Source workspace">
            <IdValue value={c.source_workspace_id} name="source workspace id" />
          </Field>
          <Field label="Destination id">
            <IdValue value={c.destination_id} name="destination id" />
          </Field>
          <Field label="Destination type">{c.destination_type}</Field>
          <Field label="Destination workspace">
            <IdValue value={c.destination_workspace_id} name="destination workspace id" />
          </Field>
        </dl>
      </Section>
      <Section title="History">
        <dl>
          <Field label="Created">
            <WhenBy at={c.created_at} by={c.created_by} />
          </Field>
          <Field label="Updated">
            <WhenBy at={c.updated_at} by={c.updated_by} />
          </Field>
          <Field label="Last sync">
            <WhenBy at={c.last_sync_at} />
          </Field>
          <Field label="Paused">
            {c.user_paused ? (
              <span>
                In the console, <WhenBy at={c.paused_at} by={c.paused_by} />
                {c.pause_reason ? ` — “${c.pause_reason}”` : ""}
              </span>
            ) : (
              "No"
            )}
          </Field>
          <Field label="Platform pause">
            {c.platform_paused ? (c.platform_paused_reason ?? "Yes (no reason sent)") : "No"}
          </Field>
          <Field label="Version">{c.version}</Field>
        </dl>
      </Section>
      <Section
        title="Last run"
        description="As the platform last reported it; the Runs tab has the history."
        className="lg:col-span-2"
      >
        {c.last_run_job_id || c.last_run_status ? (
          <dl className="grid lg:grid-cols-2 lg:gap-x-8">
            <Field label="Job id">
              <IdValue value={c.last_run_job_id} name="last job id" />
            </Field>
            <Field label="Status">{c.last_run_status ? <RunStatusBadge status={c.last_run_status} /> : null}</Field>
            <Field label="Started">
              <WhenBy at={c.last_run_at} by={c.last_run_by} />
            </Field>
            <Field label="Error">
              {c.last_run_error ? <span className="text-destructive-text">{c.last_run_error}</span> : null}
            </Field>
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground">No run reported yet.</p>
        )}
      </Section>
    </div>
  );
}
