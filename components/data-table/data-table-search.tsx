"use client";
// A table's search box: writes after a short pause, not on every keystroke; Enter applies at
// once; `/` anywhere on the page focuses it (components/shell/keyboard-shortcuts.tsx).
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

export function DataTableSearch({
  value,
  onChange,
  label,
  placeholder,
  shortcut = false,
}: {
  value: string;
  onChange: (value: string) => void;
  /** the accessible name, e.g. "Search connections" */
  label: string;
  placeholder: string;
  /** the page's main search: `/` focuses it, and it shows that key */
  shortcut?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const last = useRef(value);
  // Follow the URL when it changes from outside (back/forward, a saved view).
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setDraft(value);
    }
  }, [value]);
  useEffect(() => {
    if (draft === last.current) return;
    const t = setTimeout(() => {
      last.current = draft;
      onChange(draft);
    }, 300);
    return () => clearTimeout(t);
  }, [draft, onChange]);
  return (
    <div className="relative w-full sm:max-w-xs">
      <Search
        className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
      <Input
        type="search"
        aria-label={label}
        aria-keyshortcuts={shortcut ? "/" : undefined}
        data-page-search={shortcut ? "" : undefined}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            last.current = draft;
            onChange(draft);
          }
        }}
        className="h-8 pl-8 pr-8"
      />
      {shortcut && !draft ? (
        // The shortcut, shown where the clear button goes once there is text.
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border bg-muted px-1.5 font-mono text-xs text-muted-foreground sm:block"
        >
          /
        </kbd>
      ) : null}
      {draft ? (
        <button
          type="button"
          aria-label="Clear search"
          className="absolute right-2 top-1/2 -translate-y-1/2 text-muted-foreground hover:text-foreground"
          onClick={() => {
            last.current = "";
            setDraft("");
            onChange("");
          }}
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}
