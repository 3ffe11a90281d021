// The reference page renders the API's own document: every operation with its anchor, scope and
// parameters, every named schema, and an anchor for each problem type the API's errors link to.
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { openApiDocument } from "@/server/rest/openapi-document";
import { PROBLEM_TYPES } from "@/server/rest/problem";
import { ApiReference } from "./api-reference";

it("renders every operation, schema and problem type of the document", () => {
  const doc = openApiDocument("https://console.example.com");
  const problems = Object.entries(PROBLEM_TYPES).map(([kind, p]) => ({ kind, status: p.status, title: p.title }));
  const html = renderToStaticMarkup(<ApiReference doc={doc} problems={problems} />);
  expect(html).toContain("https://console.example.com/api/v1");
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const operation of [item.get, item.post, item.delete]) {
      if (!operation) continue;
      expect(html).toContain(`id="op-${operation.operationId}"`);
      expect(html).toContain(`>${path}</code>`);
    }
  }
  for (const name of Object.keys(doc.components?.schemas ?? {})) expect(html).toContain(`id="schema-${name}"`);
  for (const kind of Object.keys(PROBLEM_TYPES)) expect(html).toContain(`id="problem-${kind}"`);
  expect(html).toContain("scope: connections:write");
  expect(html).toContain("scope: credentials:read");
  // a query parameter with its rule, and a body field with its description
  expect(html).toContain(">needs_relink<");
  expect(html).toContain("Lifetime of the link; default 168 (7 days)");
  expect(html).not.toMatch(/<script/);
});
