"use client";
// Changing a live key's scopes; the next request with the key is checked against the new ones.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import type { ApiKeyScope } from "@/lib/api-key-scopes";
import type { ApiKeyRow } from "@/server/api-keys/api-keys.types";
import { ScopeCheckboxes } from "./scope-checkboxes";

export function EditScopesDialog({ apiKey, onClose }: { apiKey: ApiKeyRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  // Start from the key's own scopes each time a key is opened (reset while rendering, not in an effect).
  if (apiKey && editing !== apiKey.id) {
    setEditing(apiKey.id);
    setScopes(apiKey.scopes);
  }
  const save = useMutation(
    trpc.apiKeys.setScopes.mutationOptions({
      onSuccess: (row) => {
        toast({ title: `Scopes of ${row.name} saved`, variant: "success" });
        setEditing(null);
        onClose();
        return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );
  return (
    <FormDialog
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (open) return;
        save.reset();
        setEditing(null);
        onClose();
      }}
      title={<>Scopes of {apiKey?.name}</>}
      description="What requests with this key may do. The change applies to its next request."
      onSubmit={() => apiKey && save.mutate({ id: apiKey.id, scopes })}
      submitLabel="Save scopes"
      pendingLabel="Saving…"
      pending={save.isPending}
      submitDisabled={scopes.length === 0}
      error={save.error?.message}
      cancel
    >
      <ScopeCheckboxes idPrefix="edit-scope" value={scopes} onChange={setScopes} />
    </FormDialog>
  );
}
