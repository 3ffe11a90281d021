"use client";
// A signing secret, shown the one time the server hands it out.
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function SecretOnce({ secret, id }: { secret: string; id: string }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>Signing secret</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          readOnly
          value={secret}
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={secret} label="Copy secret" />
      </div>
      <p className="text-xs text-muted-foreground">
        Copy it now: it is shown only once. Verify each request&apos;s <code>webhook-signature</code> with it (Standard
        Webhooks; see docs/API.md).
      </p>
    </div>
  );
}
