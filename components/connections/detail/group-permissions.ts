// Unified-style permissions (`crm_contact_write`) grouped by category so a long list reads as
// "crm: contact (read, write)". Anything that does not follow the pattern lands in "other".
export interface PermissionGroup {
  category: string;
  objects: { object: string; access: string[]; raw: string[] }[];
}

const PATTERN = /^([a-z0-9]+)_(.+)_(read|write)$/i;

export function groupPermissions(permissions: string[], filter = ""): PermissionGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, Map<string, { access: Set<string>; raw: string[] }>>();
  for (const permission of permissions) {
    if (needle && !permission.toLowerCase().replace(/_/g, " ").includes(needle.replace(/_/g, " "))) continue;
    const match = PATTERN.exec(permission);
    const [category, object, access] = match
      ? [match[1] ?? "", match[2] ?? "", match[3] ?? ""]
      : ["other", permission, ""];
    const objects = groups.get(category) ?? new Map<string, { access: Set<string>; raw: string[] }>();
    groups.set(category, objects);
    const entry = objects.get(object) ?? { access: new Set<string>(), raw: [] };
    objects.set(object, entry);
    if (access) entry.access.add(access.toLowerCase());
    entry.raw.push(permission);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "other" ? 1 : b === "other" ? -1 : a.localeCompare(b)))
    .map(([category, objects]) => ({
      category,
      objects: [...objects.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([object, e]) => ({ object, access: [...e.access].sort(), raw: e.raw })),
    }));
}
