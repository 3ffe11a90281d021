// What each role may do, in one place for the server and the browser alike.
import type { Role } from "./constants";

interface HasRole {
  role: Role;
}

/** Support staff: every tenant. */
export const isStaff = (u: HasRole): boolean => u.role === "support";
/** May change state: support staff and tenant admins, never viewers. */
export const canWrite = (u: HasRole): boolean => u.role === "support" || u.role === "tenant_admin";
