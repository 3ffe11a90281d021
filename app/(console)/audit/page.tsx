import { Download } from "lucide-react";
import Link from "next/link";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClassName } from "@/components/ui/button";
import { TimeZoneNote } from "@/components/ui/time-zone-note";
import { getServerCaller } from "@/server/caller";
import { auditFilterParams, parseAuditSearchParams } from "@/server/audit/audit-url-state";
import { isStaff as isStaffUser } from "@/lib/roles";

export const metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { filters, cursor, understood } = parseAuditSearchParams(raw);
  const caller = await getServerCaller();
  // A cursor from an old or edited URL falls back to the newest page rather than an error.
  const list = (c: string | null) => caller.audit.list({ ...filters, cursor: c, limit: 50 });
  const [me, facets, page] = await Promise.all([
    caller.me.get(),
    caller.audit.facets(),
    list(cursor).catch(() => list(null)),
  ]);
  const isStaff = isStaffUser(me);
  const params = auditFilterParams(filters);
  const next = page.nextCursor ? `?${new URLSearchParams([...params, ["cursor", page.nextCursor]])}` : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-muted-foreground">
            Every state change, newest first
            {isStaff ? ", across all tenants" : `, for ${me.tenantName ?? "your tenant"}`}.
          </p>
        </div>
        <a className={buttonClassName("outline")} href={`/api/export/audit?${params}`} download>
          <Download aria-hidden="true" />
          Export CSV
        </a>
      </div>
      {!understood ? (
        <p role="alert" className="text-sm text-destructive-text">
          Some filters were not understood and were ignored.
        </p>
      ) : null}
      <AuditFiltersForm filters={filters} facets={facets} showTenant={isStaff} />
      <TimeZoneNote className="text-xs text-muted-foreground" />
      <AuditTable rows={page.rows} showTenant={isStaff} />
      <nav aria-label="Pagination" className="flex gap-2">
        {cursor ? (
          <Link className={buttonClassName("outline", "sm")} href={`?${params}`}>
            Newest
          </Link>
        ) : null}
        {next ? (
          <Link className={buttonClassName("outline", "sm")} href={next}>
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
