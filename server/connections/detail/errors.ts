// A connection's errors (Codat's DataConnectionErrors, generalised), newest first.
import type { ConnectionError } from "../../../db/types";
import { ZErrorsRequestSchema, type ConnectionErrorView, type ErrorsPage, type ErrorsRequest } from "./detail.types";
import { pageFrom, requireVisibleConnection } from "./require-connection";
import type { TenantScope } from "../../scope/tenant-scope";

type ErrorRow = Omit<ConnectionError, "connection_id" | "tenant_id">;
const ERROR_COLUMNS = [
  "id",
  "status",
  "upstream_status",
  "status_code",
  "status_text",
  "message",
  "is_auth_error",
  "errored_at",
  "resolved_at",
  "resolved_by",
  "resolution_note",
] as const;

const toErrorView = (row: ErrorRow): ConnectionErrorView => ({ ...row, is_auth_error: Boolean(row.is_auth_error) });

export async function listErrors(scope: TenantScope, request: ErrorsRequest): Promise<ErrorsPage> {
  const { connectionId, status, limit, offset } = ZErrorsRequestSchema.parse(request);
  await requireVisibleConnection(scope, connectionId);
  let page = scope.errors().select(ERROR_COLUMNS).where("connection_id", "=", connectionId);
  if (status !== "all") page = page.where("status", "=", status);
  const [rows, counts] = await Promise.all([
    page
      .orderBy("errored_at", "desc")
      .orderBy("id", "desc")
      .limit(limit + 1)
      .offset(offset)
      .execute(),
    scope
      .errors()
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("connection_id", "=", connectionId)
      .groupBy("status")
      .execute(),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const activeCount = count("active");
  const resolvedCount = count("resolved");
  const total = status === "active" ? activeCount : status === "resolved" ? resolvedCount : activeCount + resolvedCount;
  return { ...pageFrom(rows.map(toErrorView), limit, offset, total), activeCount, resolvedCount };
}
