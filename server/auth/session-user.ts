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

export const isStaff = (u: SessionUser): boolean => u.role === "support";
export const canWrite = (u: SessionUser): boolean => u.role === "support" || u.role === "tenant_admin";
