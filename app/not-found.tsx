import type { Metadata } from "next";
import { AppShell } from "@/components/shell/app-shell";
import { NotFoundBody } from "@/components/shell/not-found-body";
import { getSessionUser } from "@/server/auth/get-session-user";

export const metadata: Metadata = { title: "Page not found" };

/** Signed in, a wrong address keeps the console around it (navigation, account); signed out, it stands alone. */
export default async function NotFound() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <main className="px-4">
        <NotFoundBody signedIn={false} />
      </main>
    );
  }
  return (
    <AppShell user={user}>
      <NotFoundBody signedIn />
    </AppShell>
  );
}
