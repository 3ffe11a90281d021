// The import adapters, one per seed format, keyed by the name the CLI and ingest API use
// (`--format codat|unified|dto|schema`). Each maps raw JSON into the console's model and
// exports it back to the source shape.
import type { Platform } from "../../db/types";
import { exportCodatConnection, mapCodatConnection } from "./codat";
import { exportDtoConnection, mapDtoConnection } from "./dto";
import { exportSchemaConnection, mapSchemaConnection } from "./schema";
import type { AdapterContext, AdapterFormat, AdapterResult, MappedConnection } from "./types";
import { exportUnifiedConnection, mapUnifiedConnection } from "./unified";

export interface FormatAdapter {
  platform: Platform;
  map: (raw: unknown, ctx: AdapterContext) => AdapterResult;
  export: (mapped: MappedConnection) => Record<string, unknown>;
}

export const ADAPTERS: Record<AdapterFormat, FormatAdapter> = {
  codat: { platform: "codat", map: mapCodatConnection, export: exportCodatConnection },
  unified: { platform: "unified", map: mapUnifiedConnection, export: exportUnifiedConnection },
  dto: { platform: "workiva", map: mapDtoConnection, export: exportDtoConnection },
  schema: { platform: "generic", map: mapSchemaConnection, export: exportSchemaConnection },
};

export const ADAPTER_FORMATS = Object.keys(ADAPTERS) as AdapterFormat[];

export function isAdapterFormat(value: string): value is AdapterFormat {
  return Object.hasOwn(ADAPTERS, value);
}

export type {
  AdapterContext,
  AdapterFormat,
  AdapterIssue,
  AdapterResult,
  MappedConnection,
  MappedError,
  MappedRun,
} from "./types";
export { computeNeedsRelink, isAuthError } from "./status";
export { mapDtoRun } from "./dto-run";
export { prefixIssues, unwrapRecords, type RawRecord } from "./unwrap";
