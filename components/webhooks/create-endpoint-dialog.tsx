"use client";
// Adds an endpoint: URL, the event types it wants, and (support staff) whose events. The
// signing secret comes back once, in the dialog's result.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TenantSelect } from "@/components/ui/tenant-select";
import type { EventType } from "@/server/events/event-types";
import { SecretOnce } from "./secret-once";

const ALL_TENANTS = "__all";

export interface EventTypeOption {
  type: EventType;
  description: string;
}

export function CreateEndpointDialog({
  eventTypes,
  tenants,
}: {
  eventTypes: EventTypeOption[];
  /** support staff choose whose events; null for tenant users (their own) */
  tenants: { id: string; name: string }[] | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<EventType[]>(eventTypes.map((e) => e.type));
  const [tenant, setTenant] = useState(ALL_TENANTS);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() }),
    }),
  );
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      create.reset();
      setUrl("");
      setDescription("");
      setEvents(eventTypes.map((e) => e.type));
    }
  };
  const toggle = (type: EventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  return (
    <FormDialog
      open={open}
      onOpenChange={close}
      trigger={
        <Button>
          <Plus aria-hidden="true" />
          Add endpoint
        </Button>
      }
      title={create.data ? "Endpoint added" : "Add a webhook endpoint"}
      description={
        create.data
          ? `Events now go to ${create.data.endpoint.url}, signed with this secret.`
          : "The console POSTs each chosen event to this URL, signed (Standard Webhooks), retrying for 24 hours."
      }
      onSubmit={() =>
        create.mutate({
          url: url.trim(),
          events,
          description: description.trim() || null,
          tenant_id: tenants && tenant !== ALL_TENANTS ? tenant : null,
        })
      }
      submitLabel="Add endpoint"
      pendingLabel="Adding…"
      pending={create.isPending}
      submitDisabled={events.length === 0 || url.trim() === ""}
      error={create.error?.message}
      result={
        create.data
          ? {
              body: <SecretOnce id="new-webhook-secret" secret={create.data.secret} />,
              actions: <Button onClick={() => close(false)}>Done</Button>,
            }
          : null
      }
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="webhook-url">Endpoint URL</Label>
        <Input
          id="webhook-url"
          type="url"
          required
          placeholder="https://platform.example.com/webhooks/console"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="webhook-description">Description (optional)</Label>
        <Input
          id="webhook-description"
          maxLength={200}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {tenants ? (
        <TenantSelect
          id="webhook-tenant"
          label="Events of"
          value={tenant}
          onChange={setTenant}
          tenants={tenants}
          allValue={ALL_TENANTS}
          allLabel="Every tenant (platform-wide)"
        />
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Events</legend>
        <div className="grid max-h-56 gap-2 overflow-auto sm:grid-cols-2">
          {eventTypes.map((e) => (
            <div key={e.type} className="flex items-start gap-2">
              <Checkbox
                id={`event-${e.type}`}
                checked={events.includes(e.type)}
                onCheckedChange={(c) => toggle(e.type, c === true)}
              />
              <Label htmlFor={`event-${e.type}`} className="flex flex-col items-start font-normal">
                <code className="text-xs">{e.type}</code>
                <span className="text-xs text-muted-foreground">{e.description}</span>
              </Label>
            </div>
          ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}
