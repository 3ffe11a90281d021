"use client";
// New and resolved errors per day over the last 30 days. The chart is described for screen
// readers by its caption and by the table of the same numbers beneath it (visually hidden).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_COLOR, CREATED_COLOR, GRID_COLOR, RESOLVED_COLOR } from "./chart-colors";

export interface ErrorDay {
  day: string;
  created: number;
  resolved: number;
}

const short = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

export function ErrorTrendChart({ days }: { days: ErrorDay[] }) {
  const created = days.reduce((a, d) => a + d.created, 0);
  const resolved = days.reduce((a, d) => a + d.resolved, 0);
  const summary = `Errors over the last ${days.length} days: ${created.toLocaleString("en")} new, ${resolved.toLocaleString("en")} resolved.`;
  const data = days.map((d) => ({ ...d, label: short(d.day) }));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-muted-foreground">{summary}</figcaption>
      <div role="img" aria-label={summary} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} barGap={1}>
            <CartesianGrid vertical={false} stroke={GRID_COLOR} />
            <XAxis
              dataKey="label"
              tick={{ fill: AXIS_COLOR, fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              minTickGap={16}
            />
            <YAxis
              tick={{ fill: AXIS_COLOR, fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              width={48}
            />
            <Tooltip
              cursor={{ fill: "var(--muted)" }}
              contentStyle={{
                background: "var(--popover)",
                border: "1px solid var(--border)",
                color: "var(--popover-foreground)",
                borderRadius: 6,
                fontSize: 12,
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12, color: "var(--foreground)" }} />
            <Bar dataKey="created" name="New" fill={CREATED_COLOR} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Bar
              dataKey="resolved"
              name="Resolved"
              fill={RESOLVED_COLOR}
              radius={[2, 2, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* sr-only on a wrapper: a table ignores width: 1px and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>New and resolved errors per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">New</th>
              <th scope="col">Resolved</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.created}</td>
                <td>{d.resolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
