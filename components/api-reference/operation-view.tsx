// One operation of the reference: method and path, what it does, the scope it needs, its
// parameters, its body and each answer with its schema.
import type { oas31 } from "zod-openapi";
import { Badge } from "@/components/ui/badge";
import { Prose } from "./prose";
import { SchemaTable, TypeLabel } from "./schema-table";
import { isRef } from "./type-summary";

export type Method = "get" | "post" | "delete";
export const operationAnchor = (operation: oas31.OperationObject) => `op-${operation.operationId ?? "unnamed"}`;

const METHOD_VARIANT = { get: "secondary", post: "default", delete: "destructive" } as const;

function Parameters({ parameters }: { parameters: oas31.ParameterObject[] }) {
  if (parameters.length === 0) return null;
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-medium">Parameters</h4>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b text-xs text-muted-foreground">
              <th className="py-1.5 pr-3 font-medium">Name</th>
              <th className="py-1.5 pr-3 font-medium">In</th>
              <th className="py-1.5 pr-3 font-medium">Type</th>
              <th className="py-1.5 font-medium">Description</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-b align-top last:border-0">
                <td className="py-1.5 pr-3 font-mono text-xs">
                  {p.name}
                  {p.required ? <span className="text-destructive"> *</span> : null}
                </td>
                <td className="py-1.5 pr-3 text-xs">{p.in}</td>
                <td className="py-1.5 pr-3">
                  <TypeLabel schema={p.schema} />
                </td>
                <td className="py-1.5">
                  <Prose
                    text={p.description ?? (p.schema && !isRef(p.schema) ? p.schema.description : undefined)}
                    className="text-xs text-muted-foreground"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function OperationView({
  method,
  path,
  operation,
}: {
  method: Method;
  path: string;
  operation: oas31.OperationObject;
}) {
  const parameters = (operation.parameters ?? []).filter((p): p is oas31.ParameterObject => !isRef(p));
  const body =
    operation.requestBody && !isRef(operation.requestBody)
      ? operation.requestBody.content["application/json"]
      : undefined;
  const scope = typeof operation["x-required-scope"] === "string" ? operation["x-required-scope"] : null;
  const responses: Record<string, oas31.ResponseObject | oas31.ReferenceObject> = operation.responses ?? {};
  return (
    <section id={operationAnchor(operation)} className="scroll-mt-20 space-y-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={METHOD_VARIANT[method]} className="font-mono uppercase">
          {method}
        </Badge>
        <code className="font-mono text-sm">{path}</code>
        {scope ? <Badge variant="outline">scope: {scope}</Badge> : <Badge variant="muted">no key needed</Badge>}
      </div>
      <h3 className="text-base font-semibold">{operation.summary}</h3>
      <Prose text={operation.description} />
      <Parameters parameters={parameters} />
      {body?.schema ? (
        <div className="space-y-1">
          <h4 className="text-sm font-medium">Body (application/json)</h4>
          <SchemaTable schema={body.schema} caption={`${operation.summary}: request body`} />
        </div>
      ) : null}
      <div className="space-y-2">
        <h4 className="text-sm font-medium">Responses</h4>
        <ul className="space-y-2">
          {Object.entries(responses).map(([status, response]) => {
            if (isRef(response)) return null;
            const first = Object.entries(response.content ?? {})[0];
            const type = first?.[0];
            const media = first?.[1];
            return (
              <li key={status} className="flex flex-wrap items-baseline gap-2 text-sm">
                <Badge variant={status.startsWith("2") ? "success" : "muted"} className="font-mono">
                  {status}
                </Badge>
                <span>{response.description}</span>
                {type ? <span className="text-xs text-muted-foreground">{type}</span> : null}
                {media?.schema ? <TypeLabel schema={media.schema} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
