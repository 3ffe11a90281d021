import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { buttonClassName } from "@/components/ui/button";
import { getSessionUser } from "@/server/auth/get-session-user";

export const metadata: Metadata = { title: "Page not found" };

function Body({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">Nothing lives at this address.</p>
      <Link href={signedIn ? "/connections" : "/login"} className={buttonClassName("default")}>
        {signedIn ? "Go to connections" : "Sign in"}
      </Link>
    </div>
  );
}

/** Signed in, a wrong address keeps the console around it (navigation, account); signed out, it stands alone. */
export default async function NotFound() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <main className="px-4">
        <Body signedIn={false} />
      </main>
    );
  }
  return (
    <AppShell user={user}>
      <Body signedIn />
    </AppShell>
  );
}
