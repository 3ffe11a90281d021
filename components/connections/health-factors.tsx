// The words and colours of a health score, shared by the list's tooltip (HealthBadge) and the
// detail page (server-rendered), so both explain a score the same way.
import { cn } from "@/components/ui/cn";
import type { Health } from "@/server/connections/health-score";

export const HEALTH_GRADE: Record<Health["grade"], { label: string; className: string }> = {
  // app/globals.css: one class a grade (the list repeats it on every row)
  healthy: { label: "Healthy", className: "health-healthy" },
  degraded: { label: "Degraded", className: "health-degraded" },
  critical: { label: "Critical", className: "health-critical" },
};

export const healthLabel = (h: Pick<Health, "score" | "grade">) =>
  `Health ${h.score} of 100, ${HEALTH_GRADE[h.grade].label.toLowerCase()}`;

export function HealthFactors({ health, className }: { health: Health; className?: string }) {
  return (
    <ul className={cn("space-y-0.5", className)}>
      {health.factors.map((f) => (
        <li key={f.key} className="flex justify-between gap-4">
          <span>
            {f.label}: {f.detail}
          </span>
          <span className="font-mono tabular-nums">{f.penalty > 0 ? `−${f.penalty}` : "0"}</span>
        </li>
      ))}
    </ul>
  );
}
