import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/server/auth/get-session-user";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/connections";
  if (await getSessionUser()) redirect(safeCallback);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <LoginForm callbackUrl={safeCallback} />
    </main>
  );
}
