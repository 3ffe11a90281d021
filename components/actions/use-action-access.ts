"use client";
// Whether the signed-in user may change state. The server refuses viewers anyway (FORBIDDEN);
// this only keeps controls they cannot use off their screen.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-client";
import type { Role } from "@/lib/constants";
import { canWrite } from "@/lib/roles";

export type UserRole = Role;

export const roleCanWrite = (role: UserRole | undefined): boolean => role !== undefined && canWrite({ role });

/** The current user's write permission; false until known, so nothing flashes for viewers. */
export function useCanWrite(): boolean {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.me.get.queryOptions(), staleTime: 5 * 60_000 });
  return roleCanWrite(me.data?.role);
}
