// Issue 12 item 3: a rule's e-mail goes at firing time ("immediate", as before) or as one daily
// digest ("daily"). last_digest_day (UTC YYYY-MM-DD) is the day whose digest has been claimed: the
// worker claims it with a conditional update before sending, so a restart or a second tick on the
// same day never sends twice. auto_relink (a tenant's needs_relink rule): when a connection starts
// needing relink, e-mail its customer a relink link; alert_firings remembers that link and whether
// it was resent once after expiring unused. Frozen once landed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("alert_rules")
    .addColumn("delivery", "text", (c) => c.notNull().defaultTo("immediate"))
    .execute();
  await db.schema.alterTable("alert_rules").addColumn("last_digest_day", "text").execute();
  await db.schema
    .alterTable("alert_rules")
    .addColumn("auto_relink", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("alert_firings").addColumn("auto_link_id", "text").execute();
  await db.schema
    .alterTable("alert_firings")
    .addColumn("auto_resent", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("alert_firings").dropColumn("auto_resent").execute();
  await db.schema.alterTable("alert_firings").dropColumn("auto_link_id").execute();
  await db.schema.alterTable("alert_rules").dropColumn("auto_relink").execute();
  await db.schema.alterTable("alert_rules").dropColumn("last_digest_day").execute();
  await db.schema.alterTable("alert_rules").dropColumn("delivery").execute();
}
