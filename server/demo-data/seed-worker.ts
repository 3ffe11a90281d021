// Worker thread of the bulk seed: generates and encodes the batches it is sent, in order.
import { parentPort } from "node:worker_threads";
import type { DbKind } from "../../db";
import type { BatchRequest } from "./seed-batch";
import { prepareBatch } from "./seed-pool";

parentPort?.on("message", (message: { kind: DbKind; request: BatchRequest; summaries: boolean }) => {
  parentPort?.postMessage(prepareBatch(message.kind, message.request, message.summaries));
});
