// The values the audit page offers in its filter menus, limited to what the user may see.
import type { DB } from "../../db";
import { isStaff, type SessionUser } from "../auth/session-user";
import { scopedAuditEvents } from "../tenant-scope";
import type { AuditFacets } from "./list.types";

export async function auditFacets(db: DB, user: SessionUser): Promise<AuditFacets> {
  const actions = await scopedAuditEvents(db, user)
    .select("audit_events.action")
    .distinct()
    .orderBy("audit_events.action")
    .execute();
  const tenants = isStaff(user) ? await db.selectFrom("tenants").select(["id", "name"]).orderBy("name").execute() : [];
  return { actions: actions.map((a) => a.action), tenants };
}
