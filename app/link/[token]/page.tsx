// The customer's relink page. Its HTTP status (404 unknown; 410 expired, used, revoked; 429
// rate limited) is set by proxy.ts, which also counts the request and notes the first opening;
// this page renders the same decision, read-only (server/relink/open-public-link.ts).
import { cookies, headers } from "next/headers";
import { PublicLinkConsent } from "@/components/relink/public-link-consent";
import { PublicLinkStatus } from "@/components/relink/public-link-status";
import { completedHere, DONE_COOKIE } from "@/server/oauth/flow-cookie";
import { LINK_RETRY_AFTER_HEADER, readLinkPage } from "@/server/relink/open-public-link";

export const dynamic = "force-dynamic";
export const metadata = { title: { absolute: "Reconnect your account" }, robots: { index: false, follow: false } };

type Search = { done?: string; problem?: string };

export default async function PublicLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ token }, search, requestHeaders, jar] = await Promise.all([params, searchParams, headers(), cookies()]);
  const retryAfter = Number(requestHeaders.get(LINK_RETRY_AFTER_HEADER));
  if (retryAfter > 0) return <PublicLinkStatus kind="rate-limited" retryAfterSeconds={retryAfter} />;
  const done = search.done === "1" && completedHere(jar.get(DONE_COOKIE)?.value, token);
  const page = await readLinkPage(token, done);
  if (page.kind === "rate-limited")
    return <PublicLinkStatus kind="rate-limited" retryAfterSeconds={page.retryAfterSeconds} />;
  if (page.kind !== "open") return <PublicLinkStatus kind={page.kind} />;
  const problem = search.problem === "denied" || search.problem === "failed" ? search.problem : null;
  const { view } = page;
  return (
    <PublicLinkConsent
      token={token}
      integrationName={view.integrationName}
      tenantName={view.tenantName}
      scopes={view.scopes}
      expiresAt={view.expiresAt}
      problem={problem}
    />
  );
}
