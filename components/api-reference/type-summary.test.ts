import { expect, it } from "vitest";
import { objectWithProperties, typeSummary } from "./type-summary";

it("says a schema's type in a few words", () => {
  expect(typeSummary({ type: "string" })).toBe("string");
  expect(typeSummary({ type: ["string", "null"] })).toBe("string | null");
  expect(typeSummary({ anyOf: [{ type: "string", maxLength: 200 }, { type: "null" }] })).toBe(
    "string ≤ 200 chars | null",
  );
  expect(typeSummary({ type: "integer", minimum: 1, maximum: 720 })).toBe("integer 1–720");
  expect(typeSummary({ type: "string", enum: ["asc", "desc"] })).toBe('one of "asc", "desc"');
  expect(typeSummary({ type: "array", items: { $ref: "#/components/schemas/Connection" } })).toBe(
    "array of Connection",
  );
  expect(typeSummary({ type: "object", additionalProperties: {} })).toBe("object of any JSON");
  expect(typeSummary({})).toBe("any JSON");
  expect(typeSummary({ type: "string", pattern: "^\\d{1,9}$" })).toBe("string matching ^\\d{1,9}$");
  expect(typeSummary({ type: "string", format: "date", pattern: "^(?:long)$" })).toBe("string (date)");
});

it("finds the object worth a property table, through nullability", () => {
  const object = { type: "object" as const, properties: { a: { type: "string" as const } } };
  expect(objectWithProperties(object)).toBe(object);
  expect(objectWithProperties({ anyOf: [object, { type: "null" }] })).toBe(object);
  expect(objectWithProperties({ type: "string" })).toBeNull();
  expect(objectWithProperties({ $ref: "#/components/schemas/X" })).toBeNull();
});
