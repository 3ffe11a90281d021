// Issue 12 item 3: a rule's e-mail goes at firing time ("immediate", as before) or as one daily
// digest ("daily"). last_digest_day (UTC YYYY-MM-DD) is the day whose digest has been claimed: the
// worker claims it with a conditional update before sending, so a restart or a second tick on the
// same day never sends twice. Frozen once landed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("alert_rules")
    .addColumn("delivery", "text", (c) => c.notNull().defaultTo("immediate"))
    .execute();
  await db.schema.alterTable("alert_rules").addColumn("last_digest_day", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("alert_rules").dropColumn("last_digest_day").execute();
  await db.schema.alterTable("alert_rules").dropColumn("delivery").execute();
}
