"use client";
// Creates an API key with its scopes. The key itself is in the create response only: the dialog
// shows it once with a copy button, and it is gone when the dialog closes.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { TenantSelect } from "@/components/ui/tenant-select";
import type { ApiKeyScope } from "@/lib/api-key-scopes";
import { PLATFORM_LABELS, type TenantOption } from "./labels";
import { ScopeCheckboxes } from "./scope-checkboxes";

const ALL_TENANTS = "__all";
type Platform = keyof typeof PLATFORM_LABELS;

export function CreateApiKeyDialog({ tenants }: { tenants: TenantOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [platform, setPlatform] = useState<Platform>("codat");
  const [tenant, setTenant] = useState(ALL_TENANTS);
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["ingest"]);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  const created = create.data;
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      create.reset();
      setName("");
      setTenant(ALL_TENANTS);
      setScopes(["ingest"]);
    }
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={close}
      trigger={
        <Button>
          <KeyRound aria-hidden="true" />
          Create API key
        </Button>
      }
      title={created ? "API key created" : "Create an API key"}
      description={
        created
          ? "Copy the key now: it is shown only once and cannot be recovered. Revoke it and create a new one if it is lost."
          : "A key lets a platform push data to /api/ingest and use the REST API (/api/v1), as far as its scopes allow. It imports one platform's data and may be bound to one tenant."
      }
      onSubmit={() =>
        create.mutate({ name: name.trim(), platform, tenantId: tenant === ALL_TENANTS ? null : tenant, scopes })
      }
      submitDisabled={scopes.length === 0}
      submitLabel="Create key"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={create.error?.message}
      result={
        created
          ? {
              body: (
                <div className="flex flex-col gap-2">
                  <Label htmlFor="new-api-key">Key for {created.apiKey.name}</Label>
                  <div className="flex gap-2">
                    <Input
                      id="new-api-key"
                      readOnly
                      value={created.key}
                      className="font-mono text-xs"
                      onFocus={(e) => e.currentTarget.select()}
                    />
                    <CopyButton value={created.key} label="Copy key" />
                  </div>
                </div>
              ),
              actions: <Button onClick={() => close(false)}>Done</Button>,
            }
          : null
      }
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="api-key-name">Name</Label>
        <Input
          id="api-key-name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Codat production sync"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="api-key-platform">Platform</Label>
        <Select value={platform} onValueChange={(v) => setPlatform(v as Platform)}>
          <SelectTrigger id="api-key-platform">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {Object.entries(PLATFORM_LABELS).map(([value, label]) => (
              <SelectItem key={value} value={value}>
                {label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <TenantSelect
        id="api-key-tenant"
        label="Tenant"
        value={tenant}
        onChange={setTenant}
        tenants={tenants}
        allValue={ALL_TENANTS}
        allLabel="All tenants (records name their tenant; REST sees every tenant)"
      />
      <ScopeCheckboxes idPrefix="new-scope" value={scopes} onChange={setScopes} />
    </FormDialog>
  );
}
