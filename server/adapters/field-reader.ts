// Typed reads from an untrusted record that collect issues (with paths) instead of throwing, so
// one pass reports everything wrong with a record. `nameOf` maps our canonical key to the key
// the source used (PascalCase, snake_case), so paths show what the sender actually wrote.
import { childPath } from "./json-path";
import type { AdapterIssue } from "./types";

/**
 * A reason names the problem and quotes at most the start of the value: a record's long (or
 * secret) value never comes back whole in an answer.
 */
export function clipReason(reason: string): string {
  const clipped = reason.replace(/"([^"]{60})[^"]{4,}"/g, '"$1…"');
  return clipped.length > 240 ? `${clipped.slice(0, 239)}…` : clipped;
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(JSON.stringify(value)).slice(0, 80)}`;
}

export class FieldReader {
  constructor(
    readonly obj: JsonObject,
    readonly path: string,
    readonly issues: AdapterIssue[],
    readonly nameOf: (key: string) => string = (key) => key,
  ) {}

  pathOf(key: string): string {
    return childPath(this.path, this.nameOf(key));
  }

  has(key: string): boolean {
    return Object.hasOwn(this.obj, this.nameOf(key));
  }

  raw(key: string): unknown {
    return this.has(key) ? this.obj[this.nameOf(key)] : undefined;
  }

  issue(key: string, reason: string): void {
    this.issues.push({ path: this.pathOf(key), reason: clipReason(reason) });
  }

  /** Absent or null → null (or an issue when required). */
  private present(key: string, required: boolean): unknown {
    const value = this.raw(key);
    if (value === undefined || value === null) {
      if (required) this.issue(key, value === null ? "required, got null" : "required field is missing");
      return null;
    }
    return value;
  }

  string(key: string, options: { required?: boolean; nonEmpty?: boolean } = {}): string | null {
    const value = this.present(key, options.required ?? false);
    if (value === null) return null;
    if (typeof value !== "string") {
      this.issue(key, `expected a string, got ${describe(value)}`);
      return null;
    }
    if ((options.nonEmpty ?? options.required ?? false) && value.trim() === "") {
      this.issue(key, "must not be empty");
      return null;
    }
    return value;
  }

  /** Status codes arrive as "401" or 401; we store text. */
  code(key: string): string | null {
    const value = this.present(key, false);
    if (value === null) return null;
    if (typeof value === "number" && Number.isInteger(value)) return String(value);
    if (typeof value === "string") return value;
    this.issue(key, `expected a string or integer code, got ${describe(value)}`);
    return null;
  }

  /** An absolute http(s) URL: link URLs are rendered as links, so no `javascript:` and friends. */
  httpUrl(key: string, required = false): string | null {
    const value = this.string(key, { required });
    if (value === null) return null;
    let protocol = "";
    try {
      protocol = new URL(value).protocol;
    } catch {
      // fall through: reported below
    }
    if (protocol !== "http:" && protocol !== "https:") {
      this.issue(key, "expected an absolute http(s) URL");
      return null;
    }
    return value;
  }

  boolean(key: string): boolean | null {
    const value = this.present(key, false);
    if (value === null) return null;
    if (typeof value !== "boolean") {
      this.issue(key, `expected true or false, got ${describe(value)}`);
      return null;
    }
    return value;
  }

  stringArray(key: string, required = false): string[] | null {
    const value = this.present(key, required);
    if (value === null) return null;
    if (!Array.isArray(value)) {
      this.issue(key, `expected an array of strings, got ${describe(value)}`);
      return null;
    }
    const out: string[] = [];
    value.forEach((item: unknown, index) => {
      if (typeof item === "string" && item.trim() !== "") out.push(item);
      else
        this.issues.push({
          path: childPath(this.pathOf(key), index),
          reason: `expected a non-empty string, got ${describe(item)}`,
        });
    });
    return out;
  }

  object(key: string, required = false): JsonObject | null {
    const value = this.present(key, required);
    if (value === null) return null;
    if (!isJsonObject(value)) {
      this.issue(key, `expected an object, got ${describe(value)}`);
      return null;
    }
    return value;
  }

  array(key: string): unknown[] | null {
    const value = this.present(key, false);
    if (value === null) return null;
    if (!Array.isArray(value)) {
      this.issue(key, `expected an array, got ${describe(value)}`);
      return null;
    }
    return value as unknown[];
  }

  /** A nested object reader that shares this reader's issue list. */
  nested(obj: JsonObject, path: string, nameOf = this.nameOf): FieldReader {
    return new FieldReader(obj, path, this.issues, nameOf);
  }
}
