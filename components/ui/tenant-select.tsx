"use client";

// A labelled tenant picker whose first option stands for every tenant (support's dialogs: API
// keys, webhook endpoints, alert rules), each dialog naming that option in its own words.
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export function TenantSelect({
  id,
  label,
  value,
  onChange,
  tenants,
  allValue,
  allLabel,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  tenants: readonly { id: string; name: string }[];
  /** The value that means every tenant, and how this dialog says it. */
  allValue: string;
  allLabel: string;
  disabled?: boolean;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={onChange} disabled={disabled}>
        <SelectTrigger id={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={allValue}>{allLabel}</SelectItem>
          {tenants.map((t) => (
            <SelectItem key={t.id} value={t.id}>
              {t.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
