"use client";
// The health score as a small coloured number whose tooltip (hover or keyboard focus) says what
// lowered it; the detail page lists the same factors (HealthFactors).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/components/ui/cn";
import type { Health } from "@/server/connections/health-score";
import { HEALTH_GRADE, HealthFactors, healthLabel } from "./health-factors";

/**
 * `health.factors` may be left out (the list's server-rendered first page: they are only ever
 * seen in the tooltip); with `id`, the tooltip then loads them, from when the pointer or the
 * focus reaches the score, through the list's search for that id (the list's own triage).
 */
export function HealthBadge({
  health,
  id,
}: {
  health: Pick<Health, "score" | "grade"> & { factors?: Health["factors"] };
  id?: string;
}) {
  const trpc = useTRPC();
  const [wanted, setWanted] = useState(false);
  const lazy = !health.factors && id !== undefined;
  const loaded = useQuery(
    trpc.connections.list.queryOptions(
      { q: id, limit: 25 },
      {
        enabled: lazy && wanted,
        select: (page) => page.rows.find((r) => r.id === id)?.health,
      },
    ),
  );
  const shown: typeof health = (lazy && loaded.data) || health;
  const g = HEALTH_GRADE[shown.grade];
  const want = lazy ? () => setWanted(true) : undefined;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={healthLabel(health)}
          className={cn("health-badge", HEALTH_GRADE[health.grade].className)} // app/globals.css
          onPointerEnter={want}
          onFocus={want}
        >
          {health.score}
        </button>
      </TooltipTrigger>
      <TooltipContent className="w-64 max-w-[calc(100vw-2rem)]" side="right" collisionPadding={8}>
        <p className="mb-1 font-semibold">
          {g.label} · {shown.score}/100
        </p>
        {shown.factors ? (
          <HealthFactors health={{ ...shown, factors: shown.factors }} />
        ) : loaded.isError ? (
          <p>The reasons could not be loaded.</p>
        ) : (
          <p>Loading the reasons…</p>
        )}
      </TooltipContent>
    </Tooltip>
  );
}
