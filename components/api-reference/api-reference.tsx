// The REST API reference, rendered from the OpenAPI document the API itself serves: operations
// by tag, then every named schema, then the problem types the API's errors link to.
import type { oas31 } from "zod-openapi";
import { OperationView, operationAnchor, type Method } from "./operation-view";
import { Prose } from "./prose";
import { SchemaTable, schemaAnchor } from "./schema-table";

export interface ProblemTypeRow {
  kind: string;
  status: number;
  title: string;
}

interface Entry {
  method: Method;
  path: string;
  operation: oas31.OperationObject;
}

function entries(doc: oas31.OpenAPIObject): Entry[] {
  const out: Entry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ["get", "post", "delete"] as const) {
      const operation = item[method];
      if (operation) out.push({ method, path, operation });
    }
  }
  return out;
}

export function ApiReference({ doc, problems }: { doc: oas31.OpenAPIObject; problems: ProblemTypeRow[] }) {
  const all = entries(doc);
  // The document's tags in its order, then any tag an operation names that the list lacks.
  const declared = (doc.tags ?? []).map((t) => t.name);
  const named = all.map((e) => e.operation.tags?.[0] ?? "Other");
  const tags = [...new Set([...declared, ...named])].filter((tag) => named.includes(tag));
  const byTag = tags.map((tag) => ({ tag, items: all.filter((e) => (e.operation.tags?.[0] ?? "Other") === tag) }));
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const base = doc.servers?.[0]?.url ?? "/api/v1";
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="API reference" className="text-sm lg:sticky lg:top-20 lg:self-start">
        <ul className="space-y-3">
          {byTag.map(({ tag, items }) => (
            <li key={tag}>
              <p className="font-medium">{tag}</p>
              <ul className="mt-1 space-y-1">
                {items.map(({ operation }) => (
                  <li key={operationAnchor(operation)}>
                    <a href={`#${operationAnchor(operation)}`} className="text-muted-foreground hover:text-foreground">
                      {operation.summary}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className="font-medium">
              Schemas
            </a>
          </li>
          <li>
            <a href="#problems" className="font-medium">
              Problem types
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-8">
        <header className="space-y-2">
          <p className="text-sm">
            Base URL <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{base}</code> · OpenAPI {doc.openapi} ·{" "}
            <a href="/api/v1/openapi.json" className="underline underline-offset-2">
              openapi.json
            </a>
          </p>
          <Prose text={doc.info.description} />
        </header>
        {byTag.map(({ tag, items }) => (
          <section key={tag} className="space-y-3" aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`} className="text-lg font-semibold">
              {tag}
            </h2>
            {items.map((entry) => (
              <OperationView key={operationAnchor(entry.operation)} {...entry} />
            ))}
          </section>
        ))}
        <section id="schemas" className="scroll-mt-20 space-y-4" aria-labelledby="schemas-title">
          <h2 id="schemas-title" className="text-lg font-semibold">
            Schemas
          </h2>
          {schemas.map(([name, schema]) => (
            <div key={name} id={schemaAnchor(name)} className="scroll-mt-20 space-y-2 rounded-lg border p-4">
              <h3 className="font-mono text-sm font-semibold">{name}</h3>
              {"description" in schema ? <Prose text={schema.description} /> : null}
              <SchemaTable schema={schema} caption={`Schema ${name}`} />
            </div>
          ))}
        </section>
        <section id="problems" className="scroll-mt-20 space-y-2" aria-labelledby="problems-title">
          <h2 id="problems-title" className="text-lg font-semibold">
            Problem types
          </h2>
          <p className="text-sm text-muted-foreground">
            Errors are <code className="font-mono">application/problem+json</code> (RFC 9457); their{" "}
            <code className="font-mono">type</code> links here.
          </p>
          <dl className="divide-y rounded-lg border">
            {problems.map((p) => (
              <div
                key={p.kind}
                id={`problem-${p.kind}`}
                className="flex scroll-mt-20 flex-wrap gap-3 px-4 py-2 text-sm"
              >
                <dt className="w-56 font-mono">{p.kind}</dt>
                <dd className="w-12 font-mono">{p.status}</dd>
                <dd>{p.title}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
