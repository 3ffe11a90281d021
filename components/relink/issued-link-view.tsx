"use client";
import { CopyButton } from "@/components/ui/copy-button";
import { formatLocalShort, formatRelative, formatUtc } from "@/components/ui/format-relative";
import { useNow } from "@/components/ui/use-now";
import { Input } from "@/components/ui/input";
import { LinkQrCode } from "./link-qr-code";

/** A freshly created link: the only moment its URL exists outside the customer's inbox. */
export function IssuedLinkView({
  url,
  expiresAt,
  sentTo,
  email,
}: {
  url: string;
  expiresAt: string;
  sentTo: string | null;
  /** the e-mail's outcome, when it was sent by e-mail */
  email?: { sent: boolean; error: string | null };
}) {
  const now = useNow();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex gap-2">
        <Input
          readOnly
          value={url}
          aria-label="Relink URL"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url} label="Copy link" />
      </div>
      <div className="flex items-start gap-4">
        <LinkQrCode url={url} />
        <div className="flex flex-col gap-2 text-sm text-muted-foreground">
          <p>
            Expires{" "}
            <time dateTime={expiresAt} className="text-foreground">
              {formatLocalShort(new Date(expiresAt))}
            </time>{" "}
            ({now === null ? "" : `${formatRelative(expiresAt, now)}; `}
            {formatUtc(new Date(expiresAt))}).
          </p>
          {sentTo && email?.sent ? (
            <p role="status">
              E-mailed to <span className="text-foreground">{sentTo}</span>.
            </p>
          ) : sentTo && email ? (
            <p role="alert" className="text-destructive-text">
              Could not e-mail it to {sentTo}: {email.error}. Send the link yourself, or resend it later.
            </p>
          ) : sentTo ? (
            <p>
              Meant for <span className="text-foreground">{sentTo}</span>. Send it to them yourself.
            </p>
          ) : null}
          <p>Copy it now: for security the console keeps only a fingerprint of the link and cannot show it again.</p>
        </div>
      </div>
    </div>
  );
}
