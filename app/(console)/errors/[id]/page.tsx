import { notFound } from "next/navigation";
import { ErrorGroupView } from "@/components/errors/error-group-view";
import { canWrite, isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Error group" };

export default async function ErrorGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^eg_[0-9a-f]{16}$/.test(id)) notFound();
  const caller = await getServerCaller();
  const [me, detail] = await Promise.all([
    caller.me.get(),
    caller.errorGroups.get({ id }).catch((e: unknown) => {
      if (e instanceof Error && /not found/i.test(e.message)) return null;
      throw e;
    }),
  ]);
  if (!detail) notFound();
  return <ErrorGroupView detail={detail} showTenants={isStaff(me)} canWrite={canWrite(me)} />;
}
