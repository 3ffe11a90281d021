import { headers } from "next/headers";
import { PublicLinkConsent } from "@/components/relink/public-link-consent";
import { PublicLinkStatus } from "@/components/relink/public-link-status";
import { openPublicLink } from "@/server/relink/open-public-link";

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
  const [{ token }, search] = await Promise.all([params, searchParams]);
  const view = await openPublicLink(token, await headers());
  if (view.state === "used" && search.done === "1") return <PublicLinkStatus kind="connected" />;
  if (view.state !== "open") return <PublicLinkStatus kind={view.state} />;
  const problem = search.problem === "denied" || search.problem === "failed" ? search.problem : null;
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
