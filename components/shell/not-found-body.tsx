import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** What a wrong address says, inside the console's shell or on its own (app/not-found.tsx). */
export function NotFoundBody({ signedIn }: { signedIn: boolean }) {
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
