import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ConnectionDetail } from "@/server/connections/detail.types";
import { NeedsRelinkBadge, PausedBadges, StatusBadge } from "./status-badge";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? "—"}</dd>
    </div>
  );
}

function Id({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <span className="inline-flex items-center gap-1">
      <code className="font-mono text-xs">{value}</code>
      <CopyButton value={value} label="Copy" iconOnly size="sm" variant="ghost" />
    </span>
  );
}

export function ConnectionOverview({ connection: c }: { connection: ConnectionDetail }) {
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{c.name}</h1>
          <StatusBadge status={c.status} />
          {c.needs_relink ? <NeedsRelinkBadge /> : null}
          <PausedBadges userPaused={c.user_paused} platformPaused={c.platform_paused} />
        </div>
        <p className="text-sm text-muted-foreground">
          {c.provider_display_name ?? c.integration_name ?? c.provider} · {c.tenant_name} · {c.platform}
          {c.environment ? ` · ${c.environment}` : ""}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Identity</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Field label="Console id"><Id value={c.id} /></Field>
              <Field label="Platform id"><Id value={c.platform_id} /></Field>
              <Field label="External xref"><Id value={c.external_xref} /></Field>
              <Field label="Workspace"><Id value={c.workspace_id} /></Field>
              <Field label="Created"><RelativeTime value={c.created_at} />{c.created_by ? ` by ${c.created_by}` : ""}</Field>
              <Field label="Updated"><RelativeTime value={c.updated_at} />{c.updated_by ? ` by ${c.updated_by}` : ""}</Field>
              <Field label="Last sync"><RelativeTime value={c.last_sync_at} /></Field>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Auth</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Field label="Type">{c.auth_type}</Field>
              <Field label="Expires"><RelativeTime value={c.auth_expires_at} /></Field>
              <Field label="Scopes">{c.auth_scopes.join(", ") || "—"}</Field>
              <Field label="Credentials">{c.has_credentials ? `stored, encrypted (${c.credentials_fingerprint})` : "none"}</Field>
            </dl>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
