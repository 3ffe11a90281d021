// Test helpers for ingest suites: run text through the real pipeline with pinned options.
import type { DB } from "../../db";
import type { AdapterFormat } from "../adapters";
import { loadTenantDirectory } from "./resolve-tenant";
import { ingestRecords, type IngestHooks } from "./ingest";
import { readRecords } from "./read-records";
import type { IngestKind, IngestOptions, TenantRow } from "./types";

export const CLI_ACTOR = { id: "cli", label: "CLI import" };

export async function tenantRow(db: DB, ref: string): Promise<TenantRow> {
  const tenant = (await loadTenantDirectory(db)).find(ref);
  if (!tenant) throw new Error(`no tenant ${ref}`);
  return tenant;
}

export interface IngestTextOptions extends Partial<Omit<IngestOptions, "format" | "kind">> {
  kind?: IngestKind;
  hooks?: IngestHooks;
}

export async function ingestText(db: DB, format: AdapterFormat, text: string, options: IngestTextOptions = {}) {
  const kind = options.kind ?? "connections";
  return ingestRecords(
    db,
    readRecords([text], kind, format),
    {
      kind,
      format,
      actor: options.actor ?? CLI_ACTOR,
      tenant: options.tenant ?? null,
      tenantIsScope: options.tenantIsScope ?? false,
      batchSize: options.batchSize,
      now: options.now,
    },
    options.hooks,
  );
}

export async function countRows(db: DB) {
  const count = async (table: "connections" | "connection_runs" | "connection_errors" | "audit_events") =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    connections: await count("connections"),
    runs: await count("connection_runs"),
    errors: await count("connection_errors"),
    audit: await count("audit_events"),
  };
}
