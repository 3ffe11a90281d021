"use client";
// Console-wide keys: `/` focuses the page's search, `?` lists the shortcuts, Ctrl/⌘+K opens the
// command palette, `j`/`k` step through the rows of the page's table (Enter opens the row).
// Keys typed into a field are the field's, never a shortcut.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { NavItem } from "./app-shell";

// The two dialogs load on their first key press, not with every page: most visits never open them.
const ShortcutsHelp = dynamic(() => import("./shortcuts-help").then((m) => m.ShortcutsHelp), { ssr: false });
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** Whether a key event belongs to something that takes text or keys itself. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest("[role=menu],[role=listbox],[role=dialog]") !== null
  );
}

/**
 * Moves focus to the next (1) or previous (-1) row of the page's first table that has rows to
 * open: a focusable row itself (the data table's), else the row's first link, which Enter opens.
 * From outside the table, `j` enters at its first row (or the one it last had).
 */
function stepRow(step: 1 | -1): boolean {
  const table = document.querySelector("main table:has(tbody tr a[href], tbody tr[data-row])");
  if (!table) return false;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>("tbody tr")].filter(
    (r) => r.hasAttribute("data-row") || r.querySelector("a[href]"),
  );
  const here = document.activeElement instanceof Element ? document.activeElement.closest("tr") : null;
  const at = here ? rows.indexOf(here) : -1;
  const roving = rows.findIndex((r) => r.tabIndex === 0 && r.hasAttribute("data-row"));
  const next = at === -1 ? Math.max(roving, 0) : Math.max(0, Math.min(rows.length - 1, at + step));
  const row = rows[next];
  if (!row) return false;
  const target = row.hasAttribute("data-row") ? row : row.querySelector<HTMLElement>("a[href]");
  target?.focus();
  target?.scrollIntoView({ block: "nearest" });
  return true;
}

export function KeyboardShortcuts({ items }: { items: NavItem[] }) {
  const [help, setHelp] = useState(false);
  const [palette, setPalette] = useState(false);
  const [helpUsed, setHelpUsed] = useState(false);
  const [paletteUsed, setPaletteUsed] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setPaletteUsed(true);
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
        setHelpUsed(true);
        setHelp(true);
      } else if ((e.key === "j" || e.key === "k") && !e.defaultPrevented) {
        // A focused data-table row moves itself (and prevents the default); this takes the
        // keys from anywhere else on the page into the table.
        if (stepRow(e.key === "j" ? 1 : -1)) e.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      {/* mounted once first opened (keeping the dialogs' closing animation and state after) */}
      {helpUsed ? <ShortcutsHelp open={help} onOpenChange={setHelp} /> : null}
      {paletteUsed ? <CommandPalette open={palette} onOpenChange={setPalette} items={items} /> : null}
    </>
  );
}
