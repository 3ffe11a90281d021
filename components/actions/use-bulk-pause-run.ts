"use client";
// Drives a bulk pause/resume to the end, one server step (batch) at a time, so the UI can
// show progress and stop between steps. Each step is its own transaction on the server.
import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import type { BulkTarget } from "@/server/actions/bulk-pause.types";
import { readActionError } from "./action-error";

export type BulkAction = "pause" | "resume";

export interface BulkRunState {
  phase: "idle" | "running" | "done" | "stopped" | "failed";
  action: BulkAction;
  total: number | null;
  processed: number;
  changed: number;
  skipped: number;
  notFound: number;
  error: string | null;
}

const IDLE: BulkRunState = {
  phase: "idle",
  action: "pause",
  total: null,
  processed: 0,
  changed: 0,
  skipped: 0,
  notFound: 0,
  error: null,
};

export function useBulkPauseRun(onFinished: () => void) {
  const trpc = useTRPC();
  const step = useMutation(trpc.actions.bulkSetPaused.mutationOptions());
  const [state, setState] = useState<BulkRunState>(IDLE);
  const stopRequested = useRef(false);

  const start = useCallback(
    async (action: BulkAction, target: BulkTarget, reason?: string) => {
      stopRequested.current = false;
      let s: BulkRunState = { ...IDLE, phase: "running", action };
      setState(s);
      let cursor: string | null = null;
      let jobId: string | null = null;
      try {
        for (;;) {
          const res = await step.mutateAsync({ action, target, reason, cursor, jobId });
          jobId = res.jobId;
          cursor = res.nextCursor;
          s = {
            ...s,
            total: s.total ?? res.total,
            processed: s.processed + res.processed,
            changed: s.changed + res.changed,
            skipped: s.skipped + res.skipped,
            notFound: s.notFound + res.notFound,
            phase: res.done ? "done" : stopRequested.current ? "stopped" : "running",
          };
          setState(s);
          if (s.phase !== "running") break;
        }
      } catch (e) {
        setState({ ...s, phase: "failed", error: readActionError(e).message });
      }
      onFinished();
    },
    [step, onFinished],
  );

  const stop = useCallback(() => {
    stopRequested.current = true;
  }, []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, start, stop, reset };
}
