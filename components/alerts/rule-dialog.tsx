"use client";
// Creates or edits an alert rule: the condition (kind and its N or status), the scope (tenant for
// support staff, platform, provider, tag) and the channels (bell, e-mail addresses, a webhook
// endpoint). The server checks everything again and its message names the field at fault.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Checkbox } from "@/components/ui/checkbox";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { TenantSelect } from "@/components/ui/tenant-select";
import { toast } from "@/components/ui/toast";
import { CONNECTION_STATUSES, PLATFORMS, type ConnectionStatus, type Platform } from "@/lib/constants";
import {
  ALERT_DELIVERIES,
  ALERT_KINDS,
  type AlertDelivery,
  type AlertKindName,
  type AlertRule,
} from "@/server/alerts/alerts.types";
import { AUTO_RELINK_LABEL, DELIVERY_LABELS, KIND_LABELS, THRESHOLD_UNIT } from "./rule-labels";

const ANY = "__any";

export interface EndpointOption {
  id: string;
  label: string;
  tenant_id: string | null;
}

/** Field problems the browser can see before asking the server. */
function localProblems(f: {
  name: string;
  kind: AlertKindName;
  threshold: string;
  emailOn: boolean;
  emails: string[];
}) {
  const out: string[] = [];
  if (!f.name.trim()) out.push("Name: give the rule a name.");
  if (THRESHOLD_UNIT[f.kind]) {
    const n = Number(f.threshold);
    if (!Number.isInteger(n) || n < 1) out.push(`N: a whole number of ${THRESHOLD_UNIT[f.kind]}, 1 or more.`);
  }
  if (f.emailOn && f.emails.length === 0) out.push("E-mail: give at least one address.");
  return out;
}

