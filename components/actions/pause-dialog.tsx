"use client";
import { ReasonDialog } from "./reason-dialog";

/** The one pause prompt, used from the detail page and the row menu: a reason is required. */
export function PauseDialog(props: {
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
}) {
  return (
    <ReasonDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={`Pause ${props.name}?`}
      description="Syncing stops until someone resumes it. The reason is shown on the connection and kept in the audit log."
      fieldLabel="Reason"
      confirmLabel="Pause connection"
      pending={props.pending}
      error={props.error}
      onConfirm={props.onConfirm}
    />
  );
}
