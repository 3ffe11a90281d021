// A bulk pause run to completion the way the console's client runs it — one step (one
// transaction) after another, each continuing from the last step's cursor — in a process of its
// own, so that server/security/crash.test.ts can kill it with SIGKILL part way. One JSON line per
// committed step on stdout.
//
//   node --import tsx server/security/bulk-pause-child.ts <sqlite file | postgres url> <schema|-> <ids file> <job id> <batch size>
import { readFileSync } from "node:fs";
import { createDb } from "../../db";
import { bulkSetPaused } from "../actions/bulk-set-paused";
import { TenantScope } from "../scope/tenant-scope";

const [target = "", schema = "-", idsFile = "", jobId = "", batch = "10"] = process.argv.slice(2);
const db = target.startsWith("postgres")
  ? createDb({ kind: "postgres", url: target, schema: schema === "-" ? undefined : schema, poolSize: 2 })
  : createDb({ kind: "sqlite", url: target });
const ids = JSON.parse(readFileSync(idsFile, "utf8")) as string[];
const support = {
  id: "usr_crash_support",
  email: "crash@test",
  name: "crash",
  role: "support" as const,
  tenantId: null,
  tenantName: null,
};
const scope = TenantScope.forUser(db, support);

let cursor: string | null = null;
let step = 0;
try {
  for (;;) {
    const result = await bulkSetPaused(scope, {
      action: "pause",
      reason: "crash test",
      target: { kind: "ids", ids },
      cursor,
      jobId,
      batchSize: Number(batch),
    });
    process.stdout.write(`${JSON.stringify({ step: step++, changed: result.changed, cursor: result.nextCursor })}\n`);
    if (result.done) break;
    cursor = result.nextCursor;
  }
} finally {
  await db.destroy();
}
