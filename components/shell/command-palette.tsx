"use client";
// Ctrl/⌘+K: type to go to a page, or to a connection by its id, name, external ref or last
// error (the list's own search, through the user's scope), or to run one of the current page's
// actions (components register them with usePageActions). Arrow keys move, Enter goes.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { NavItem } from "./app-shell";
import { useRegisteredPageActions } from "./page-actions";

interface Choice {
  key: string;
  label: string;
  hint: string;
  href?: string;
  run?: () => void;
}

export function CommandPalette({
  open,
  onOpenChange,
  items,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  items: NavItem[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const term = useDeferredValue(text.trim());
  const listId = useId();
  const found = useQuery({
    ...trpc.connections.list.queryOptions({ q: term, limit: 25 }),
    enabled: open && term.length >= 2,
    staleTime: 10_000,
  });
  const lower = term.toLowerCase();
  const actions = useRegisteredPageActions();
  const choices: Choice[] = [
    ...actions
      .filter((a) => lower === "" || a.label.toLowerCase().includes(lower))
      .map((a) => ({ key: `action:${a.id}`, label: a.label, hint: "This page", run: a.run })),
    ...items
      .filter((i) => lower === "" || i.label.toLowerCase().includes(lower))
      .map((i) => ({ key: `page:${i.href}`, label: i.label, hint: "Page", href: i.href })),
    ...(term.length >= 2 ? (found.data?.rows ?? []) : []).slice(0, 8).map((r) => ({
      key: `connection:${r.id}`,
      label: r.name,
      hint: `${r.id} · ${r.tenant_name}`,
      href: `/connections/${encodeURIComponent(r.id)}`,
    })),
    ...(term.length >= 2
      ? [
          {
            key: "search",
            label: `Search connections for “${term}”`,
            hint: "Connections",
            href: `/connections?q=${encodeURIComponent(term)}`,
          },
        ]
      : []),
  ];
  const current = Math.min(active, Math.max(0, choices.length - 1));
  const go = (c: Choice | undefined) => {
    if (!c) return;
    onOpenChange(false);
    setText("");
    // After the palette has closed and handed focus back, so a dialog the action opens keeps it.
    if (c.run) window.setTimeout(c.run, 0);
    else if (c.href) router.push(c.href);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setText("");
      }}
    >
      <DialogContent className="top-[15%] translate-y-0 gap-3 p-4">
        <DialogHeader>
          <DialogTitle>Go to…</DialogTitle>
          <DialogDescription>
            An action on this page, a page, or a connection by id, name, external ref or error.
          </DialogDescription>
        </DialogHeader>
        <input
          role="combobox"
          aria-expanded={choices.length > 0}
          aria-controls={listId}
          aria-activedescendant={choices[current] ? `${listId}-${current}` : undefined}
          aria-label="Go to"
          autoFocus
          value={text}
          placeholder="Type an action, a page or a connection…"
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive(Math.min(current + 1, choices.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive(Math.max(current - 1, 0));
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(choices[current]);
            }
          }}
          className="h-10 w-full rounded-md border border-input bg-background px-3 text-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
        />
        <ul id={listId} role="listbox" aria-label="Results" className="max-h-80 overflow-y-auto">
          {choices.map((c, i) => (
            <li
              key={c.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(c)}
              className={cn(
                "flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm",
                i === current && "bg-muted",
              )}
            >
              <span className="truncate font-medium">{c.label}</span>
              <span className="shrink-0 truncate text-xs text-muted-foreground">{c.hint}</span>
            </li>
          ))}
          {term.length >= 2 && found.isFetching ? (
            <li className="px-3 py-2 text-sm text-muted-foreground">Searching…</li>
          ) : null}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
