"use client";
// Saved views: name the current URL state, list and open saved ones, delete them. A view can be
// shared with the owner's tenant (support: with all staff); the menu lists "Mine" and "Shared"
// apart, and only the owner shares, unshares or deletes one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, Trash2, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";

export function SavedViewsMenu({ query }: { query: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const views = useQuery(trpc.views.list.queryOptions({ table: "connections" }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.views.list.queryKey() });
  const save = useMutation(
    trpc.views.save.mutationOptions({
      onSuccess: (v) => {
        void refresh();
        toast({ title: `Saved view “${v.name}”`, variant: "success" });
        setOpen(false);
      },
    }),
  );
  const remove = useMutation(trpc.views.remove.mutationOptions({ onSuccess: () => void refresh() }));
  const share = useMutation(
    trpc.views.share.mutationOptions({
      onSuccess: (v) => {
        void refresh();
        toast({ title: v.shared ? `Shared “${v.name}” with ${shareTarget}` : `“${v.name}” is private again` });
      },
      onError: (error) => toast({ title: "Could not share", description: error.message, variant: "destructive" }),
    }),
  );
  const me = useQuery({ ...trpc.me.get.queryOptions(), staleTime: 5 * 60_000 });
  const staff = me.data?.role === "support";
  const shareValue = staff ? ("staff" as const) : ("tenant" as const);
  const shareTarget = staff ? "all support staff" : (me.data?.tenantName ?? "your tenant");
  const mine = views.data?.filter((v) => v.mine) ?? [];
  const shared = views.data?.filter((v) => !v.mine) ?? [];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shareNew, setShareNew] = useState(false);
  // The page and cursor are not part of a view: a saved view opens on its first page.
  const open_ = (q: string) => router.push(`/connections${q ? `?${q}` : ""}`);
  const viewQuery = new URLSearchParams(query);
  viewQuery.delete("cursor");
  viewQuery.delete("nav");

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" className="h-8">
            <Bookmark className="size-4" aria-hidden="true" />
            Views
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>Mine</DropdownMenuLabel>
          {views.data && mine.length === 0 ? (
            <div className="px-2 py-1.5 text-sm text-muted-foreground">None yet</div>
          ) : null}
          {mine.map((v) => (
            <DropdownMenuItem key={v.id} onSelect={() => open_(v.query)} className="group">
              <span className="flex-1 truncate">{v.name}</span>
              {v.shared ? <span className="sr-only">(shared)</span> : null}
              <button
                type="button"
                aria-label={v.shared ? `Stop sharing view ${v.name}` : `Share view ${v.name} with ${shareTarget}`}
                aria-pressed={v.shared !== null}
                title={v.shared ? `Shared with ${shareTarget}; click to make private` : `Share with ${shareTarget}`}
                className={`rounded p-0.5 hover:text-foreground ${v.shared ? "text-primary" : "text-muted-foreground opacity-60 group-focus:opacity-100"}`}
                onClick={(e) => {
                  e.stopPropagation();
                  e.preventDefault();
                  share.mutate({ id: v.id, shared: v.shared ? null : shareValue });
                }}
              >
                <Users className="size-3.5" aria-hidden="true" />
              </button>
              <button
                type="button"
                aria-label={`Delete view ${v.name}`}
                className="rounded p-0.5 text-muted-foreground opacity-60 hover:text-destructive-text group-focus:opacity-100"
                onClick={(e) => {
                  e.stopPropagation();
                  e.preventDefault();
                  remove.mutate({ id: v.id });
                }}
              >
                <Trash2 className="size-3.5" aria-hidden="true" />
              </button>
            </DropdownMenuItem>
          ))}
          {shared.length > 0 ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>Shared</DropdownMenuLabel>
              {shared.map((v) => (
                <DropdownMenuItem key={v.id} onSelect={() => open_(v.query)}>
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="truncate">{v.name}</span>
                    {v.owner ? <span className="truncate text-xs text-muted-foreground">by {v.owner}</span> : null}
                  </span>
                </DropdownMenuItem>
              ))}
            </>
          ) : null}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              setName("");
              setShareNew(false);
              setOpen(true);
            }}
          >
            Save current view…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="Save view"
        description="Saves the current filters, search, sort and columns under a name. Saving an existing name replaces it."
        onSubmit={() =>
          save.mutate({
            table: "connections",
            name,
            query: viewQuery.toString(),
            ...(shareNew ? { shared: shareValue } : {}),
          })
        }
        submitLabel="Save"
        pendingLabel="Saving…"
        pending={save.isPending}
        submitDisabled={!name.trim()}
        error={save.error?.message}
      >
        <div className="space-y-2">
          <Label htmlFor="view-name">Name</Label>
          <Input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Xero needing relink"
            autoFocus
            maxLength={80}
          />
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="view-share" checked={shareNew} onCheckedChange={(c) => setShareNew(c === true)} />
          <Label htmlFor="view-share" className="font-normal">
            Share with {shareTarget}
          </Label>
        </div>
      </FormDialog>
    </>
  );
}
