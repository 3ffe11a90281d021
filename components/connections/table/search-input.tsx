"use client";
// The connections search: id, name, external ref, provider, tenant, and the last error's code
// and message.
import { DataTableSearch } from "@/components/data-table/data-table-search";

export function SearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <DataTableSearch
      value={value}
      onChange={onChange}
      label="Search connections"
      shortcut
      placeholder="Search name, id, tenant, error…"
    />
  );
}
