import Link from "next/link";
import { ErrorGroupsFilters } from "@/components/errors/error-groups-filters";
import { ErrorGroupsTable } from "@/components/errors/error-groups-table";
import { isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";
import { ERROR_GROUP_SORTS } from "@/server/error-groups/error-groups.types";

export const metadata = { title: "Error groups" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : "");

export default async function ErrorGroupsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const q = one(raw.q).trim();
  const provider = one(raw.provider);
  const code = one(raw.code);
  const sortRaw = one(raw.sort);
  const all = one(raw.all) === "1";
  const sort = (ERROR_GROUP_SORTS as readonly string[]).includes(sortRaw)
    ? (sortRaw as (typeof ERROR_GROUP_SORTS)[number])
    : "errors";
  const caller = await getServerCaller();
  const [me, list] = await Promise.all([
    caller.me.get(),
    caller.errorGroups.list({
      q: q || undefined,
      provider: provider ? [provider] : undefined,
      statusCode: code ? [code] : undefined,
      sort,
      limit: all ? 500 : 50,
    }),
  ]);
  const staff = isStaff(me);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Error groups</h1>
        <p className="text-sm text-muted-foreground">
          Active errors grouped by provider, status code and message (ids, numbers, e-mails, URLs and times set aside)
          {staff ? ", across all tenants" : `, for ${me.tenantName ?? "your tenant"}`}. {list.total} groups.
        </p>
      </div>
      <ErrorGroupsFilters
        q={q}
        provider={provider}
        statusCode={code}
        sort={sort}
        providers={list.providers}
        statusCodes={list.statusCodes}
      />
      <ErrorGroupsTable rows={list.rows} showTenants={staff} />
      {list.total > list.rows.length ? (
        <p className="text-sm text-muted-foreground">
          Showing {list.rows.length} of {list.total}.{" "}
          <Link
            className="text-primary underline underline-offset-4"
            href={`?${new URLSearchParams({ ...(q ? { q } : {}), ...(provider ? { provider } : {}), ...(code ? { code } : {}), sort, all: "1" })}`}
          >
            Show {list.total > 500 ? "the first 500" : "all"}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
