// Some senders spell the same record in another key style (Codat's Go models: PascalCase;
// Workiva's Python client: snake_case). We read either, and export in the style that came in.
import type { AdapterIssue } from "./types";

// Called for every key read (paths, lookups): the canonical keys are few, so remember them.
const snakeCache = new Map<string, string>();

export function camelToSnake(key: string): string {
  let snake = snakeCache.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakeCache.size < 1000) snakeCache.set(key, snake);
  }
  return snake;
}

/**
 * Whether `obj` uses the alternative spelling of the known keys. Keys spelled the same in both
 * styles say nothing; a record using both styles is refused rather than guessed.
 */
export function detectAltCasing(
  obj: Record<string, unknown>,
  known: readonly string[],
  toAlt: (key: string) => string,
  path: string,
  issues: AdapterIssue[],
): boolean {
  let canonical = 0;
  let alt = 0;
  for (const key of known) {
    const altKey = toAlt(key);
    if (altKey === key) continue;
    if (Object.hasOwn(obj, key)) canonical += 1;
    if (Object.hasOwn(obj, altKey)) alt += 1;
  }
  if (canonical > 0 && alt > 0) {
    issues.push({ path, reason: "record mixes two key styles (e.g. camelCase and PascalCase/snake_case)" });
  }
  return alt > canonical;
}

/** Rename canonical keys of `obj` to the alternative style; other keys unchanged. */
export function renameKeys(obj: Record<string, unknown>, toAlt: (key: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [toAlt(key), value]));
}
