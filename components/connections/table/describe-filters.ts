// Human descriptions of the active filters, with the patch that removes each one.
import type { ListUrlState } from "@/lib/list-url-state";
import type { FilterPatch } from "./use-list-state";

export interface ActiveFilter {
  label: string;
  clear: FilterPatch;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

export function describeActiveFilters(s: ListUrlState, labels: (key: string, value: string) => string): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  const many = (key: "status" | "provider" | "category" | "platform" | "env" | "tenant", title: string) => {
    const values: string[] = s[key];
    if (values.length)
      out.push({ label: `${title}: ${values.map((v) => labels(key, v)).join(", ")}`, clear: { [key]: null } });
  };
  if (s.q) out.push({ label: `Search: “${s.q}”`, clear: { q: null } });
  many("status", "Status");
  many("provider", "Provider");
  many("tenant", "Tenant");
  many("platform", "Platform");
  many("env", "Environment");
  many("category", "Category");
  if (s.relink !== null) out.push({ label: `Needs relink: ${yesNo(s.relink)}`, clear: { relink: null } });
  if (s.upaused !== null) out.push({ label: `Paused: ${yesNo(s.upaused)}`, clear: { upaused: null } });
  if (s.ppaused !== null) out.push({ label: `Platform-paused: ${yesNo(s.ppaused)}`, clear: { ppaused: null } });
  if (s.errors !== null) out.push({ label: `Active errors: ${yesNo(s.errors)}`, clear: { errors: null } });
  if (s.expires !== null) out.push({ label: `Auth expires within ${s.expires} days`, clear: { expires: null } });
  if (s.stale !== null) out.push({ label: `Last sync over ${s.stale} days ago`, clear: { stale: null } });
  if (s.from) out.push({ label: `Created from ${s.from}`, clear: { from: null } });
  if (s.to) out.push({ label: `Created to ${s.to}`, clear: { to: null } });
  if (s.group) out.push({ label: `Error group ${s.group}`, clear: { group: null } });
  if (s.tag.length) out.push({ label: `Tag: ${s.tag.join(", ")}`, clear: { tag: null } });
  return out;
}