export function RuleDialog({
  rule,
  tenants,
  endpoints,
  trigger,
  open,
  onOpenChange,
}: {
  rule: AlertRule | null;
  tenants: { id: string; name: string }[] | null;
  endpoints: EndpointOption[];
  trigger?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState(rule?.name ?? "");
  const [kind, setKind] = useState<AlertKindName>(rule?.kind ?? "needs_relink");
  const [threshold, setThreshold] = useState(rule?.threshold ? String(rule.threshold) : "7");
  const [status, setStatus] = useState<ConnectionStatus>(rule?.status ?? "error");
  const [tenant, setTenant] = useState(rule?.tenant_id ?? ANY);
  const [platform, setPlatform] = useState<string>(rule?.platform ?? ANY);
  const [provider, setProvider] = useState(rule?.provider ?? "");
  const [tag, setTag] = useState(rule?.tag ?? "");
  const [bell, setBell] = useState(rule?.bell ?? true);
  const [emailOn, setEmailOn] = useState((rule?.email_to.length ?? 0) > 0);
  const [emails, setEmails] = useState(rule?.email_to.join(", ") ?? "");
  const [autoRelink, setAutoRelink] = useState(rule?.auto_relink ?? false);
  const [delivery, setDelivery] = useState<AlertDelivery>(rule?.delivery ?? "immediate");
  const [endpoint, setEndpoint] = useState(rule?.webhook_endpoint_id ?? ANY);
  const [shown, setShown] = useState<string[]>([]);
  const done = (verb: string) => {
    toast({ title: `Rule ${verb}`, variant: "success" });
    onOpenChange(false);
    return qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  };
  const create = useMutation(trpc.alerts.create.mutationOptions({ onSuccess: () => done("created") }));
  const update = useMutation(trpc.alerts.update.mutationOptions({ onSuccess: () => done("saved") }));
  const pending = create.isPending || update.isPending;
  const serverError = create.error?.message ?? update.error?.message;
  const emailList = emails
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const ruleTenant = tenants ? (tenant === ANY ? null : tenant) : undefined;
  // A rule over every tenant may only use a platform-wide endpoint; a tenant's rule its own or a platform one.
  const usable = endpoints.filter(
    (e) => e.tenant_id === null || ruleTenant === undefined || (ruleTenant !== null && e.tenant_id === ruleTenant),
  );

  const submit = () => {
    const problems = localProblems({ name, kind, threshold, emailOn, emails: emailList });
    setShown(problems);
    if (problems.length) return;
    const input = {
      name: name.trim(),
      kind,
      threshold: THRESHOLD_UNIT[kind] ? Number(threshold) : null,
      status: kind === "status_is" ? status : null,
      tenant_id: ruleTenant ?? null,
      platform: platform === ANY ? null : (platform as Platform),
      provider: provider.trim() || null,
      tag: tag.trim() || null,
      email: emailOn,
      email_to: emailOn ? emailList : [],
      delivery,
      auto_relink: kind === "needs_relink" && autoRelink,
      webhook_endpoint_id: endpoint === ANY ? null : endpoint,
      bell,
      enabled: rule?.enabled ?? true,
    };
    if (rule) update.mutate({ id: rule.id, expectedVersion: rule.version, rule: input });
    else create.mutate(input);
  };
  const errors = [...shown, ...(serverError ? [serverError] : [])];

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) {
          create.reset();
          update.reset();
          setShown([]);
        }
      }}
      trigger={trigger}
      title={rule ? `Edit rule “${rule.name}”` : "New alert rule"}
      description="Fires once when a connection (or error group) starts meeting the condition, and again only after it has cleared. What already meets it when you save is counted, not notified."
      onSubmit={submit}
      submitLabel={rule ? "Save rule" : "Create rule"}
      pendingLabel="Saving…"
      pending={pending}
      error={
        errors.length ? (
          <ul className="list-inside list-disc" data-testid="rule-errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : undefined
      }
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="rule-name">Name</Label>
        <Input id="rule-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="rule-kind">When</Label>
          <Select value={kind} onValueChange={(v) => setKind(v as AlertKindName)}>
            <SelectTrigger id="rule-kind">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {ALERT_KINDS.map((k) => (
                <SelectItem key={k} value={k}>
                  {KIND_LABELS[k]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        {THRESHOLD_UNIT[kind] ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-threshold">N ({THRESHOLD_UNIT[kind]})</Label>
            <Input
              id="rule-threshold"
              type="number"
              inputMode="numeric"
              min={1}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          </div>
        ) : null}
        {kind === "status_is" ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-status">Status</Label>
            <Select value={status} onValueChange={(v) => setStatus(v as ConnectionStatus)}>
              <SelectTrigger id="rule-status">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {CONNECTION_STATUSES.map((s) => (
                  <SelectItem key={s} value={s}>
                    {s}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ) : null}
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Scope</legend>
        {tenants ? (
          <TenantSelect
            id="rule-tenant"
            label="Tenant"
            value={tenant}
            onChange={setTenant}
            tenants={tenants}
            allValue={ANY}
            allLabel="Every tenant"
            disabled={rule !== null}
          />
        ) : null}
        {kind !== "error_group_size" ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-platform">Platform</Label>
            <Select value={platform} onValueChange={setPlatform}>
              <SelectTrigger id="rule-platform">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>Any platform</SelectItem>
                {PLATFORMS.map((p) => (
                  <SelectItem key={p} value={p}>
                    {p}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="rule-provider">Provider (optional)</Label>
          <Input
            id="rule-provider"
            placeholder="e.g. xero"
            maxLength={100}
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
          />
        </div>
        {kind !== "error_group_size" ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-tag">Tag (optional)</Label>
            <Input id="rule-tag" maxLength={60} value={tag} onChange={(e) => setTag(e.target.value)} />
          </div>
        ) : null}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Channels</legend>
        <div className="flex items-center gap-2">
          <Checkbox id="rule-bell" checked={bell} onCheckedChange={(c) => setBell(c === true)} />
          <Label htmlFor="rule-bell" className="font-normal">
            Notification bell in the console
          </Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="rule-email" checked={emailOn} onCheckedChange={(c) => setEmailOn(c === true)} />
          <Label htmlFor="rule-email" className="font-normal">
            E-mail
          </Label>
        </div>
        {emailOn ? (
          <>
            <Input
              aria-label="E-mail addresses"
              placeholder="ops@example.com, oncall@example.com"
              value={emails}
              onChange={(e) => setEmails(e.target.value)}
            />
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="rule-delivery">E-mail delivery</Label>
              <Select value={delivery} onValueChange={(v) => setDelivery(v as AlertDelivery)}>
                <SelectTrigger id="rule-delivery">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ALERT_DELIVERIES.map((d) => (
                    <SelectItem key={d} value={d}>
                      {DELIVERY_LABELS[d]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          </>
        ) : null}
        {kind === "needs_relink" ? (
          <div className="flex items-center gap-2">
            <Checkbox id="rule-auto-relink" checked={autoRelink} onCheckedChange={(c) => setAutoRelink(c === true)} />
            <Label htmlFor="rule-auto-relink" className="font-normal">
              {AUTO_RELINK_LABEL}
            </Label>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="rule-webhook">Webhook endpoint</Label>
          <Select value={endpoint} onValueChange={setEndpoint}>
            <SelectTrigger id="rule-webhook">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>None</SelectItem>
              {usable.map((e) => (
                <SelectItem key={e.id} value={e.id}>
                  {e.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </fieldset>
    </FormDialog>
  );
}
