"use client";
// Connections by provider × status: one stacked bar per provider (the ten largest, then the
// rest together), with the same numbers in a visually hidden table for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CONNECTION_STATUSES, type ConnectionStatus } from "@/lib/constants";
import { AXIS_COLOR, GRID_COLOR, STATUS_COLOR, STATUS_LABEL } from "./chart-colors";

export interface ProviderStatusRow {
  provider: string;
  label: string;
  total: number;
  byStatus: Record<ConnectionStatus, number>;
}

export function ProviderStatusChart({ rows }: { rows: ProviderStatusRow[] }) {
  // The rest of the providers together would dwarf every bar: they are named in the caption.
  const rest = rows.find((r) => r.provider === "");
  const shown = rows.filter((r) => r.provider !== "");
  const data = shown.map((r) => ({ label: r.label, ...r.byStatus }));
  const summary = `Connections by provider and status, ${rows.length} rows: ${rows
    .slice(0, 3)
    .map((r) => `${r.label} ${r.total.toLocaleString("en")}`)
    .join(", ")}${rows.length > 3 ? ", …" : ""}.`;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-muted-foreground">
        Stacked by status; the largest providers first
        {rest ? `, then ${rest.label} with ${rest.total.toLocaleString("en")} connections` : ""}.
      </figcaption>
      <div role="img" aria-label={summary} style={{ height: Math.max(160, shown.length * 30 + 60) }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid horizontal={false} stroke={GRID_COLOR} />
            <XAxis
              type="number"
              tick={{ fill: AXIS_COLOR, fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={130}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
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
            {CONNECTION_STATUSES.map((s) => (
              <Bar
                key={s}
                dataKey={s}
                name={STATUS_LABEL[s]}
                stackId="status"
                fill={STATUS_COLOR[s]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* sr-only on a wrapper: a table ignores width: 1px and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>Connections by provider and status</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              {CONNECTION_STATUSES.map((s) => (
                <th key={s} scope="col">
                  {STATUS_LABEL[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {CONNECTION_STATUSES.map((s) => (
                  <td key={s}>{r.byStatus[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
