// The audit log's filters as a plain GET form: the URL is the state, so a filtered view can be
// bookmarked and the CSV link carries the very same filters. Works without JavaScript.
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { fieldClassName, Input } from "@/components/ui/input";
import type { AuditFacets, AuditFilters } from "@/server/audit/list.types";

export function AuditFiltersForm({
  filters,
  facets,
  showTenant,
}: {
  filters: AuditFilters;
  facets: AuditFacets;
  showTenant: boolean;
}) {
  const field = (label: string, control: ReactNode) => (
    <label className="grid gap-1 text-sm font-medium">
      {label}
      {control}
    </label>
  );
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-7"
    >
      {field("Actor", <Input name="actor" defaultValue={filters.actor ?? ""} placeholder="email or id" />)}
      {field(
        "Action",
        <select name="action" defaultValue={filters.action ?? ""} className={`${fieldClassName} h-9`}>
          <option value="">Any action</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>,
      )}
      {showTenant
        ? field(
            "Tenant",
            <select name="tenantId" defaultValue={filters.tenantId ?? ""} className={`${fieldClassName} h-9`}>
              <option value="">Any tenant</option>
              {facets.tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>,
          )
        : null}
      {field("Connection", <Input name="connectionId" defaultValue={filters.connectionId ?? ""} placeholder="con_…" />)}
      {field("From", <Input type="date" name="from" defaultValue={filters.from?.slice(0, 10) ?? ""} />)}
      {field("To", <Input type="date" name="to" defaultValue={filters.to?.slice(0, 10) ?? ""} />)}
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/audit" className={buttonClassName("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
