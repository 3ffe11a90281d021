// The relink ledger as a table: across connections (with each row's connection, and tenant for
// staff) or for one connection (with revoke and resend supplied by the caller).
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LedgerRow } from "@/server/relink/relink.types";
import { LinkStateBadge } from "./link-state-badge";

export interface RelinkLedgerTableProps {
  rows: LedgerRow[];
  /** the table's accessible name */
  label?: string;
  /** shown instead of the table when there are no rows */
  empty?: ReactNode;
  /** a column naming each row's connection (and batch); off for one connection's own ledger */
  showConnection?: boolean;
  showTenant?: boolean;
  /** one "Used / revoked" column rather than one of each */
  combinedOutcome?: boolean;
  /** a last "Actions" column, with what to show for each row */
  actions?: (row: LedgerRow) => ReactNode;
}

interface Column {
  header: string;
  className?: string;
  cell: (row: LedgerRow) => ReactNode;
}

const muted = (text: ReactNode) => <span className="text-muted-foreground">{text}</span>;

function columns(opts: RelinkLedgerTableProps): Column[] {
  const cols: (Column | false | undefined)[] = [
    { header: "State", cell: (r) => <LinkStateBadge state={r.state} opened={r.opened_at !== null} /> },
    opts.showConnection !== false && { header: "Connection", cell: (r) => <ConnectionCell row={r} /> },
    opts.showTenant && { header: "Tenant", cell: (r) => r.tenant_name },
    {
      header: "Created",
      cell: (r) => (
        <>
          <RelativeTime value={r.created_at} />
          <div className="text-xs text-muted-foreground">by {r.created_by}</div>
        </>
      ),
    },
    { header: "For", cell: (r) => <Recipient row={r} /> },
    { header: "Expires", cell: (r) => <RelativeTime value={r.expires_at} /> },
    { header: "Opened", cell: (r) => <RelativeTime value={r.opened_at} /> },
    ...(opts.combinedOutcome
      ? [{ header: "Used / revoked", cell: (r: LedgerRow) => <Outcome row={r} /> }]
      : [
          { header: "Used", cell: (r: LedgerRow) => <RelativeTime value={r.used_at} /> },
          {
            header: "Revoked",
            cell: (r: LedgerRow) => (
              <>
                <RelativeTime value={r.revoked_at} />
                {r.revoked_by ? <div className="text-xs text-muted-foreground">by {r.revoked_by}</div> : null}
              </>
            ),
          },
        ]),
    opts.actions && { header: "Actions", className: "text-right", cell: opts.actions },
  ];
  return cols.filter((c): c is Column => Boolean(c));
}

export function RelinkLedgerTable(props: RelinkLedgerTableProps) {
  const {
    rows,
    label = "Relink ledger",
    empty = <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">No relink links match.</p>,
  } = props;
  if (rows.length === 0) return empty;
  const cols = columns(props);
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          {cols.map((c) => (
            <TableHead key={c.header} className={c.className}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            {cols.map((c) => (
              <TableCell key={c.header} className={c.className}>
                {c.cell(r)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ConnectionCell({ row }: { row: LedgerRow }) {
  return (
    <>
      <Link href={`/connections/${row.connection_id}`} className="font-medium hover:underline">
        {row.connection_name}
      </Link>
      {row.batch_id ? (
        <Link href={`/relink/batches/${row.batch_id}`} className="block text-xs text-muted-foreground hover:underline">
          batch
        </Link>
      ) : null}
    </>
  );
}

function Outcome({ row }: { row: LedgerRow }) {
  if (row.used_at) return <RelativeTime value={row.used_at} />;
  if (!row.revoked_at) return muted("—");
  return (
    <span>
      <RelativeTime value={row.revoked_at} /> <span className="text-xs text-muted-foreground">by {row.revoked_by}</span>
    </span>
  );
}

/** Who the link was for, and whether the console e-mailed it. */
function Recipient({ row }: { row: LedgerRow }) {
  if (!row.sent_to) return muted("—");
  return (
    <>
      {row.sent_to}
      {row.sent_at ? (
        <div className="text-xs text-muted-foreground">
          e-mailed <RelativeTime value={row.sent_at} />
        </div>
      ) : row.send_error ? (
        <div className="text-xs text-destructive" title={row.send_error}>
          e-mail failed
        </div>
      ) : null}
    </>
  );
}
