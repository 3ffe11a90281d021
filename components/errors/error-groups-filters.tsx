// The error groups page's filters: a plain GET form, so the URL is the state and works without
// script.
import { Button } from "@/components/ui/button";
import { Input, fieldClassName } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { ERROR_GROUP_SORTS } from "@/server/error-groups/error-groups.types";

const SORT_LABEL: Record<(typeof ERROR_GROUP_SORTS)[number], string> = {
  errors: "Most errors",
  connections: "Most connections",
  lastSeen: "Last seen",
  firstSeen: "First seen (oldest)",
};

export function ErrorGroupsFilters({
  q,
  provider,
  statusCode,
  sort,
  providers,
  statusCodes,
}: {
  q: string;
  provider: string;
  statusCode: string;
  sort: string;
  providers: { value: string; label: string }[];
  statusCodes: string[];
}) {
  const select = cn(fieldClassName, "h-9 w-auto py-1");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter error groups">
      <label className="grid gap-1 text-xs text-muted-foreground">
        Message
        <Input name="q" defaultValue={q} placeholder="Search messages" className="w-64" />
      </label>
      <label className="grid gap-1 text-xs text-muted-foreground">
        Provider
        <select name="provider" defaultValue={provider} className={select}>
          <option value="">Any</option>
          {providers.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-xs text-muted-foreground">
        Status code
        <select name="code" defaultValue={statusCode} className={select}>
          <option value="">Any</option>
          {statusCodes.map((c) => (
            <option key={c} value={c}>
              {c || "(none)"}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-xs text-muted-foreground">
        Sort
        <select name="sort" defaultValue={sort} className={select}>
          {ERROR_GROUP_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}
