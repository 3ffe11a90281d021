import { AlertTriangle, Check } from "lucide-react";
import { Button } from "@/components/ui/button";
import { describeScope } from "./describe-scope";
import { PublicLinkFrame } from "./public-link-frame";

export interface PublicLinkConsentProps {
  token: string;
  integrationName: string;
  tenantName: string;
  scopes: string[];
  expiresAt: string;
  /** Set when the customer comes back from the provider without success. */
  problem: "denied" | "failed" | null;
}

const PROBLEMS = {
  denied: "You chose not to allow access, so nothing was changed. You can try again whenever you're ready.",
  failed: "We couldn't finish reconnecting, and nothing was changed. Please try again in a few minutes.",
} as const;

/** The one screen the customer needs: who asks, for what, and one button. */
export function PublicLinkConsent({
  token,
  integrationName,
  tenantName,
  scopes,
  expiresAt,
  problem,
}: PublicLinkConsentProps) {
  const expires = new Date(expiresAt).toLocaleString("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (
    <PublicLinkFrame>
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-muted-foreground">{tenantName}</p>
          <h1 className="text-2xl font-semibold leading-tight">Reconnect {integrationName}</h1>
          <p className="text-sm text-muted-foreground">
            {tenantName}&apos;s connection to {integrationName} has stopped working. Sign in to {integrationName} once
            more to turn it back on. It takes about a minute.
          </p>
        </div>
        {problem ? (
          <div role="alert" className="flex gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
            <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warning-text" aria-hidden="true" />
            <p>{PROBLEMS[problem]}</p>
          </div>
        ) : null}
        {scopes.length > 0 ? (
          <section aria-labelledby="access-heading" className="flex flex-col gap-2">
            <h2 id="access-heading" className="text-sm font-semibold">
              {tenantName} is asking for access to:
            </h2>
            <ul className="flex flex-col gap-1.5">
              {scopes.map((scope) => (
                <li key={scope} className="flex items-start gap-2 text-sm">
                  <Check className="mt-0.5 size-4 shrink-0 text-success-text" aria-hidden="true" />
                  <span className="min-w-0">
                    {describeScope(scope)}
                    {describeScope(scope) !== scope ? (
                      <span className="block break-all font-mono text-xs text-muted-foreground">{scope}</span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <form method="post" action={`/link/${encodeURIComponent(token)}/start`}>
          <Button type="submit" size="lg" className="w-full">
            {problem ? "Try again" : `Reconnect ${integrationName}`}
          </Button>
        </form>
        <p className="text-center text-xs text-muted-foreground">
          You&apos;ll be taken to {integrationName} to sign in. This link works once and expires on {expires} UTC.
        </p>
      </div>
    </PublicLinkFrame>
  );
}
