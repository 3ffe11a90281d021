// A delivery worker in a process of its own, for the test that kills one mid-delivery:
// `tsx worker-child.ts sqlite <file>` or `tsx worker-child.ts postgres <url> <schema>`.
// Prints "ready" once started.
import { createDb } from "../../../db";
import { startOutboxWorker } from "../outbox-worker";

const [kind, url, schema] = process.argv.slice(2);
if (!url || (kind !== "sqlite" && kind !== "postgres"))
  throw new Error("usage: worker-child.ts sqlite|postgres URL [SCHEMA]");
const db = createDb({ kind, url, schema });
startOutboxWorker(db, { allowPrivate: true, leaseMs: Number(process.env.LEASE_MS ?? 2000), idleMs: 50 });
console.log("ready");
