"use client";
// Column visibility and density. The URL's `cols` wins (a shared link shows its columns);
// otherwise the user's remembered choice. Every change is both written to the URL and
// remembered for the user.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import type { TablePrefs } from "@/server/views/views.types";
import type { Density } from "@/components/data-table/data-table";

export function useTablePrefs(opts: {
  optional: readonly { id: string }[];
  urlCols: string[] | null;
  initial: TablePrefs;
  setUrlCols: (cols: string[]) => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.views.setPrefs.mutationOptions());
  const [hidden, setHidden] = useState<string[]>(opts.initial.hiddenColumns);
  const [density, setDensityState] = useState<Density>(opts.initial.density);
  // Stable while the caller passes the same (memoised) columns, so the table state below is too.
  const ids = useMemo(() => opts.optional.map((c) => c.id), [opts.optional]);

  const visible = useMemo(
    () => new Set(opts.urlCols ?? ids.filter((id) => !hidden.includes(id))),
    [opts.urlCols, hidden, ids],
  );
  const columnVisibility = useMemo(() => Object.fromEntries(ids.map((id) => [id, visible.has(id)])), [visible, ids]);

  function toggle(id: string, on: boolean) {
    const next = ids.filter((c) => (c === id ? on : visible.has(c)));
    const nextHidden = ids.filter((c) => !next.includes(c));
    setHidden(nextHidden);
    opts.setUrlCols(next);
    save.mutate({ table: "connections", hiddenColumns: nextHidden, density });
  }
  function setDensity(d: Density) {
    setDensityState(d);
    save.mutate({ table: "connections", hiddenColumns: hidden, density: d });
  }
  return { visible, columnVisibility, toggle, density, setDensity };
}
