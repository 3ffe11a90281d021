import { expect, it } from "vitest";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { BOUND_RANGE, boundProblem, fromBound, toBoundExclusive } from "./audit-bounds";
import { parseAuditSearchParams } from "./audit-url-state";

it("accepts dates and ISO date-times from 1970 to 9999, nothing else", () => {
  for (const ok of ["1970-01-01", "2026-11-21", "9999-12-31", "2026-11-21T10:00", "2026-11-21T10:00:00.123Z"])
    expect(boundProblem(ok)).toBeNull();
  expect(boundProblem("2026-11-21T10:00:00+05:00")).toBeNull();
  expect(boundProblem("+275760-09-13T00:00:00.000Z")).toMatch(/^Not a date or date-time\. Use a date \(YYYY-MM-DD\)/);
  expect(boundProblem("1969-12-31")).toBe(BOUND_RANGE);
  expect(boundProblem("0000-01-01")).toBe(BOUND_RANGE);
  expect(boundProblem("9999-12-31T23:00:00-05:00")).toBe(BOUND_RANGE);
  expect(boundProblem("2026-02-31")).toMatch(/^Not a real date/);
  expect(boundProblem("yesterday")).toMatch(/^Not a date or date-time/);
  expect(boundProblem("March 7, 2026")).toMatch(/^Not a date or date-time/);
});

it("turns bounds into stored-text instants; 9999-12-31 as an upper bound means no upper bound", () => {
  expect(fromBound("2026-11-21")).toBe("2026-11-21T00:00:00.000Z");
  expect(fromBound("2026-11-21T10:00")).toBe("2026-11-21T10:00:00.000Z");
  expect(toBoundExclusive("2026-11-21")).toBe("2026-11-22T00:00:00.000Z");
  expect(toBoundExclusive("2026-11-21T10:00:00+01:00")).toBe("2026-11-21T09:00:00.001Z");
  expect(toBoundExclusive("9999-12-31")).toBeNull();
  expect(toBoundExclusive("9999-12-31T23:59:59.999Z")).toBeNull();
  expect(toBoundExclusive("9999-12-30")).toBe("9999-12-31T00:00:00.000Z");
});

it("the audit page drops an out-of-range or NUL-carrying filter and says it did not understand it", () => {
  expect(parseAuditSearchParams({ to: "+275760-09-13T00:00:00.000Z", action: "api_key.create" }).understood).toBe(
    false,
  );
  expect(parseAuditSearchParams({ actor: "a\u0000b" })).toEqual({ filters: {}, cursor: null, understood: false });
  expect(parseAuditSearchParams({ actor: "admin", to: "9999-12-31" }).understood).toBe(true);
});

describeEachDb("audit.list date bounds", (get) => {
  it("refuses a bound outside 1970–9999 with a clear 400 and reads 9999-12-31 as the whole day", async () => {
    const caller = callerAs(get().db, staff());
    await caller.apiKeys.create({ name: "one", platform: "codat", tenantId: null });
    await caller.apiKeys.create({ name: "two", platform: "codat", tenantId: null });
    const all = await caller.audit.list({});
    expect(all.rows.length).toBeGreaterThanOrEqual(2);

    await expect(caller.audit.list({ to: "+275760-09-13T00:00:00.000Z" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Invalid input: to — Not a date or date-time\. Use a date/) as unknown,
    });
    await expect(caller.audit.list({ from: "1900-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Invalid input: from — ${BOUND_RANGE}`,
    });
    expect((await caller.audit.list({ to: "9999-12-31" })).rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect((await caller.audit.list({ from: "1970-01-01", to: "9999-12-31T23:59:59.999Z" })).rows).toHaveLength(
      all.rows.length,
    );
    expect((await caller.audit.list({ to: "1970-01-01" })).rows).toEqual([]);
  });
});
