"use client";
// Tabs whose state is the URL (`?tab=errors`), so a link or a reload opens the same tab.
// Switching only rewrites the URL: every tab is already rendered.
import { useSearchParams } from "next/navigation";
import * as React from "react";
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { parseDetailTab, type DetailTab } from "./tabs";

export interface DetailTabSpec {
  value: DetailTab;
  label: string;
  /** small count after the label, e.g. active errors */
  count?: number;
  countTone?: "destructive" | "muted";
  /** read after the count by screen readers: "Errors (3 active)" */
  countLabel?: string;
  content: ReactNode;
}

export function DetailTabs({ tabs }: { tabs: DetailTabSpec[] }) {
  const params = useSearchParams();
  const fromUrl = parseDetailTab(params.get("tab"));
  const [current, setCurrent] = React.useState<DetailTab>(fromUrl);
  // Follow the URL when something else changes it: a callout's link, or Back and Forward.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [seenInUrl, setSeenInUrl] = React.useState<DetailTab>(fromUrl);
  if (fromUrl !== seenInUrl) {
    setSeenInUrl(fromUrl);
    setCurrent(fromUrl);
  }
  React.useEffect(() => {
    const onPop = () => setCurrent(parseDetailTab(new URL(window.location.href).searchParams.get("tab")));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const onChange = (value: string) => {
    const tab = parseDetailTab(value);
    setCurrent(tab);
    const url = new URL(window.location.href);
    // Radix reports one click twice (mouse down, then focus): one history entry, not two.
    if (parseDetailTab(url.searchParams.get("tab")) === tab) return;
    if (tab === "overview") url.searchParams.delete("tab");
    else url.searchParams.set("tab", tab);
    // A history entry per tab, so Back returns to the previous tab; no server round trip.
    window.history.pushState(null, "", url);
  };
  return (
    <Tabs value={current} onValueChange={onChange}>
      {/* One row that scrolls sideways on a phone, rather than wrapping into a block of tabs. */}
      <TabsList className="h-auto max-w-full justify-start overflow-x-auto [scrollbar-width:thin]">
        {tabs.map((t) => (
          <TabsTrigger key={t.value} value={t.value}>
            {t.label}
            {t.count !== undefined ? (
              <>
                <span
                  aria-hidden="true"
                  className={
                    t.countTone === "destructive" && t.count > 0
                      ? "rounded-full bg-destructive px-1.5 text-xs text-destructive-foreground"
                      : "rounded-full bg-background/70 px-1.5 text-xs text-muted-foreground"
                  }
                >
                  {t.count}
                </span>
                <span className="sr-only">{` (${t.count}${t.countLabel ? ` ${t.countLabel}` : ""})`}</span>
              </>
            ) : null}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((t) => (
        // forceMount keeps each tab's paging and selection while the user looks at another one.
        <TabsContent key={t.value} value={t.value} forceMount className="data-[state=inactive]:hidden">
          {t.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
