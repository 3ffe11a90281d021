// An object schema as a table of its properties (name, type, required, description), nested
// objects indented below their property; a reference links to its schema further down the page.
import type { oas31 } from "zod-openapi";
import { Prose } from "./prose";
import { isRef, objectWithProperties, typeSummary, type Schema } from "./type-summary";

export const schemaAnchor = (name: string) => `schema-${name}`;

export function TypeLabel({ schema }: { schema: Schema | undefined }) {
  const summary = typeSummary(schema);
  const ref = schema && isRef(schema) ? schema.$ref.split("/").at(-1) : undefined;
  const items =
    schema && !isRef(schema) && schema.items && isRef(schema.items) ? schema.items.$ref.split("/").at(-1) : undefined;
  const target = ref ?? items;
  return target ? (
    <a href={`#${schemaAnchor(target)}`} className="font-mono text-xs underline underline-offset-2">
      {summary}
    </a>
  ) : (
    <span className="font-mono text-xs">{summary}</span>
  );
}

function Rows({ schema, depth }: { schema: oas31.SchemaObject; depth: number }) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const nested = depth < 2 ? objectWithProperties(property) : null;
        const description = isRef(property) ? undefined : property.description;
        return (
          <FragmentRows key={name}>
            <tr className="border-b align-top last:border-0">
              <td className="py-1.5 pr-3 font-mono text-xs" style={{ paddingLeft: `${depth * 1.25}rem` }}>
                {name}
              </td>
              <td className="py-1.5 pr-3">
                <TypeLabel schema={property} />
              </td>
              <td className="py-1.5 pr-3 text-xs">{required.has(name) ? "required" : "optional"}</td>
              <td className="py-1.5">
                <Prose text={description} className="text-xs text-muted-foreground" />
              </td>
            </tr>
            {nested ? <Rows schema={nested} depth={depth + 1} /> : null}
          </FragmentRows>
        );
      })}
    </>
  );
}

function FragmentRows({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}

export function SchemaTable({ schema, caption }: { schema: Schema | undefined; caption: string }) {
  const object = objectWithProperties(schema);
  if (!object)
    return (
      <p className="text-sm">
        <TypeLabel schema={schema} />
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-xs text-muted-foreground">
            <th className="py-1.5 pr-3 font-medium">Field</th>
            <th className="py-1.5 pr-3 font-medium">Type</th>
            <th className="py-1.5 pr-3 font-medium">Required</th>
            <th className="py-1.5 font-medium">Description</th>
          </tr>
        </thead>
        <tbody>
          <Rows schema={object} depth={0} />
        </tbody>
      </table>
    </div>
  );
}
