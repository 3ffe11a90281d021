// Worker thread of the bulk seed: generates and encodes the batches it is sent, in order.
import { parentPort } from "node:worker_threads";
import type { DbKind } from "../../db";
import { generateBatch, type BatchRequest } from "./seed-batch";
import { encodeBatch } from "./seed-encode";

parentPort?.on("message", (message: { kind: DbKind; request: BatchRequest }) => {
  parentPort?.postMessage(encodeBatch(message.kind, generateBatch(message.request)));
});
