// The health score on the detail page, with every factor and what it cost: the same numbers the
// list's tooltip shows, so "why is this one 35?" has its answer where the fix is.
import { HealthFactors, healthLabel } from "@/components/connections/health-factors";
import type { Health } from "@/server/connections/health-score";
import { Section } from "./field-list";

export function HealthSection({ health }: { health: Health }) {
  return (
    <Section
      title={`Health: ${health.score}/100`}
      description={`${healthLabel(health)}. Each factor below takes points off 100.`}
    >
      <HealthFactors health={health} className="max-w-xl text-sm" />
    </Section>
  );
}
