// Vendors wrap connections in envelopes (Codat pages and webhooks, Workiva `{body, code}`).
// Ingest calls this first, maps each record, and prefixes each issue with the record's path.
import { isJsonObject } from "./field-reader";
import { childPath } from "./json-path";
import type { AdapterFormat, AdapterIssue } from "./types";

export interface RawRecord {
  /** Where the record sits in the body, e.g. `$.results[2]`; `$` for a bare record. */
  path: string;
  record: unknown;
}

function each(list: unknown[], path: string): RawRecord[] {
  return list.map((record, index) => ({ path: childPath(path, index), record }));
}

/** The connection records in a request/file body of the given format. */
export function unwrapRecords(format: AdapterFormat, body: unknown): RawRecord[] {
  if (Array.isArray(body)) return each(body, "$");
  if (!isJsonObject(body)) return [{ path: "$", record: body }];
  if (format === "codat") {
    if (Array.isArray(body.results)) return each(body.results, "$.results");
    const payload = body.payload;
    if (isJsonObject(payload) && isJsonObject(payload.connection)) {
      return [{ path: "$.payload.connection", record: payload.connection }];
    }
  }
  if (format === "dto" && Object.hasOwn(body, "body")) {
    const inner = body.body;
    return Array.isArray(inner) ? each(inner, "$.body") : [{ path: "$.body", record: inner }];
  }
  return [{ path: "$", record: body }];
}

/** Rebase a record's issue paths (`$.status`) onto its place in the body (`$.results[2].status`). */
export function prefixIssues(recordPath: string, issues: AdapterIssue[]): AdapterIssue[] {
  return issues.map((issue) => ({ ...issue, path: recordPath + issue.path.slice(1) }));
}
