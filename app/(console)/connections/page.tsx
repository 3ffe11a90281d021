import Link from "next/link";
import { ConnectionsTable } from "@/components/connections/connections-table";
import { buttonClassName } from "@/components/ui/button";
import { getServerCaller } from "@/server/caller";
import { ZListConnectionsRequestSchema } from "@/server/connections/list.types";

export const metadata = { title: "Connections" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = ZListConnectionsRequestSchema.safeParse({
    sort: one(params.sort),
    dir: one(params.dir),
    cursor: one(params.cursor),
    direction: one(params.direction),
    status: one(params.status)?.split(",").filter(Boolean),
  });
  const input = parsed.success ? parsed.data : ZListConnectionsRequestSchema.parse({});
  const caller = await getServerCaller();
  const [me, page] = await Promise.all([caller.me.get(), caller.connections.list(input)]);
  const link = (cursor: string | null, direction: string) => `?${new URLSearchParams({ ...(cursor ? { cursor } : {}), direction })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Connections</h1>
      <ConnectionsTable rows={page.rows} showTenant={me.role === "support"} />
      <nav aria-label="Pagination" className="flex gap-2">
        <Link className={buttonClassName("outline", "sm")} href="?">
          First
        </Link>
        {page.prevCursor ? (
          <Link className={buttonClassName("outline", "sm")} href={link(page.prevCursor, "backward")}>
            Previous
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className={buttonClassName("outline", "sm")} href={link(page.nextCursor, "forward")}>
            Next
          </Link>
        ) : null}
        <Link className={buttonClassName("outline", "sm")} href="?direction=last">
          Last
        </Link>
      </nav>
    </div>
  );
}
