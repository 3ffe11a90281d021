"use client";
// A dialog that asks for a reason (or note) before an action runs. Required unless told
// otherwise; the server checks again.
import { useEffect, useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
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
  children,
}: ReasonDialogProps) {
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const id = useId();
  useEffect(() => {
    if (open) {
      setText("");
      setTouched(false);
    }
  }, [open]);
  const missing = required && text.trim() === "";
  const message = error ?? (touched && missing ? `${fieldLabel} is required.` : null);
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!missing) onConfirm(text.trim());
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
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
              <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
                {message}
              </p>
            ) : null}
          </div>
          {children}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
