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
  searchParams: Promise<{ callbackUrl?: string | string[]; expired?: string | string[] }>;
}) {
  const { callbackUrl, expired } = await searchParams;
  // The query string is anyone's text: only a path on this console's own origin is followed.
  const safeCallback = sameOriginPath(typeof callbackUrl === "string" ? callbackUrl : null, publicOrigin());
  if (await getSessionUser()) redirect(safeCallback);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6">
      {expired === "1" ? (
        <p
          role="status"
          className="w-full max-w-sm rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
        >
          Your session expired — sign in again to continue where you were.
        </p>
      ) : null}
      <LoginForm callbackUrl={safeCallback} />
    </main>
  );
}
