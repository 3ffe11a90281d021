import { HomeView } from "@/components/home/home-view";
import { isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Home" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The landing page after sign-in: health at a glance for the user's scope. */
export default async function Home({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).stale;
  const stale = Number(typeof raw === "string" ? raw : NaN);
  const caller = await getServerCaller();
  const [me, data] = await Promise.all([
    caller.me.get(),
    caller.home.summary(Number.isInteger(stale) && stale >= 1 && stale <= 365 ? { staleDays: stale } : {}),
  ]);
  const staff = isStaff(me);
  return (
    <HomeView
      data={data}
      showTenants={staff}
      scopeLabel={staff ? "across all tenants" : `for ${me.tenantName ?? "your tenant"}`}
    />
  );
}
