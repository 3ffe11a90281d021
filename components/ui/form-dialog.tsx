"use client";
// The shell of every dialog that asks for a few fields and submits them: title and description,
// the fields, the server's error, an optional Cancel, and a submit button that shows progress.
// A dialog whose submit produces something to hand over (a new key, a new link) shows that
// result in the form's place, with its own buttons.
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog";

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the button that opens the dialog, when the dialog opens itself */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** the fields */
  children?: ReactNode;
  onSubmit: () => void;
  submitLabel: string;
  /** the submit button's text while the request runs */
  pendingLabel?: string;
  pending: boolean;
  submitDisabled?: boolean;
  submitVariant?: ButtonProps["variant"];
  /** the server's error, announced under the fields */
  error?: ReactNode;
  /** a Cancel button that closes the dialog (disabled while the request runs) */
  cancel?: boolean;
  /** once submitted: what to show instead of the form, and the buttons under it */
  result?: { body: ReactNode; actions: ReactNode } | null;
}

export function FormDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  onSubmit,
  submitLabel,
  pendingLabel = "Working…",
  pending,
  submitDisabled = false,
  submitVariant,
  error,
  cancel = false,
  result,
}: FormDialogProps) {
  const header = (
    <DialogHeader>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{description}</DialogDescription>
    </DialogHeader>
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent>
        {result ? (
          <>
            {header}
            {result.body}
            <DialogFooter>{result.actions}</DialogFooter>
          </>
        ) : (
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            {header}
            {children}
            {error ? (
              <p role="alert" className="text-sm text-destructive-text">
                {error}
              </p>
            ) : null}
            <DialogFooter>
              {cancel ? (
                <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                  Cancel
                </Button>
              ) : null}
              <Button type="submit" variant={submitVariant} disabled={pending || submitDisabled}>
                {pending ? pendingLabel : submitLabel}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
