// A JSON Schema (OpenAPI 3.1) as a short phrase people read: `string | null`, `array of
// Connection`, `one of "asc", "desc"`, `integer 1–200`. The reference page shows it beside each
// field; objects with properties get their own table instead.
import type { oas31 } from "zod-openapi";

export type Schema = oas31.SchemaObject | oas31.ReferenceObject;

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

export function isRef<T extends object>(value: T | oas31.ReferenceObject): value is oas31.ReferenceObject {
  return "$ref" in value && typeof value.$ref === "string";
}

function bounds(schema: oas31.SchemaObject): string {
  const parts: string[] = [];
  const min = schema.minimum ?? schema.minLength ?? schema.minItems;
  const max = schema.maximum ?? schema.maxLength ?? schema.maxItems;
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max}`);
  else if (max !== undefined) parts.push(`≤ ${max}`);
  else if (min !== undefined && min > 0) parts.push(`≥ ${min}`);
  const unit = schema.maxLength !== undefined || schema.minLength !== undefined ? " chars" : "";
  return parts.length > 0 ? ` ${parts.join(" ")}${unit}` : "";
}

export function typeSummary(schema: Schema | undefined): string {
  if (schema === undefined) return "any";
  if (isRef(schema)) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeSummary).join(" | ");
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return "any JSON";
  return types
    .map((type) => {
      if (type === "array") return `array of ${typeSummary(schema.items)}`;
      if (type === "object") {
        if (schema.properties && Object.keys(schema.properties).length > 0) return "object";
        return schema.additionalProperties && schema.additionalProperties !== true
          ? `object of ${typeSummary(schema.additionalProperties)}`
          : "object";
      }
      const format = schema.format ? ` (${schema.format})` : "";
      // A format (date, date-time, email) says what its long generated pattern says.
      const pattern = schema.pattern && !schema.format ? ` matching ${schema.pattern}` : "";
      return `${type}${format}${bounds(schema)}${pattern}`;
    })
    .join(" | ");
}

/** The object schema whose properties deserve a table, if any (through one level of nullability). */
export function objectWithProperties(schema: Schema | undefined): oas31.SchemaObject | null {
  if (schema === undefined || isRef(schema)) return null;
  if (schema.properties && Object.keys(schema.properties).length > 0) return schema;
  const variants = schema.anyOf ?? schema.oneOf;
  const object = variants?.find((v) => !isRef(v) && v.properties !== undefined);
  return object && !isRef(object) ? object : null;
}
