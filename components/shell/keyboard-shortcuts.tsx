"use client";
// Console-wide keys: `/` focuses the page's search, `?` lists the shortcuts, Ctrl/⌘+K opens the
// command palette. Keys typed into a field are the field's, never a shortcut.
import { useEffect, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { NavItem } from "./app-shell";
import { CommandPalette } from "./command-palette";

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["/"], what: "Focus the search on this page" },
  { keys: ["Ctrl", "K"], what: "Command palette: go to a page or a connection (⌘K on a Mac)" },
  { keys: ["?"], what: "Show these shortcuts" },
  { keys: ["j", "k"], what: "In a table: next and previous row (arrow keys too)" },
  { keys: ["Enter"], what: "In a table: open the focused row" },
  { keys: ["Space"], what: "In a table: select the focused row" },
  { keys: ["Esc"], what: "Close a dialog or menu" },
];

/** Whether a key event belongs to something that takes text or keys itself. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest("[role=menu],[role=listbox],[role=dialog]") !== null
  );
}

export function KeyboardShortcuts({ items }: { items: NavItem[] }) {
  const [help, setHelp] = useState(false);
  const [palette, setPalette] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setPalette((open) => !open);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (e.key === "/") {
        const search =
          document.querySelector<HTMLInputElement>("main [data-page-search]") ??
          document.querySelector<HTMLInputElement>("main input[type=search]");
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
      } else if (e.key === "?") {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <Dialog open={help} onOpenChange={setHelp}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Keyboard shortcuts</DialogTitle>
            <DialogDescription>They work anywhere in the console, except while typing in a field.</DialogDescription>
          </DialogHeader>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map((s) => (
              <div key={s.what} className="contents">
                <dt className="flex gap-1">
                  {s.keys.map((k) => (
                    <kbd key={k} className="rounded border bg-muted px-1.5 font-mono text-xs">
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
      <CommandPalette open={palette} onOpenChange={setPalette} items={items} />
    </>
  );
}
