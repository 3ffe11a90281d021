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
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || typeof parsed[0] === "string") &&
      typeof parsed[1] === "string" &&
      // A decoded cursor is client text like any other (server/input/unsafe-text.ts).
      findUnsafeText(parsed) === null
    ) {
      return { v: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
}
