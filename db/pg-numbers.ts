// PostgreSQL returns bigint (count(*), sum of integers) and numeric (sum of bigints, avg) as
// strings, because they can exceed a JS number; SQLite returns numbers. Parsed here, per pool,
// so that every query gets numbers on both databases and no caller converts.
import pg from "pg";

const { INT8, NUMERIC } = pg.types.builtins;

function parseInt8(text: string): number {
  const value = Number(text);
  // Counts and sums here stay far below 2^53; a larger one would come back silently rounded.
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is beyond a JS number's exact range`);
  return value;
}

export const pgNumberTypes: pg.CustomTypesConfig = {
  getTypeParser: (id, format) => {
    if ((format ?? "text") === "text" && id === INT8) return parseInt8;
    if ((format ?? "text") === "text" && id === NUMERIC) return Number;
    return pg.types.getTypeParser(id, format) as (text: string) => unknown;
  },
};
