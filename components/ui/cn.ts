// A tiny clsx: joins truthy class names. No tailwind-merge, so component
// variants are written not to conflict with each other.
export type ClassValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | ClassValue[]
  | { [className: string]: boolean | null | undefined };

export function cn(...inputs: ClassValue[]): string {
  const out: string[] = [];
  const visit = (value: ClassValue): void => {
    if (!value && value !== 0) return;
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
      out.push(String(value));
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === "object") {
      for (const [name, on] of Object.entries(value)) if (on) out.push(name);
    }
  };
  inputs.forEach(visit);
  return out.join(" ");
}
