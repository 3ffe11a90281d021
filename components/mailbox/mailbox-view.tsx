"use client";
// The local mailbox: relink e-mails the console kept because no SMTP server is configured
// (demo, development). Each message shows as the customer would see it (HTML, sandboxed), with
// its plain-text part and its links.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MailboxMessage } from "@/server/email/list-mailbox";

const LINK = /https?:\/\/[^\s<>"]+/g;

export function MailboxView({ initial }: { initial: { data: MailboxMessage[]; next_cursor: string | null } }) {
  const trpc = useTRPC();
  const messages = useQuery(
    trpc.mailbox.list.queryOptions({ limit: 50 }, { initialData: initial, refetchInterval: 5000 }),
  ).data.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const message = messages.find((m) => m.id === chosen) ?? messages[0];
  if (!message)
    return (
      <p className="rounded-lg border p-6 text-sm text-muted-foreground">
        No mail yet. Create a relink link with “Send by e-mail” and it arrives here.
      </p>
    );
  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
      <ul aria-label="Messages" className="flex flex-col divide-y rounded-lg border">
        {messages.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              onClick={() => setChosen(m.id)}
              aria-current={m.id === message.id ? "true" : undefined}
              className={cn(
                "flex w-full flex-col items-start gap-0.5 px-3 py-2 text-left text-sm hover:bg-muted",
                m.id === message.id && "bg-muted",
              )}
            >
              <span className="font-medium">{m.subject}</span>
              <span className="text-xs text-muted-foreground">
                to {m.to} · <RelativeTime value={m.created_at} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <article aria-label={message.subject} className="space-y-3">
        <header className="space-y-1 text-sm">
          <h2 className="text-lg font-semibold">{message.subject}</h2>
          <p className="text-muted-foreground">
            From {message.from} to {message.to}
            {message.tenant_name ? ` · ${message.tenant_name}` : ""}
          </p>
          <ul className="flex flex-wrap gap-2">
            {[...new Set(message.text.match(LINK) ?? [])].map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noreferrer" className="text-primary underline underline-offset-4">
                  Open the link in this message
                </a>
              </li>
            ))}
          </ul>
        </header>
        <iframe
          title="HTML part"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={`<base target="_blank">${message.html}`}
          className="h-[28rem] w-full rounded-lg border bg-white"
        />
        <details>
          <summary className="cursor-pointer text-sm">Plain-text part</summary>
          <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-muted p-3 text-xs">{message.text}</pre>
        </details>
      </article>
    </div>
  );
}
