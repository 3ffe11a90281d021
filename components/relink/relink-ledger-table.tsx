import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LedgerRow } from "@/server/relink/relink.types";
import { LinkStateBadge } from "./link-state-badge";

/** The ledger across connections (read-only; revoke and resend live on each connection's page). */
export function RelinkLedgerTable({ rows, showTenant }: { rows: LedgerRow[]; showTenant: boolean }) {
  if (rows.length === 0)
    return <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">No relink links match.</p>;
  return (
    <Table aria-label="Relink ledger">
      <TableHeader>
        <TableRow>
          <TableHead>State</TableHead>
          <TableHead>Connection</TableHead>
          {showTenant ? <TableHead>Tenant</TableHead> : null}
          <TableHead>Created</TableHead>
          <TableHead>For</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Opened</TableHead>
          <TableHead>Used</TableHead>
          <TableHead>Revoked</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <LinkStateBadge state={r.state} opened={r.opened_at !== null} />
            </TableCell>
            <TableCell>
              <Link href={`/connections/${r.connection_id}`} className="font-medium hover:underline">
                {r.connection_name}
              </Link>
              {r.batch_id ? (
                <Link
                  href={`/relink/batches/${r.batch_id}`}
                  className="block text-xs text-muted-foreground hover:underline"
                >
                  batch
                </Link>
              ) : null}
            </TableCell>
            {showTenant ? <TableCell>{r.tenant_name}</TableCell> : null}
            <TableCell>
              <RelativeTime value={r.created_at} />
              <div className="text-xs text-muted-foreground">{r.created_by}</div>
            </TableCell>
            <TableCell>{r.sent_to ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell>
              <RelativeTime value={r.expires_at} />
            </TableCell>
            <TableCell>
              <RelativeTime value={r.opened_at} />
            </TableCell>
            <TableCell>
              <RelativeTime value={r.used_at} />
            </TableCell>
            <TableCell>
              <RelativeTime value={r.revoked_at} />
              {r.revoked_by ? <div className="text-xs text-muted-foreground">{r.revoked_by}</div> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
