// Issue paths in the `$.a[0].b` form people paste into support tickets; odd keys are quoted.
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Keys seen before, in their path form (`.id`, `["odd key"]`); bounded, keys repeat per record. */
const segments = new Map<string, string>();

export function childPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  let segment = segments.get(key);
  if (segment === undefined) {
    segment = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    if (segments.size < 1000) segments.set(key, segment);
  }
  return base + segment;
}
