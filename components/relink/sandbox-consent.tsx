import { FlaskConical } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { AuthorizeCheck } from "@/server/sandbox-oauth/authorize-request";
import { describeScope } from "./describe-scope";

/** The sandbox provider's consent screen: client, scopes, Approve / Deny (+ a failure switch for tests). */
export function SandboxConsent({ check }: { check: AuthorizeCheck }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-4 dark:bg-slate-900">
      <div className="w-full max-w-md rounded-xl border bg-card p-6 shadow-sm sm:p-8">
        <p className="mb-4 inline-flex items-center gap-1.5 rounded-full bg-warning/20 px-2.5 py-1 text-xs font-medium">
          <FlaskConical className="size-3.5" aria-hidden="true" /> Sandbox sign-in (test provider)
        </p>
        {check.ok ? (
          <Consent check={check} />
        ) : (
          <p role="alert" className="text-sm text-destructive-text">
            {check.message}
          </p>
        )}
      </div>
    </main>
  );
}

function Consent({ check }: { check: Extract<AuthorizeCheck, { ok: true }> }) {
  return (
    <form method="post" action="/sandbox-oauth/authorize/decision" className="flex flex-col gap-5">
      {Object.entries(check.params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold">Allow access to your {check.clientName} account?</h1>
        <p className="text-sm text-muted-foreground">
          The app <span className="font-mono text-foreground">{check.params.client_id}</span> wants to:
        </p>
      </div>
      <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
        {check.scopes.length === 0 ? (
          <li>Access your account</li>
        ) : (
          check.scopes.map((s) => (
            <li key={s}>
              {describeScope(s)} <span className="font-mono text-xs text-muted-foreground">({s})</span>
            </li>
          ))
        )}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="deny" variant="outline" className="flex-1">
          Deny
        </Button>
        <Button type="submit" name="decision" value="approve" className="flex-1">
          Approve
        </Button>
      </div>
      <details className="text-xs text-muted-foreground">
        <summary className="cursor-pointer">Test switches</summary>
        <div className="mt-2 flex flex-col gap-2">
          <p>Approve, but make the token exchange fail (as if the provider were down).</p>
          <Button type="submit" name="decision" value="approve-fail-token" variant="secondary" size="sm">
            Approve, then fail the token exchange
          </Button>
        </div>
      </details>
    </form>
  );
}
