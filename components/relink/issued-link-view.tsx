"use client";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { LinkQrCode } from "./link-qr-code";

/** A freshly created link: the only moment its URL exists outside the customer's inbox. */
export function IssuedLinkView({ url, expiresAt, sentTo }: { url: string; expiresAt: string; sentTo: string | null }) {
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
            Expires <span className="text-foreground">{new Date(expiresAt).toLocaleString()}</span>.
          </p>
          {sentTo ? (
            <p>
              Meant for <span className="text-foreground">{sentTo}</span>. Send it to them yourself; the console does
              not email it.
            </p>
          ) : null}
          <p>Copy it now: for security the console keeps only a fingerprint of the link and cannot show it again.</p>
        </div>
      </div>
    </div>
  );
}
