import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { LINK_STATES, type LinkState } from "@/lib/constants";

/** State filter as plain links: the URL holds the filter, so it survives reloads and sharing. */
export function LedgerStateFilter({ current, basePath }: { current: LinkState | null; basePath: string }) {
  const options: (LinkState | null)[] = [null, ...LINK_STATES];
  return (
    <nav aria-label="Filter by state" className="flex flex-wrap gap-1">
      {options.map((s) => (
        <Link
          key={s ?? "all"}
          href={s ? `${basePath}?state=${s}` : basePath}
          aria-current={s === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm",
            s === current ? "bg-primary text-primary-foreground" : "hover:bg-accent",
          )}
        >
          {s ?? "all"}
        </Link>
      ))}
    </nav>
  );
}
