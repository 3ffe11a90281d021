// The normaliser's cases through each database's SQL function: SQLite calls the TypeScript
// normaliser, PostgreSQL has its own copy of the rules in migration 0007. Both must agree.
import { sql } from "kysely";
import { expect, it } from "vitest";
import { errorGroupId } from "../../db/sql-functions";
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
