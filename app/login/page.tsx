import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/server/auth/get-session-user";
import { publicOrigin } from "@/server/http/public-origin";
import { sameOriginPath } from "@/server/http/same-origin-path";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  // The query string is anyone's text: only a path on this console's own origin is followed.
  const safeCallback = sameOriginPath(typeof callbackUrl === "string" ? callbackUrl : null, publicOrigin());
  if (await getSessionUser()) redirect(safeCallback);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <LoginForm callbackUrl={safeCallback} />
    </main>
  );
}
