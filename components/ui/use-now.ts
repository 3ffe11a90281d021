"use client";
// One shared ticking clock, so a table of 500 timestamps sets one interval, not 500.
import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // React re-checks the snapshot after subscribing, so this refresh re-renders at once.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      now = 0; // stale once nobody ticks it; the next subscriber refreshes it
    }
  };
}

const getNow = (): number | null => (now === 0 ? null : now);
const getServerNow = (): number | null => null;

/** The browser's clock, ticking every 30 s; null while rendering on the server and hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, getNow, getServerNow);
}
