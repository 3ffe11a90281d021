import { MailboxView } from "@/components/mailbox/mailbox-view";
import { isStaff } from "@/lib/roles";
import { getServerCaller } from "@/server/caller";

export const metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  const caller = await getServerCaller();
  const me = await caller.me.get();
  if (!isStaff(me)) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Mailbox</h1>
        <p className="text-sm text-muted-foreground">Only support staff read the local mailbox.</p>
      </div>
    );
  }
  const messages = await caller.mailbox.list({ limit: 50 });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Mailbox</h1>
        <p className="text-sm text-muted-foreground">
          Relink e-mails the console kept here because no SMTP server is configured (set <code>SMTP_URL</code> to send
          them for real).
        </p>
      </div>
      <MailboxView initial={messages} />
    </div>
  );
}
