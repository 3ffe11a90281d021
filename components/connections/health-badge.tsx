"use client";
// The health score as a small coloured number whose tooltip (hover or keyboard focus) says what
// lowered it; the detail page lists the same factors (HealthFactors).
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/components/ui/cn";
import type { Health } from "@/server/connections/health-score";
import { HEALTH_GRADE, HealthFactors, healthLabel } from "./health-factors";

export function HealthBadge({ health }: { health: Health }) {
  const g = HEALTH_GRADE[health.grade];
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={healthLabel(health)}
          className={cn("health-badge", g.className)} // app/globals.css
        >
          {health.score}
        </button>
      </TooltipTrigger>
      <TooltipContent className="w-64 max-w-[calc(100vw-2rem)]" side="right" collisionPadding={8}>
        <p className="mb-1 font-semibold">
          {g.label} · {health.score}/100
        </p>
        <HealthFactors health={health} />
      </TooltipContent>
    </Tooltip>
  );
}
