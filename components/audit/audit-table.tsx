// The audit log table: who did what, when, to which connection, and what changed.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/server/audit/list.types";
import { describeChange } from "./describe-change";

export function AuditTable({ rows, showTenant }: { rows: AuditEvent[]; showTenant: boolean }) {
  if (rows.length === 0)
    return (
      <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">
        No audit events match these filters.
      </p>
    );
  return (
    <div className="rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            {showTenant ? <TableHead>Tenant</TableHead> : null}
            <TableHead>Connection</TableHead>
            <TableHead>Change</TableHead>
            <TableHead>Note</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((e) => (
            <TableRow key={e.id} data-audit-id={e.id}>
              <TableCell className="whitespace-nowrap">
                <RelativeTime value={e.at} />
              </TableCell>
              <TableCell className="max-w-56 truncate" title={e.actor_id}>
                {e.actor_label}
              </TableCell>
              <TableCell>
                <Badge variant="outline" className="font-mono">
                  {e.action}
                </Badge>
              </TableCell>
              {showTenant ? <TableCell className="whitespace-nowrap">{e.tenant_name ?? "—"}</TableCell> : null}
              <TableCell>
                {e.connection_id ? (
                  <Link
                    href={`/connections/${encodeURIComponent(e.connection_id)}`}
                    className="underline-offset-4 hover:underline"
                  >
                    {e.connection_name ?? e.connection_id}
                  </Link>
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell>
                <ul className="space-y-0.5 text-xs">
                  {describeChange(e.before, e.after).map((c) => (
                    <li key={c.field}>
                      <span className="font-mono text-muted-foreground">{c.field}</span>:{" "}
                      <span className="line-through decoration-muted-foreground/60">{c.before}</span> →{" "}
                      <span>{c.after}</span>
                    </li>
                  ))}
                </ul>
              </TableCell>
              <TableCell className="max-w-72 text-sm">{e.note ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
