// Splits a stream of text into top-level JSON values without holding the whole input: either
// the elements of one JSON array (`[{…},{…}]`) or a sequence of values (NDJSON, one per line).
// Only the text of each value is cut out here; parsing happens per record, so one bad record
// does not sink the others. Depth and size are checked while scanning, before JSON.parse.
import { MAX_DEPTH } from "../adapters/safe-json";

export const MAX_RECORD_CHARS = 2 * 1024 * 1024;

export interface SplitValue {
  /** Ordinal of the value in the input (array element or NDJSON value). */
  ordinal: number;
  text: string;
  /** 1-based line where the value starts. */
  line: number;
  /** 1-based column (UTF-16 units) where the value starts on that line. */
  column: number;
  problem?: string;
}

/** The input's structure is broken beyond one record (unclosed array, junk between elements). */
export class JsonStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonStructureError";
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);
type Mode = "start" | "array" | "sequence" | "done";

export class JsonSplitter {
  private state: Mode = "start";
  /** array mode: waiting for a value, or for `,`/`]` after one */
  private expectValue = true;
  private parts: string[] = [];
  private size = 0;
  private inValue = false;
  private container = false;
  private depth = 0;
  private maxDepth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private valueLine = 1;
  private valueColumn = 1;
  /** index of the last newline seen in the current chunk (-1: none yet) */
  private lastNewline = -1;
  /** characters since the last newline when the current chunk began */
  private carry = 0;
  private ordinal = 0;

  /** Whether the input is one JSON array (paths `$[i]`) rather than a sequence of values. */
  isArray(): boolean {
    return this.state === "array" || this.state === "done";
  }

  /** Feed the next chunk; returns the values completed in it. */
  push(chunk: string): SplitValue[] {
    const out: SplitValue[] = [];
    let start = this.inValue ? 0 : -1;
    // Next backslash in this chunk (-1: none left); found once, not per string, so a chunk
    // without backslashes is not rescanned for every string in it.
    let slash = chunk.indexOf("\\");
    this.lastNewline = -1;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inValue && this.inString && !this.escaped) {
        // Jump over string content: only a quote or a backslash can matter inside it.
        if (slash !== -1 && slash < i) slash = chunk.indexOf("\\", i);
        const quote = chunk.indexOf('"', i);
        const next = quote === -1 ? slash : slash === -1 || quote < slash ? quote : slash;
        if (next === -1) break;
        i = next;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) {
        this.line += 1;
        this.lastNewline = i;
      }
      if (this.inValue) {
        if (this.scanValueChar(c)) {
          this.finish(chunk, start, i + (this.container ? 1 : 0), out);
          start = -1;
          if (!this.container) i -= 1; // the delimiter belongs to the structure
          if (!this.container && c === 0x0a) this.line -= 1;
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (this.state === "start") {
        this.state = c === 0x5b ? "array" : "sequence";
        if (this.state === "array") continue;
      }
      if (this.state === "done")
        throw new JsonStructureError(`unexpected content after the closing "]" (line ${this.line})`);
      if (this.state === "array" && !this.expectValue) {
        if (c === 0x2c) this.expectValue = true;
        else if (c === 0x5d) this.state = "done";
        else throw new JsonStructureError(`expected "," or "]" after element ${this.ordinal - 1} (line ${this.line})`);
        continue;
      }
      if (this.state === "array" && c === 0x5d && this.ordinal === 0) {
        this.state = "done";
        continue;
      }
      this.beginValue(c);
      this.valueColumn = this.lastNewline === -1 ? this.carry + i + 1 : i - this.lastNewline;
      start = i;
      if (!this.container && c === 0x22) this.inString = true;
    }
    if (this.inValue && start >= 0) this.keep(chunk.slice(start));
    this.carry = this.lastNewline === -1 ? this.carry + chunk.length : chunk.length - this.lastNewline - 1;
    return out;
  }

  /** Call at end of input; returns a truncated last value (NDJSON) or throws (array). */
  end(): SplitValue[] {
    if (this.state === "array")
      throw new JsonStructureError(`input ends inside the JSON array (line ${this.line}): missing "]"`);
    if (!this.inValue) return [];
    if (!this.container) {
      const out: SplitValue[] = [];
      this.finish("", -1, 0, out);
      return out;
    }
    const value = {
      ordinal: this.ordinal++,
      text: "",
      line: this.valueLine,
      column: this.valueColumn,
      problem: "incomplete JSON value at end of input",
    };
    this.inValue = false;
    return [value];
  }

  private beginValue(c: number): void {
    this.inValue = true;
    this.container = c === 0x7b || c === 0x5b;
    this.depth = this.container ? 1 : 0;
    this.maxDepth = this.depth;
    this.inString = false;
    this.escaped = false;
    this.parts = [];
    this.size = 0;
    this.valueLine = this.line;
  }

  /** true when the value ends at this char (containers: on it; scalars: before it). */
  private scanValueChar(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c) this.escaped = true;
      else if (c === 0x22) {
        this.inString = false;
        if (!this.container) return false;
      }
      return false;
    }
    if (!this.container) {
      // A scalar ends at a delimiter; in sequence mode (NDJSON) only at the end of the line.
      if (this.state === "sequence") return c === 0x0a;
      return c === 0x2c || c === 0x5d || WS.has(c);
    }
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) {
      this.depth += 1;
      if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    } else if (c === 0x7d || c === 0x5d) {
      this.depth -= 1;
      return this.depth === 0;
    }
    return false;
  }

  private keep(text: string): void {
    this.size += text.length;
    if (this.size <= MAX_RECORD_CHARS) this.parts.push(text);
  }

  private finish(chunk: string, start: number, end: number, out: SplitValue[]): void {
    if (start >= 0) this.keep(chunk.slice(start, end));
    const value: SplitValue = {
      ordinal: this.ordinal++,
      text: this.parts.join(""),
      line: this.valueLine,
      column: this.valueColumn,
    };
    if (this.size > MAX_RECORD_CHARS) value.problem = `record larger than ${MAX_RECORD_CHARS} characters`;
    else if (this.maxDepth > MAX_DEPTH) value.problem = `nested deeper than ${MAX_DEPTH} levels`;
    this.parts = [];
    this.inValue = false;
    if (this.state === "array") this.expectValue = false;
    out.push(value);
  }
}
