"use client";
// A dialog that asks for a reason (or note) before an action runs. Required unless told
// otherwise; the server checks again.
import { useId, useState, type ReactNode } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export interface ReasonDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  fieldLabel: string;
  confirmLabel: string;
  required?: boolean;
  pending?: boolean;
  /** error from the server, shown under the field */
  error?: string | null;
  onConfirm: (text: string) => void;
  /** keeps the confirm button off until the dialog's own fields are satisfied */
  confirmDisabled?: boolean;
  children?: ReactNode;
}

export function ReasonDialog({
  open,
  onOpenChange,
  title,
  description,
  fieldLabel,
  confirmLabel,
  required = true,
  pending = false,
  error,
  onConfirm,
  confirmDisabled = false,
  children,
}: ReasonDialogProps) {
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  // Each opening starts blank; adjusted while rendering (React's pattern for state that follows a prop).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setText("");
      setTouched(false);
    }
  }
  const id = useId();
  const missing = required && text.trim() === "";
  const message = error ?? (touched && missing ? `${fieldLabel} is required.` : null);
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !pending && onOpenChange(next)}
      title={title}
      description={description}
      onSubmit={() => {
        setTouched(true);
        if (!missing && !confirmDisabled) onConfirm(text.trim());
      }}
      submitLabel={confirmLabel}
      submitDisabled={confirmDisabled}
      pending={pending}
      cancel
    >
      {children}
      <div className="grid gap-2">
        <Label htmlFor={`${id}-text`}>{fieldLabel}</Label>
        <Textarea
          id={`${id}-text`}
          value={text}
          maxLength={500}
          aria-required={required}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {message ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-destructive-text">
            {message}
          </p>
        ) : null}
      </div>
    </FormDialog>
  );
}
