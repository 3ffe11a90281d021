import { notFound } from "next/navigation";
import { SandboxConsent } from "@/components/relink/sandbox-consent";
import { readSandboxConsent } from "@/server/sandbox-oauth/consent";

export const dynamic = "force-dynamic";
export const metadata = { title: { absolute: "Sandbox sign-in" }, robots: { index: false, follow: false } };

export default async function SandboxAuthorizePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const check = await readSandboxConsent(await searchParams);
  if (!check) notFound();
  return <SandboxConsent check={check} />;
}
