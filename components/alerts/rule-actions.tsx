"use client";
// Per-rule actions for writers: edit, enable or disable, delete (confirmed).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import type { AlertRule } from "@/server/alerts/alerts.types";
import { RuleDialog, type EndpointOption } from "./rule-dialog";

export function RuleActions({
  rule,
  tenants,
  endpoints,
}: {
  rule: AlertRule;
  tenants: { id: string; name: string }[] | null;
  endpoints: EndpointOption[];
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const onError = (error: { message: string }) =>
    toast({ title: "Could not change the rule", description: error.message, variant: "destructive" });
  const enable = useMutation(trpc.alerts.setEnabled.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.alerts.delete.mutationOptions({
      onSuccess: () => {
        toast({ title: `Rule “${rule.name}” deleted`, variant: "success" });
        setDialog(null);
        return refresh();
      },
    }),
  );
  return (
    <div className="flex justify-end gap-1">
      <Button variant="outline" size="sm" onClick={() => setDialog("edit")} aria-label={`Edit rule ${rule.name}`}>
        Edit
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={enable.isPending}
        onClick={() => enable.mutate({ id: rule.id, expectedVersion: rule.version, enabled: !rule.enabled })}
        aria-label={`${rule.enabled ? "Disable" : "Enable"} rule ${rule.name}`}
      >
        {rule.enabled ? "Disable" : "Enable"}
      </Button>
      <Button variant="outline" size="sm" onClick={() => setDialog("delete")} aria-label={`Delete rule ${rule.name}`}>
        Delete
      </Button>
      {dialog === "edit" ? (
        <RuleDialog
          rule={rule}
          tenants={tenants}
          endpoints={endpoints}
          open
          onOpenChange={(open) => setDialog(open ? "edit" : null)}
        />
      ) : null}
      <FormDialog
        open={dialog === "delete"}
        onOpenChange={(open) => {
          setDialog(open ? "delete" : null);
          remove.reset();
        }}
        title={`Delete rule “${rule.name}”?`}
        description="Its notifications go with it. This cannot be undone."
        onSubmit={() => remove.mutate({ id: rule.id })}
        submitLabel="Delete rule"
        submitVariant="destructive"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error?.message}
      />
    </div>
  );
}
