import { AlertsView } from "@/components/alerts/alerts-view";
import { NewRuleButton } from "@/components/alerts/new-rule-button";
import { canWrite, isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const caller = await getServerCaller();
  const me = await caller.me.get();
  const staff = isStaff(me);
  const [rules, firings, endpoints, tenants] = await Promise.all([
    caller.alerts.rules(),
    caller.alerts.notifications({ limit: 50, bellOnly: false }),
    caller.webhooks.list({ limit: 200 }),
    staff ? caller.apiKeys.tenants() : Promise.resolve(null),
  ]);
  const endpointOptions = endpoints.data
    .filter((e) => e.status !== "disabled")
    .map((e) => ({
      id: e.id,
      label: `${e.description ?? e.url}${e.tenant_id === null ? " (platform-wide)" : ""}`,
      tenant_id: e.tenant_id,
    }));
  const writer = canWrite(me);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
          <p className="text-sm text-muted-foreground">
            Rules that tell you when a connection needs relink, goes stale, changes status or its auth is about to
            expire, {staff ? "in any tenant" : `in ${me.tenantName ?? "your tenant"}`}: in the bell, by e-mail or to a
            webhook endpoint.{writer ? "" : " You can see rules and their notifications; an admin changes them."}
          </p>
        </div>
        {writer ? <NewRuleButton tenants={tenants} endpoints={endpointOptions} /> : null}
      </div>
      <AlertsView
        initialRules={rules}
        initialFirings={firings.items}
        canWrite={writer}
        tenants={tenants}
        endpoints={endpointOptions}
      />
    </div>
  );
}
