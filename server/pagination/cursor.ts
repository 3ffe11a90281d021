// Keyset cursors: the sort value and id of a boundary row, opaque to the client.
import { BadRequestError } from "../errors";
import { findUnsafeText } from "../input/unsafe-text";

export interface Cursor {
  /** sort column value; null when the row is in the trailing null segment */
  v: string | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.v, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const pair: unknown[] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const [v, id] = pair;
  if (
    pair.length === 2 &&
    (v === null || typeof v === "string") &&
    typeof id === "string" &&
    // A decoded cursor is client text like any other (server/input/unsafe-text.ts).
    findUnsafeText(pair) === null
  ) {
    return { v, id };
  }
  throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
}
