// `npm run import -- FILE --format codat|unified|dto|schema [--kind connections|runs|errors]
// [--tenant SLUG] [--batch-size N]` parsed into options, or a usage message.
import { ADAPTER_FORMATS, isAdapterFormat, type AdapterFormat } from "../adapters";
import { INGEST_KINDS, isIngestKind, type IngestKind } from "./types";

export const USAGE = `Usage: npm run import -- FILE --format ${ADAPTER_FORMATS.join("|")} [--kind ${INGEST_KINDS.join("|")}] [--tenant SLUG] [--batch-size N]
  FILE        a JSON array, one JSON object (vendor envelopes allowed) or NDJSON; "-" reads stdin
  --format    the source format of the records
  --kind      what the file holds (default: connections)
  --tenant    tenant (slug or id) for records that name none
  --batch-size records per transaction (default 1000)
Exit code: 0 all records landed, 1 some were rejected, 2 the import could not run.`;

export interface CliArgs {
  file: string;
  format: AdapterFormat;
  kind: IngestKind;
  tenant: string | null;
  batchSize: number;
}

export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { ok: false, message: USAGE };
    const eq = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (eq?.[1] !== undefined && eq[2] !== undefined) values.set(eq[1], eq[2]);
    else if (arg.startsWith("--")) {
      const next = argv[i + 1];
      if (next === undefined) return { ok: false, message: `${arg} needs a value.\n${USAGE}` };
      values.set(arg.slice(2), next);
      i += 1;
    } else positional.push(arg);
  }
  for (const name of values.keys()) {
    if (!["format", "kind", "tenant", "batch-size"].includes(name))
      return { ok: false, message: `Unknown option --${name}.\n${USAGE}` };
  }
  const [file, ...extra] = positional;
  if (file === undefined || extra.length > 0) return { ok: false, message: `Give exactly one FILE.\n${USAGE}` };
  const format = values.get("format") ?? "";
  if (!isAdapterFormat(format))
    return { ok: false, message: `--format must be one of ${ADAPTER_FORMATS.join(", ")}.\n${USAGE}` };
  const kind = values.get("kind") ?? "connections";
  if (!isIngestKind(kind)) return { ok: false, message: `--kind must be one of ${INGEST_KINDS.join(", ")}.` };
  const batchSize = Number(values.get("batch-size") ?? "1000");
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    return { ok: false, message: "--batch-size must be an integer from 1 to 10000." };
  return { ok: true, args: { file, format, kind, tenant: values.get("tenant") ?? null, batchSize } };
}
