import { ConnectionsView } from "@/components/connections/table/connections-view";
import { tablePage } from "@/components/connections/table/table-row";
import { filtersFromUrlState, listRequestFromUrlState, loadListUrlState } from "@/lib/list-url-state";
import { getServerCaller } from "@/server/caller";
import { canWrite, isStaff } from "@/lib/roles";

export const metadata = { title: "Connections" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const state = loadListUrlState(await searchParams);
  const request = listRequestFromUrlState(state);
  const caller = await getServerCaller();
  // A malformed link (say, a bad date) renders the page with the client's error state and
  // its "Clear filters" button rather than a crash.
  const [me, prefs, page, facets] = await Promise.all([
    caller.me.get(),
    caller.views.prefs({ table: "connections" }),
    caller.connections.list(request).catch(() => null),
    caller.connections.facets(filtersFromUrlState(state)).catch(() => null),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Connections</h1>
      <ConnectionsView
        showTenant={isStaff(me)}
        canWrite={canWrite(me)}
        prefs={prefs}
        // What the table draws, not the whole list response: these props travel in the HTML.
        initial={{ requestKey: JSON.stringify(request), page: page && tablePage(page), facets }}
      />
    </div>
  );
}
