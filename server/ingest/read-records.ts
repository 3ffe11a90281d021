// Text in, records out: splits the input (JSON array, one JSON value, or NDJSON), parses each
// value on its own and unwraps vendor envelopes (Codat pages, Workiva `{body}`), numbering the
// records so each result can point back at its place in the input.
import { unwrapRecords, type AdapterFormat } from "../adapters";
import { JsonSplitter, type SplitValue } from "./json-splitter";
import type { IngestKind, SourceRecord } from "./types";

// An escaped NUL (`\u0000`) not itself escaped: PostgreSQL text cannot hold it, so it is refused
// up front on both databases rather than failing a whole batch.
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

function parseValue(value: SplitValue): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (value.problem) return { ok: false, problem: value.problem };
  if (value.text.includes("\\u0000") && ESCAPED_NUL.test(value.text)) {
    return { ok: false, problem: `contains a NUL character (\\u0000), which cannot be stored (line ${value.line})` };
  }
  try {
    return { ok: true, value: JSON.parse(value.text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `invalid JSON (line ${value.line}): ${detail}` };
  }
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
