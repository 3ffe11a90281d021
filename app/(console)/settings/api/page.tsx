import { ApiReference } from "@/components/api-reference/api-reference";
import { publicOrigin } from "@/server/http/public-origin";
import { openApiDocument } from "@/server/rest/openapi-document";
import { PROBLEM_TYPES } from "@/server/rest/problem";

export const metadata = { title: "API reference" };

export default function ApiReferencePage() {
  const problems = Object.entries(PROBLEM_TYPES).map(([kind, p]) => ({ kind, status: p.status, title: p.title }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <p className="text-sm text-muted-foreground">
          REST API v1, generated from the schemas the API validates with. Keys are made under API keys or with{" "}
          <code className="font-mono">npm run api-key -- create</code>; docs/API.md walks through an integration.
        </p>
      </div>
      <ApiReference doc={openApiDocument(publicOrigin())} problems={problems} />
    </div>
  );
}
