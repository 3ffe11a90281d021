import { PublicLinkStatus } from "@/components/relink/public-link-status";

export const metadata = { title: { absolute: "Reconnect your account" }, robots: { index: false, follow: false } };

export default function RelinkProblemPage() {
  return <PublicLinkStatus kind="problem" />;
}
