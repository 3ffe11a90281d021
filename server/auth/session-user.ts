import type { Role } from "../../db/types";

/** What a session carries about its user, and all the server trusts about them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  tenantName: string | null;
}

export { canWrite, isStaff } from "../../lib/roles";
