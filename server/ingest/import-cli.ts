// The importer behind `npm run import`: streams the file through the same ingest path as the
// API, batch by batch, with a progress bar; returns the process exit code.
import { createReadStream, statSync, type ReadStream } from "node:fs";
import type { DB } from "../../db";
import { createProgress, summaryText } from "./cli-progress";
import { parseCliArgs } from "./cli-args";
import { ingestRecords } from "./ingest";
import { JsonStructureError } from "./json-splitter";
import { readRecords } from "./read-records";
import { loadTenantDirectory } from "./resolve-tenant";

/** Where output goes: process.stdout/stderr, or collectors in tests. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
}

export async function runImportCli(db: DB, argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(parsed.message + "\n");
    return 2;
  }
  const { args } = parsed;
  const tenant = args.tenant === null ? null : (await loadTenantDirectory(db)).find(args.tenant);
  if (args.tenant !== null && !tenant) {
    io.stderr.write(`Unknown tenant "${args.tenant}" (give a tenant slug or id).\n`);
    return 2;
  }
  let stream: ReadStream | NodeJS.ReadStream;
  let total: number | null = null;
  try {
    if (args.file === "-") stream = process.stdin;
    else {
      total = statSync(args.file).size;
      stream = createReadStream(args.file, { encoding: "utf8", highWaterMark: 1 << 20 });
    }
    stream.setEncoding("utf8");
  } catch (error) {
    io.stderr.write(`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const progress = createProgress(io.stderr, total);
  const bytesRead = () => ("bytesRead" in stream ? stream.bytesRead : 0);
  try {
    const report = await ingestRecords(
      db,
      readRecords(stream as AsyncIterable<string>, args.kind, args.format),
      {
        kind: args.kind,
        format: args.format,
        actor: { id: "cli", label: "CLI import" },
        tenant,
        tenantIsScope: false,
        batchSize: args.batchSize,
      },
      { keep: "rejected", onBatch: (counts, processed) => progress.update(counts, processed, bytesRead()) },
    );
    io.stdout.write(summaryText(report.counts, report.results, progress.done()) + "\n");
    return report.counts.rejected > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof JsonStructureError) {
      io.stderr.write(
        `Malformed input: ${error.message}. Batches before this point were imported; fix the file and run again.\n`,
      );
      return 2;
    }
    throw error;
  }
}
