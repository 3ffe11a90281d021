// First gate for every raw record: before any adapter looks at fields, refuse input that could
// pollute prototypes, blow the stack or bloat rows. Reports every problem with its path.
import { childPath } from "./json-path";
import type { AdapterIssue } from "./types";

export const MAX_DEPTH = 32;
export const MAX_STRING_BYTES = 64 * 1024;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const encoder = new TextEncoder();

function tooLong(value: string): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings need no encoding.
  if (value.length * 3 <= MAX_STRING_BYTES) return false;
  return encoder.encode(value).length > MAX_STRING_BYTES;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, path: string, depth: number, issues: AdapterIssue[]): void {
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "string") {
    if (tooLong(value)) issues.push({ path, reason: `string longer than ${MAX_STRING_BYTES} bytes` });
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) issues.push({ path, reason: "number is not finite" });
    return;
  }
  if (typeof value !== "object") {
    issues.push({ path, reason: `${typeof value} is not a JSON value` });
    return;
  }
  if (depth > MAX_DEPTH) {
    issues.push({ path, reason: `nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, childPath(path, index), depth + 1, issues));
    return;
  }
  if (!isPlainObject(value)) {
    issues.push({ path, reason: "not a plain JSON object" });
    return;
  }
  for (const key of Object.keys(value)) {
    const keyPath = childPath(path, key);
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push({ path: keyPath, reason: `key "${key}" is not allowed` });
      continue;
    }
    if (tooLong(key)) {
      issues.push({ path, reason: `key longer than ${MAX_STRING_BYTES} bytes` });
      continue;
    }
    walk((value as Record<string, unknown>)[key], keyPath, depth + 1, issues);
  }
}

/**
 * The same rules as `walk`, without building paths: almost every record is fine, so the
 * path-tracking walk (a string per key) only runs when this one finds a problem.
 */
function isSafe(value: unknown, depth: number): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "string") return !tooLong(value);
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isSafe(item, depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (FORBIDDEN_KEYS.has(key) || tooLong(key) || !isSafe(record[key], depth + 1)) return false;
  }
  return true;
}

/** Problems that make `value` unsafe to handle as JSON; empty when it is safe. */
export function checkSafeJson(value: unknown, path = "$"): AdapterIssue[] {
  if (isSafe(value, 1)) return [];
  const issues: AdapterIssue[] = [];
  walk(value, path, 1, issues);
  return issues;
}
