"use client";
// The `?` dialog: every console-wide key (components/shell/keyboard-shortcuts.tsx), loaded on the
// first press.
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["/"], what: "Focus the search on this page" },
  { keys: ["Ctrl", "K"], what: "Command palette: run this page's actions, go to a page or a connection (⌘K on a Mac)" },
  { keys: ["?"], what: "Show these shortcuts" },
  { keys: ["j", "k"], what: "Next and previous row of the page's table (arrow keys too, once in it)" },
  { keys: ["Enter"], what: "In a table: open the focused row" },
  { keys: ["Space"], what: "In a table: select the focused row" },
  { keys: ["Esc"], what: "Close a dialog or menu" },
];

export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
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
  );
}
