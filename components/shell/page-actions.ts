"use client";
// The current page's actions, for the command palette: a page's components register what they
// can do (pause this connection, create a relink link, sort by open errors…) while mounted, and
// the palette lists them. A module-level store, so the shell needs no provider around pages.
import { useEffect, useRef, useSyncExternalStore } from "react";

export interface PageAction {
  /** stable across renders; two components registering the same id show one entry */
  id: string;
  label: string;
  run: () => void;
}

const registered = new Map<symbol, PageAction[]>();
const listeners = new Set<() => void>();
const NONE: PageAction[] = [];
let snapshot: PageAction[] = NONE;

function publish() {
  const byId = new Map<string, PageAction>();
  for (const actions of registered.values()) for (const a of actions) if (!byId.has(a.id)) byId.set(a.id, a);
  snapshot = [...byId.values()];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Offers `actions` in the command palette while the calling component is mounted. */
export function usePageActions(actions: PageAction[]) {
  // The latest closures run; the palette's list changes only when ids or labels do.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const key = actions.map((a) => `${a.id}\u0000${a.label}`).join("\u0001");
  useEffect(() => {
    const token = Symbol("page-actions");
    const entries = key === "" ? [] : key.split("\u0001").map((entry) => entry.split("\u0000"));
    registered.set(
      token,
      entries.map(([id = "", label = ""]) => ({
        id,
        label,
        run: () => latest.current.find((a) => a.id === id)?.run(),
      })),
    );
    publish();
    return () => {
      registered.delete(token);
      publish();
    };
  }, [key]);
}

/** The actions the mounted page offers now. */
export function useRegisteredPageActions(): PageAction[] {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => NONE,
  );
}
