import { describe, expect, it } from "vitest";
import { SHAPE_CASES } from "../server/error-groups/shape-cases";
import { errorMessageShape } from "./error-message-shape";

describe("errorMessageShape", () => {
  it.each(SHAPE_CASES)("%s → %s", (message, shape) => {
    expect(errorMessageShape(message)).toBe(shape);
  });
  it("gives occurrences that differ only in values one shape", () => {
    const a = errorMessageShape("User a@b.io hit 429 on con_11aa22bb at 2026-01-01T00:00:00Z");
    const b = errorMessageShape("User zed@corp.example hit 503 on con_99ff88ee at 2026-12-31T23:59:59Z");
    expect(a).toBe(b);
  });
});
