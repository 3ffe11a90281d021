import type { ReactNode } from "react";
import { ShieldCheck } from "lucide-react";

/** The quiet, brand-free frame of every public relink page: one card, centred. */
export function PublicLinkFrame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4 sm:p-6">
      <div className="w-full max-w-md">
        <div className="rounded-xl border bg-card p-6 shadow-sm sm:p-8">{children}</div>
        <p className="mt-4 flex items-center justify-center gap-1.5 text-xs text-muted-foreground">
          <ShieldCheck className="size-3.5" aria-hidden="true" />
          Secure one-time link. We never see your password.
        </p>
      </div>
    </main>
  );
}
