"use client";
// Permissions grouped by category; a search box appears once the list is long enough to need it.
import * as React from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { groupPermissions } from "./group-permissions";

const SEARCH_FROM = 12;

export function PermissionsList({ permissions }: { permissions: string[] }) {
  const [filter, setFilter] = React.useState("");
  const groups = groupPermissions(permissions, filter);
  if (permissions.length === 0) return <p className="text-sm text-muted-foreground">No permissions recorded.</p>;
  return (
    <div className="space-y-3">
      {permissions.length >= SEARCH_FROM ? (
        <Input
          type="search"
          aria-label="Search permissions"
          placeholder={`Search ${permissions.length} permissions…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="max-w-xs"
        />
      ) : null}
      {groups.length === 0 ? <p className="text-sm text-muted-foreground">No permission matches “{filter}”.</p> : null}
      <dl className="space-y-2">
        {groups.map((g) => (
          <div key={g.category} className="grid grid-cols-[8rem_1fr] gap-3 text-sm">
            <dt className={g.category.length <= 4 ? "font-medium uppercase" : "font-medium capitalize"}>
              {g.category}
            </dt>
            <dd className="flex flex-wrap gap-1.5">
              {g.objects.map((o) => (
                <Badge key={o.object} variant="outline" title={o.raw.join(", ")} className="font-normal">
                  {o.object.replace(/_/g, " ")}
                  {o.access.length ? <span className="text-muted-foreground">({o.access.join(", ")})</span> : null}
                </Badge>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
