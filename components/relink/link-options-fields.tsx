"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { formatLocalShort } from "@/components/ui/format-relative";
import { useNow } from "@/components/ui/use-now";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { DEFAULT_EXPIRY_HOURS, EXPIRY_CHOICES } from "./expiry-choices";

export interface LinkOptions {
  recipient: string;
  expiresInHours: number;
  revokeOpen: boolean;
  /** e-mail the link to the recipient */
  sendEmail: boolean;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  recipient: "",
  expiresInHours: DEFAULT_EXPIRY_HOURS,
  revokeOpen: true,
  sendEmail: true,
};

/** The options as the create procedures take them: an empty recipient is none. */
export function linkOptionsInput(options: LinkOptions) {
  return {
    recipientEmail: options.recipient.trim() || null,
    expiresInHours: options.expiresInHours,
    revokeOpen: options.revokeOpen,
    sendEmail: options.sendEmail && options.recipient.trim() !== "",
  };
}

/** Recipient, expiry and "revoke earlier links": shared by the single and bulk dialogs. */
export function LinkOptionsFields({
  value,
  onChange,
  recipientHint,
}: {
  value: LinkOptions;
  onChange: (next: LinkOptions) => void;
  recipientHint: string;
}) {
  const now = useNow();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="relink-recipient">Recipient email (optional)</Label>
        <Input
          id="relink-recipient"
          type="email"
          autoComplete="off"
          placeholder="name@customer.com"
          value={value.recipient}
          onChange={(e) => onChange({ ...value, recipient: e.target.value })}
        />
        <p className="text-xs text-muted-foreground">{recipientHint}</p>
        <div className="flex items-center gap-2">
          <Checkbox
            id="relink-send-email"
            checked={value.sendEmail && value.recipient.trim() !== ""}
            disabled={value.recipient.trim() === ""}
            onCheckedChange={(c) => onChange({ ...value, sendEmail: c === true })}
          />
          <Label htmlFor="relink-send-email" className="font-normal">
            Send by e-mail
          </Label>
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="relink-expiry">Expires after</Label>
        <Select
          value={String(value.expiresInHours)}
          onValueChange={(v) => onChange({ ...value, expiresInHours: Number(v) })}
        >
          <SelectTrigger id="relink-expiry" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {EXPIRY_CHOICES.map((c) => (
              <SelectItem key={c.hours} value={String(c.hours)}>
                {c.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {now === null ? null : (
          <p className="text-xs text-muted-foreground" aria-live="polite">
            Until about {formatLocalShort(new Date(now + value.expiresInHours * 3_600_000))}, your time.
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <Checkbox
          id="relink-revoke-open"
          checked={value.revokeOpen}
          onCheckedChange={(c) => onChange({ ...value, revokeOpen: c === true })}
        />
        <Label htmlFor="relink-revoke-open" className="font-normal">
          Cancel earlier links that are still open
        </Label>
      </div>
    </div>
  );
}
