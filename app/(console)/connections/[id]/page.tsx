import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ConnectionOverview } from "@/components/connections/connection-overview";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Connection" };

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getServerCaller();
  const connection = await caller.connections.byId({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!connection) notFound();
  return <ConnectionOverview connection={connection} />;
}
