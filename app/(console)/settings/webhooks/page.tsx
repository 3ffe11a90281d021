import { CreateEndpointDialog } from "@/components/webhooks/create-endpoint-dialog";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { canWrite, isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const caller = await getServerCaller();
  const me = await caller.me.get();
  const staff = isStaff(me);
  const [endpoints, eventTypes, tenants] = await Promise.all([
    caller.webhooks.list({ limit: 200 }),
    caller.webhooks.eventTypes(),
    staff ? caller.apiKeys.tenants() : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
          <p className="text-sm text-muted-foreground">
            Changes in the console, signed and pushed to your platform as they happen (Standard Webhooks). The same
            events can be pulled from <code className="font-mono">GET /api/v1/events</code>; see docs/API.md.
          </p>
        </div>
        {canWrite(me) ? <CreateEndpointDialog eventTypes={eventTypes} tenants={tenants} /> : null}
      </div>
      <WebhooksView initial={endpoints} canWrite={canWrite(me)} showTenant={staff} eventTypeCount={eventTypes.length} />
    </div>
  );
}
