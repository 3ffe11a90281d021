// The normaliser's cases through each database's SQL function: SQLite calls the TypeScript
// normaliser, PostgreSQL has its own copy of the rules in migration 0007. Both must agree.
import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { errorGroupId } from "../../db/sql-functions";
import { errorMessageShape } from "../../lib/error-message-shape";
import { propertySeed } from "../test/property-seed";
import { describeEachDb } from "../test/databases";
import { SHAPE_CASES } from "./shape-cases";

describeEachDb("error message shape in SQL", (get) => {
  it.each(SHAPE_CASES)("%s → %s", async (message, shape) => {
    const { db } = get();
    const row = await sql<{
      s: string;
      g: string;
    }>`SELECT ops_error_shape(${message}) AS s, ops_error_group_id(${"xero"}, ${"401"}, ${message}) AS g`.execute(db);
    expect(row.rows[0]?.s).toBe(shape);
    expect(row.rows[0]?.g).toBe(errorGroupId("xero", "401", message));
  });
});

/** Fragments that the rules look at, joined at random: what one rule's edge leaves the next. */
const FRAGMENTS = [
  "https://",
  "HTTP://",
  "ftp://",
  "x.io/a?b=1",
  "@",
  "jane.doe+b",
  "example.co.uk",
  "9f1c2b7e-4d3a-4b8e-9c0d-1e2f3a4b5c6d",
  "2026-11-21",
  "T10:00",
  ":00",
  ".123",
  "Z",
  "+01:00",
  "con_8f2a91c3",
  "INV00042A",
  "abcdefgh",
  "1234567",
  "-_",
  "1,200",
  "3.5",
  "OAuth2",
  " ",
  "\t",
  "\n",
  "  ",
  "'",
  '"',
  "<",
  ">",
  ")",
  "(",
  "é",
  "😀",
  "ß",
  "x",
  "0",
];

describeEachDb("error message shape in SQL and TypeScript", (get) => {
  it("agree on random messages made of the rules' edges (ingest shapes in TypeScript)", async () => {
    const { db } = get();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join("")),
        fc.constantFrom("401", null),
        async (message, code) => {
          const row = await sql<{
            s: string;
            g: string;
          }>`SELECT ops_error_shape(${message}) AS s, ops_error_group_id(${"xero"}, ${code}, ${message}) AS g`.execute(
            db,
          );
          expect(row.rows[0]?.s).toBe(errorMessageShape(message));
          expect(row.rows[0]?.g).toBe(errorGroupId("xero", code, message));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300), seed: propertySeed(20261202) },
    );
  });

  it("agree on a message past the cut with characters outside the BMP", async () => {
    const { db } = get();
    const message = `${"😀 ".repeat(200)}tail 42`;
    const row = await sql<{ s: string }>`SELECT ops_error_shape(${message}) AS s`.execute(db);
    expect(row.rows[0]?.s).toBe(errorMessageShape(message));
    expect([...(row.rows[0]?.s ?? "")].length).toBe(300);
  });
});
