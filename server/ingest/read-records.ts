// Text in, records out: splits the input (JSON array, one JSON value, or NDJSON), parses each
// value on its own and unwraps vendor envelopes (Codat pages, Workiva `{body}`), numbering the
// records so each result can point back at its place in the input.
import { unwrapRecords, type AdapterFormat } from "../adapters";
import { findUnsafeText, formatInputPath } from "../input/unsafe-text";
import { JsonSplitter, type SplitValue } from "./json-splitter";
import { findJsonSyntaxError, lineAndColumn } from "./json-syntax-error";
import type { IngestKind, SourceRecord } from "./types";

// Text arrives as UTF-8 (raw lone surrogates cannot occur) and JSON refuses raw control
// characters, so a NUL or a lone surrogate can only come in escaped (`\u0000`, `\ud800`): only
// records with a \u escape are walked for the input rule (server/input/unsafe-text.ts).
const RISKY_ESCAPE = /\\u(?:0000|[dD][89abAB])/;

function parseValue(value: SplitValue): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (value.problem) return { ok: false, problem: value.problem };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.text) as unknown;
  } catch {
    return { ok: false, problem: describeInvalidJson(value) };
  }
  if (value.text.includes("\\u") && RISKY_ESCAPE.test(value.text)) {
    const unsafe = findUnsafeText(parsed);
    if (unsafe) {
      const field = formatInputPath(unsafe.path);
      return { ok: false, problem: `${field ? `field ${field} ` : ""}${unsafe.problem} (line ${value.line})` };
    }
  }
  return { ok: true, value: parsed };
}

/** Where and what, never the text: a malformed record may be half a credential. */
function describeInvalidJson(value: SplitValue): string {
  const error = findJsonSyntaxError(value.text);
  if (!error) return `invalid JSON (line ${value.line})`;
  const at = lineAndColumn(value.text, error.offset, value.line, value.column);
  return `invalid JSON (line ${at.line}): ${error.kind} at column ${at.column}`;
}

/** Which envelope rules apply: runs arrive in Workiva's `{body, code}`, errors bare. */
function envelopeFormat(kind: IngestKind, format: AdapterFormat): AdapterFormat | null {
  if (kind === "connections") return format;
  return kind === "runs" ? "dto" : null;
}

class RecordNumberer {
  private next = 0;
  constructor(
    private readonly kind: IngestKind,
    private readonly format: AdapterFormat,
  ) {}

  /** `single` = the whole input is this one value, so its paths start at `$`. */
  records(value: SplitValue, single: boolean): SourceRecord[] {
    const base = single ? "$" : `$[${value.ordinal}]`;
    const parsed = parseValue(value);
    if (!parsed.ok) return [{ index: this.next++, path: base, problem: parsed.problem }];
    const envelope = envelopeFormat(this.kind, this.format);
    if (envelope === null) return [{ index: this.next++, path: base, record: parsed.value }];
    return unwrapRecords(envelope, parsed.value).map((raw) => ({
      index: this.next++,
      path: base + raw.path.slice(1),
      record: raw.record,
    }));
  }
}

/** Streams records from text chunks (a file read stream, or one request body). */
export async function* readRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  kind: IngestKind,
  format: AdapterFormat,
): AsyncGenerator<SourceRecord> {
  const splitter = new JsonSplitter();
  const numberer = new RecordNumberer(kind, format);
  // In a sequence, the first value is held back until we know whether it is the only one.
  let held: SplitValue | null = null;
  const emit = function* (values: SplitValue[]): Generator<SourceRecord> {
    for (const value of values) {
      if (splitter.isArray()) {
        yield* numberer.records(value, false);
        continue;
      }
      if (held) {
        yield* numberer.records(held, false);
        held = null;
        yield* numberer.records(value, false);
        continue;
      }
      if (value.ordinal === 0) held = value;
      else yield* numberer.records(value, false);
    }
  };
  for await (const chunk of chunks) yield* emit(splitter.push(chunk));
  yield* emit(splitter.end());
  if (held) yield* numberer.records(held, true);
}

/** Reads a whole (already size-limited) body into records. */
export async function readAllRecords(text: string, kind: IngestKind, format: AdapterFormat): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const record of readRecords([text], kind, format)) out.push(record);
  return out;
}
