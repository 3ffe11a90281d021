import { Download } from "lucide-react";
import Link from "next/link";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClassName } from "@/components/ui/button";
import { getServerCaller } from "@/server/caller";
import { ZAuditFiltersSchema, type AuditFilters } from "@/server/audit/list.types";

export const metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTER_KEYS = ["actor", "action", "tenantId", "connectionId", "from", "to"] as const;

/** The filters as query-string pairs, for the CSV link and the paging links. */
function toParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = ZAuditFiltersSchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, one(raw[k])])));
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const cursor = one(raw.cursor) ?? null;
  const caller = await getServerCaller();
  // A cursor from an old or edited URL falls back to the newest page rather than an error.
  const list = (c: string | null) => caller.audit.list({ ...filters, cursor: c, limit: 50 });
  const [me, facets, page] = await Promise.all([caller.me.get(), caller.audit.facets(), list(cursor).catch(() => list(null))]);
  const isStaff = me.role === "support";
  const params = toParams(filters);
  const next = page.nextCursor ? `?${new URLSearchParams([...params, ["cursor", page.nextCursor]])}` : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-muted-foreground">
            Every state change, newest first{isStaff ? ", across all tenants" : `, for ${me.tenantName ?? "your tenant"}`}.
          </p>
        </div>
        <a className={buttonClassName("outline")} href={`/api/export/audit?${params}`} download>
          <Download aria-hidden="true" />
          Export CSV
        </a>
      </div>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-destructive">
          Some filters were not understood and were ignored.
        </p>
      ) : null}
      <AuditFiltersForm filters={filters} facets={facets} showTenant={isStaff} />
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
