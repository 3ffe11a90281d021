// How the connection authenticates. The credentials themselves never reach this page: only
// whether they exist and a short fingerprint to tell two credential sets apart.
import { Badge } from "@/components/ui/badge";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import { ExpiryCountdown } from "./expiry-countdown";
import { Field, IdValue, Section } from "./field-list";
import { PermissionsList } from "./permissions-list";

export function AuthSection({ connection: c, now }: { connection: ConnectionDetail; now: number }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Authentication">
        <dl>
          <Field label="Type">{c.auth_type}</Field>
          <Field label="Expiry">
            <ExpiryCountdown value={c.auth_expires_at} serverNow={now} />
          </Field>
          <Field label="AWS ARN">
            <IdValue value={c.auth_aws_arn} name="AWS ARN" />
          </Field>
          <Field label="Credentials">
            {c.has_credentials ? (
              <span>
                Stored, encrypted · fingerprint{" "}
                <code className="font-mono text-xs" data-testid="credentials-fingerprint">
                  …{c.credentials_fingerprint?.slice(-8) ?? "unknown"}
                </code>
              </span>
            ) : (
              <span className="text-muted-foreground">None stored</span>
            )}
          </Field>
        </dl>
      </Section>
      <Section title="Scopes" description="What the customer granted when they authorised.">
        {c.auth_scopes.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {c.auth_scopes.map((s) => (
              <li key={s}>
                <Badge variant="secondary" className="font-mono font-normal">
                  {s}
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No scopes recorded.</p>
        )}
      </Section>
      <Section title="Permissions" description="Grouped by category: object (access)." className="lg:col-span-2">
        <PermissionsList permissions={c.permissions} />
      </Section>
    </div>
  );
}
