"use client";
// Saved views: name the current URL state, list and open saved ones, delete them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
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
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  // The page and cursor are not part of a view: a saved view opens on its first page.
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
          <DropdownMenuLabel>Saved views</DropdownMenuLabel>
          {views.data?.length === 0 ? <div className="px-2 py-1.5 text-sm text-muted-foreground">None yet</div> : null}
          {views.data?.map((v) => (
            <DropdownMenuItem
              key={v.id}
              onSelect={() => router.push(`/connections${v.query ? `?${v.query}` : ""}`)}
              className="group"
            >
              <span className="flex-1 truncate">{v.name}</span>
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
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              setName("");
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
        onSubmit={() => save.mutate({ table: "connections", name, query: viewQuery.toString() })}
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
      </FormDialog>
    </>
  );
}
