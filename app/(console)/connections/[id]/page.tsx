import { notFound } from "next/navigation";
import { ConnectionActions } from "@/components/actions/connection-actions";
import { ConnectionDetailView } from "@/components/connections/detail/connection-detail-view";
import { DETAIL_PAGE_SIZE } from "@/components/connections/detail/tabs";
import { CreateLinkDialog } from "@/components/relink/create-link-dialog";
import { RelinkPanel } from "@/components/relink/relink-panel";
import { canWrite } from "@/lib/roles";
import { textProblem } from "@/server/input/unsafe-text";
import { sessionScope } from "@/server/scope/session-scope";
import { loadConnectionDetail } from "@/server/connections/detail/load-detail";
import { getConnection } from "@/server/connections/detail/get-connection";
import type { Metadata } from "next";

type Params = Promise<{ id: string }>;

/** The tab says which connection it is: "Acme Xero · Connections console". */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, session] = await Promise.all([params, sessionScope()]);
  if (!session || textProblem(id)) return { title: "Connection" };
  const c = await getConnection(session.scope, id).catch(() => null);
  return { title: c ? c.name : "Connection not found" };
}

export default async function ConnectionPage({ params }: { params: Params }) {
  const [{ id }, session] = await Promise.all([params, sessionScope()]);
  if (!session) notFound();
  const { user, scope } = session;
  // Unknown ids, other tenants' ids and malformed ids all get the same not-found page; an id
  // that breaks the text rule (a NUL) never reaches the database, which would fail on it.
  if (textProblem(id)) notFound();
  const data = await loadConnectionDetail(scope, id, DETAIL_PAGE_SIZE);
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
