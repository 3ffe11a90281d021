import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ConnectionActions } from "@/components/actions/connection-actions";
import { ConnectionDetailView } from "@/components/connections/detail/connection-detail-view";
import { DETAIL_PAGE_SIZE } from "@/components/connections/detail/tabs";
import { CreateLinkDialog } from "@/components/relink/create-link-dialog";
import { RelinkPanel } from "@/components/relink/relink-panel";
import { getSessionUser } from "@/server/auth/get-session-user";
import { canWrite } from "@/server/auth/session-user";
import { getServerCaller } from "@/server/caller";
import { loadConnectionDetail } from "@/server/connections/detail/load-detail";

export const metadata = { title: "Connection" };

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user, caller] = await Promise.all([params, getSessionUser(), getServerCaller()]);
  if (!user) notFound();
  // Unknown ids, other tenants' ids and malformed ids all get the same not-found page.
  const data = await loadConnectionDetail(caller, id, DETAIL_PAGE_SIZE).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!data) notFound();
  const writer = canWrite(user);
  return (
    <ConnectionDetailView
      data={data}
      canWrite={writer}
      // eslint-disable-next-line react-hooks/purity -- a server component renders once per request; this instant goes to the client so both render the same
      now={Date.now()}
      actions={<ConnectionActions connection={data.connection} role={user.role} />}
      relink={<RelinkPanel connectionId={id} needsRelink={data.connection.needs_relink} canWrite={writer} />}
      relinkAction={writer ? <CreateLinkDialog connectionId={id} emphasise /> : null}
    />
  );
}
