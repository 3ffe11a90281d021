import Link from "next/link";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { getServerCaller } from "@/server/caller";
import { isStaff } from "@/lib/roles";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const caller = await getServerCaller();
  const me = await caller.me.get();
  if (!isStaff(me)) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-muted-foreground">Only support staff manage API keys.</p>
      </div>
    );
  }
  const [keys, tenants] = await Promise.all([caller.apiKeys.list(), caller.apiKeys.tenants()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="text-sm text-muted-foreground">
            Keys for the ingest API (<code className="font-mono">POST /api/ingest/…</code>, scope{" "}
            <code className="font-mono">ingest</code>) and the REST API (
            <Link href="/settings/api" className="underline underline-offset-2">
              API reference
            </Link>
            ), each limited to its scopes. Operators can also use{" "}
            <code className="font-mono">npm run api-key -- create</code>.
          </p>
        </div>
        <CreateApiKeyDialog tenants={tenants} />
      </div>
      <ApiKeysTable initial={keys} />
    </div>
  );
}
