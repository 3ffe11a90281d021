// Finds the operation for a method and path: `/connections/{id}/pause` matches any one segment for
// `{id}`, decoded (so `codat%3Aabc` and `codat:abc` are the same id). A path that exists with
// another method is a 405 naming the methods it has; no path at all is a 404.
import { capitalise, textProblem } from "../input/unsafe-text";
import { RestProblem } from "./problem";
import type { RestRoute } from "./rest-route";

export type RouteMatch = { route: RestRoute; params: Record<string, string> };

function decodeSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw new RestProblem(
      "invalid-request",
      `The path segment "${segment.slice(0, 100)}" is not valid percent-encoding.`,
    );
  }
  const problem = textProblem(decoded);
  if (problem) throw new RestProblem("invalid-request", `${capitalise(`the path ${problem}`)}.`);
  return decoded;
}

function matchPath(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split("/").filter((p) => p !== "");
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const segment = segments[i] ?? "";
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) params[name] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

/** `path` is relative to /api/v1, e.g. `/connections/con_1/pause`. */
export function matchRoute(routes: readonly RestRoute[], method: string, path: string): RouteMatch {
  const segments = path.split("/").filter((s) => s !== "");
  const allowed: string[] = [];
  for (const route of routes) {
    const raw = matchPath(route.path, segments);
    if (raw === null) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    return { route, params: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeSegment(v)])) };
  }
  if (allowed.length > 0)
    throw new RestProblem(
      "method-not-allowed",
      `${method} is not an operation on this path; it takes ${allowed.join(", ")}.`,
      {},
      { allow: allowed.join(", ") },
    );
  throw new RestProblem(
    "not-found",
    `There is no API operation at ${path}: see /api/v1/openapi.json for the ones there are.`,
  );
}
