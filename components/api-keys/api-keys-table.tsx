"use client";
// The API keys list: what each key may do, when it was last used, and a revoke button.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { ApiKeyRow } from "@/server/api-keys/api-keys.types";
import { EditScopesDialog } from "./edit-scopes-dialog";
import { PLATFORM_LABELS } from "./labels";
import { ScopeList } from "./scope-checkboxes";

export function ApiKeysTable({ initial }: { initial: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions(undefined, { initialData: initial })).data;
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [editing, setEditing] = useState<ApiKeyRow | null>(null);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: (row) => {
        toast({ title: `Revoked ${row.name}`, variant: "success" });
        setRevoking(null);
        return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
      onError: (error) =>
        toast({ title: "Could not revoke the key", description: error.message, variant: "destructive" }),
    }),
  );
  if (keys.length === 0)
    return (
      <p className="rounded-lg border p-6 text-sm text-muted-foreground">
        No API keys yet. Create one to let a platform push data or use the REST API.
      </p>
    );
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Platform</TableHead>
            <TableHead>Tenant</TableHead>
            <TableHead>Scopes</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id}>
              <TableCell className="font-medium">{key.name}</TableCell>
              <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
              <TableCell>{PLATFORM_LABELS[key.platform]}</TableCell>
              <TableCell>{key.tenantName ?? <span className="text-muted-foreground">All tenants</span>}</TableCell>
              <TableCell>
                <ScopeList scopes={key.scopes} />
              </TableCell>
              <TableCell>
                <RelativeTime value={key.createdAt} />
              </TableCell>
              <TableCell>
                <RelativeTime value={key.lastUsedAt} />
              </TableCell>
              <TableCell className="text-right">
                {key.revokedAt ? (
                  <Badge variant="muted">Revoked</Badge>
                ) : (
                  <div className="flex justify-end gap-2">
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={() => setEditing(key)}
                      aria-label={`Edit scopes of ${key.name}`}
                    >
                      Scopes
                    </Button>
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={() => setRevoking(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <EditScopesDialog apiKey={editing} onClose={() => setEditing(null)} />
      <FormDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? null : setRevoking(null))}
        title={<>Revoke {revoking?.name}?</>}
        description={
          <>Requests with this key ({revoking?.prefix}…) will be refused from now on. This cannot be undone.</>
        }
        onSubmit={() => revoking && revoke.mutate({ id: revoking.id })}
        submitLabel="Revoke key"
        pendingLabel="Revoking…"
        submitVariant="destructive"
        pending={revoke.isPending}
        cancel
      />
    </>
  );
}
