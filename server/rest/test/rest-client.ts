// Calls the REST API in-process, as its route does, and checks every answer against the OpenAPI
// document (contract.ts): a test that calls the API is a contract test too.
import type { DB } from "../../../db";
import { handleRestRequest } from "../handle-rest-request";
import { checkContract, TEST_ORIGIN } from "./contract";

export interface RestAnswer<T> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, as the shape the test expects (the contract check has validated it). */
  body: T;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** sent as is, instead of JSON.stringify(body) */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Every answer seen, with its contract check, so a suite can assert none failed. */
export const contractLog: { call: string; problems: string[] }[] = [];

export async function restCall<T = unknown>(
  db: DB,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<RestAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && headers["content-type"] === undefined) headers["content-type"] = "application/json";
  const request = new Request(`${TEST_ORIGIN}/api/v1${path}`, { method, headers, body });
  const response = await handleRestRequest(db, request, TEST_ORIGIN);
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  const parsed = (text === "" ? null : JSON.parse(text)) as T;
  const contract = checkContract(method, path, response.status, contentType, parsed);
  contractLog.push({ call: `${method} ${path} → ${response.status}`, problems: contract.problems });
  if (!contract.ok)
    throw new Error(`Contract broken by ${method} ${path} → ${response.status}: ${contract.problems.join("; ")}`);
  return { status: response.status, headers: response.headers, body: parsed };
}
