"use client";
// Keeps a server-rendered page fresh: re-renders it (router.refresh: client state such as the
// open tab, paging and scroll stays) when the window regains focus and every 30 s, and says so
// when something changed.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 30_000;

export function LiveRefresh({ signature, className }: { signature: string; className?: string }) {
  const router = useRouter();
  const [seen, setSeen] = useState(signature);
  const [changed, setChanged] = useState(false);
  // A new signature from the server means new changes; adjusted while rendering, not in an effect.
  if (signature !== seen) {
    setSeen(signature);
    setChanged(true);
  }
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, EVERY_MS);
    window.addEventListener("focus", refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
    };
  }, [router]);
  return (
    <p role="status" className={className}>
      {changed ? (
        <span className="rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary">
          Updated with new changes
        </span>
      ) : null}
    </p>
  );
}
