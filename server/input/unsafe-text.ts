// The one input rule for text: no NUL character and no unpaired UTF-16 surrogate. PostgreSQL text
// cannot hold U+0000 (the driver fails the whole statement), and a lone surrogate is not Unicode
// (it is silently turned into U+FFFD on the way to the database, so what is stored is not what
// was sent). Every door that takes text applies it: tRPC (a middleware on every procedure),
// ingest records, export and page query strings, decoded cursors.

// With the `u` flag a paired surrogate is one code point, so only an unpaired one matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why this text is refused, as a phrase for "<field> <problem>", or null when it is fine. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (U+0000), which is not allowed in text";
  if (LONE_SURROGATE.test(text)) return "contains an unpaired UTF-16 surrogate, which is not valid Unicode text";
  return null;
}

export type InputPath = (string | number)[];

export interface UnsafeText {
  path: InputPath;
  problem: string;
}

const MAX_DEPTH = 100;

/**
 * The first string (value or object key) in `value` that breaks the rule, with its path, e.g.
 * `{ path: ["filters", "search"], problem: "contains a NUL character…" }`. Walks arrays, plain
 * objects, Maps and Sets (superjson inputs); other values hold no client text.
 */
export function findUnsafeText(value: unknown, path: InputPath = [], depth = 0): UnsafeText | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value instanceof Date) return null;
  const entries: Iterable<[unknown, unknown]> =
    value instanceof Map
      ? value.entries()
      : value instanceof Set
        ? [...value].map((v, i): [number, unknown] => [i, v])
        : Object.entries(value);
  for (const [key, v] of entries) {
    const name = typeof key === "number" ? key : String(key);
    if (typeof key === "string") {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: [...path, safeKey(key)], problem: `(a key) ${keyProblem}` };
    }
    const found = findUnsafeText(v, [...path, name], depth + 1);
    if (found) return found;
  }
  return null;
}

/** A bad key cannot name itself in a message: show it with the offending characters escaped. */
function safeKey(key: string): string {
  return key.replaceAll("\u0000", "\\u0000").replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** `filters.status[0]`: a path as people write it. */
export function formatInputPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

export const capitalise = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/** The rule as a zod refinement, for schemas parsed outside tRPC (page query strings). */
export function refineText(value: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }) {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: capitalise(problem) });
}
