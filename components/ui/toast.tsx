"use client";

import dynamic from "next/dynamic";
import * as React from "react";

// A module-level store so `toast()` can be called from any client code (mutation
// callbacks included) without threading context; <Toaster /> renders it once. What draws the
// toasts (radix's toast, ~3.5 kB of gzip on every page) loads after the page has hydrated, not
// with it: a toast only ever follows something the user did.
export type ToastVariant = "default" | "success" | "destructive";
export interface ToastOptions {
  title: string;
  description?: string;
  variant?: ToastVariant;
  durationMs?: number;
}
interface ToastItem extends ToastOptions {
  id: number;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const MAX_TOASTS = 3;

export function toast(options: ToastOptions | string): number {
  const id = nextId++;
  const item = typeof options === "string" ? { id, title: options } : { ...options, id };
  items = [...items, item].slice(-MAX_TOASTS);
  emit();
  return id;
}

export function dismissToast(id: number): void {
  items = items.filter((item) => item.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => items;
const emptySnapshot = (): ToastItem[] => [];

export function useToast() {
  const toasts = React.useSyncExternalStore(subscribe, snapshot, emptySnapshot);
  return { toasts, toast, dismiss: dismissToast };
}

/** Mount once near the root (e.g. in the root layout body). */
export const Toaster = dynamic(() => import("./toast-viewport").then((m) => m.ToastViewport), { ssr: false });
