// Step one of the outbox worker: give committed events their sequence, in insertion order, and
// create one delivery per subscribed endpoint, in one transaction, so every sequenced event has
// its deliveries exactly once. On PostgreSQL one instance sequences at a time (an advisory lock
// taken for the transaction); the others skip the step and deliver.
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { newId, nowIso } from "../ids";
import { TenantScope } from "../scope/tenant-scope";
import { alertTargets } from "../alerts/alert-targets";
import { endpointWants } from "./endpoint-events";

/** The advisory lock key of the sequencer (any fixed 64-bit number). */
const SEQUENCER_LOCK = 7_311_902_605;
const CHUNK = 400;

export async function sequenceAndFanOut(db: DB, limit = 1000): Promise<number> {
  // The common case, nothing new: one indexed read, no transaction.
  const any = await TenantScope.unscopedForOutbox(db)
    .events()
    .select("position")
    .where("sequence", "is", null)
    .limit(1)
    .executeTakeFirst();
  if (!any) return 0;
  return db.transaction().execute(async (trx) => {
    if (dbKind(db) === "postgres") {
      const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) AS ok`.execute(trx);
      if (!lock.rows[0]?.ok) return 0;
    }
    const scope = TenantScope.unscopedForOutbox(trx);
    const batch = await scope
      .events()
      .select(["position", "id", "type", "tenant_id", "connection_id"])
      .where("sequence", "is", null)
      .orderBy("position")
      .limit(limit)
      .execute();
    if (batch.length === 0) return 0;
    const last = await scope
      .events()
      .select((eb) => eb.fn.max("sequence").as("m"))
      .executeTakeFirst();
    const base = Number(last?.m ?? 0);
    // One statement numbers the whole batch base+1, base+2, … in position order.
    await sql`UPDATE events SET sequence = s.seq
      FROM (SELECT position AS pos, ${base} + row_number() OVER (ORDER BY position) AS seq
            FROM events WHERE position IN (${sql.join(batch.map((e) => e.position))})) AS s
      WHERE events.position = s.pos`.execute(trx);

    const endpoints = await scope
      .webhookEndpoints()
      .select(["id", "tenant_id", "event_types"])
      .where("status", "!=", "disabled")
      .execute();
    const wanted = endpoints.map((e) => ({ ...e, wants: endpointWants(e.event_types) }));
    // An alert rule's own endpoint gets its alert.triggered events whatever it subscribes to.
    const targets = await alertTargets(scope, batch);
    const now = nowIso();
    const deliveries = batch.flatMap((event, i) =>
      wanted
        .filter(
          (e) =>
            (e.tenant_id === null || e.tenant_id === event.tenant_id) &&
            (e.wants(event.type) || targets.get(event.id) === e.id),
        )
        .map((endpoint) => ({
          id: newId("whd"),
          endpoint_id: endpoint.id,
          tenant_id: event.tenant_id,
          event_id: event.id,
          event_type: event.type,
          event_sequence: base + i + 1,
          order_key: event.connection_id ?? event.id,
          test_body: null,
          status: "pending" as const,
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        })),
    );
    for (let i = 0; i < deliveries.length; i += CHUNK) {
      await scope
        .insertInto("webhook_deliveries")
        .values(deliveries.slice(i, i + CHUNK))
        .execute();
    }
    return batch.length;
  });
}
