// Error groups as a table: what failed (provider, status code, shape), how widely (errors,
// connections, tenants), since when, and the trend. Each group opens its page.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ErrorGroupRow } from "@/server/error-groups/error-groups.types";
import { TrendSparkline } from "./trend-sparkline";

export function ErrorGroupsTable({
  rows,
  showTenants,
  compact = false,
}: {
  rows: ErrorGroupRow[];
  showTenants: boolean;
  compact?: boolean;
}) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">No active errors.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Error</TableHead>
          <TableHead className="text-right">Errors</TableHead>
          <TableHead className="text-right">Connections</TableHead>
          {showTenants ? <TableHead className="text-right">Tenants</TableHead> : null}
          {compact ? null : <TableHead>First seen</TableHead>}
          <TableHead>Last seen</TableHead>
          <TableHead>Last 14 days</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((g) => (
          <TableRow key={g.id} data-group={g.id}>
            <TableCell className="max-w-[520px]">
              <Link href={`/errors/${g.id}`} className="group block focus-visible:outline-none">
                <span className="flex items-center gap-2">
                  <Badge variant="outline">{g.providerLabel}</Badge>
                  {g.statusCode ? <Badge variant="destructive">{g.statusCode}</Badge> : null}
                </span>
                <span className="mt-1 block truncate font-mono text-xs group-hover:underline group-focus-visible:underline">
                  {g.shape || "(no message)"}
                </span>
              </Link>
            </TableCell>
            <TableCell className="text-right tabular-nums">{g.errors.toLocaleString("en")}</TableCell>
            <TableCell className="text-right tabular-nums">{g.connections.toLocaleString("en")}</TableCell>
            {showTenants ? <TableCell className="text-right tabular-nums">{g.tenants}</TableCell> : null}
            {compact ? null : (
              <TableCell className="whitespace-nowrap text-sm">
                <RelativeTime value={g.firstSeen} />
              </TableCell>
            )}
            <TableCell className="whitespace-nowrap text-sm">
              <RelativeTime value={g.lastSeen} />
            </TableCell>
            <TableCell>
              <TrendSparkline values={g.trend} label={`New errors in ${g.providerLabel} ${g.statusCode ?? ""}`} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
