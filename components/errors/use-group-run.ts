"use client";
// Runs one of a group's actions to the end, a server step at a time (each step its own
// transaction), keeping what the progress bar and the summary need. Stoppable between steps.
import { useCallback, useRef, useState } from "react";
import { readActionError } from "@/components/actions/action-error";

export type GroupAction = "resolve" | "pause" | "relink";

export interface GroupRunState {
  phase: "idle" | "running" | "done" | "stopped" | "failed";
  action: GroupAction;
  /** what the run is expected to cover (errors or connections), when known */
  total: number;
  processed: number;
  changed: number;
  skipped: { connectionId: string; reason: string }[];
  batchIds: string[];
  error: string | null;
}

export interface StepResult {
  processed: number;
  changed: number;
  done: boolean;
  skipped?: { connectionId: string; reason: string }[];
  batchId?: string | null;
  total?: number | null;
}

const IDLE: GroupRunState = {
  phase: "idle",
  action: "resolve",
  total: 0,
  processed: 0,
  changed: 0,
  skipped: [],
  batchIds: [],
  error: null,
};

export function useGroupRun(onFinished: () => void) {
  const [state, setState] = useState<GroupRunState>(IDLE);
  const stop = useRef(false);
  const start = useCallback(
    async (action: GroupAction, total: number, step: () => Promise<StepResult>) => {
      stop.current = false;
      let s: GroupRunState = { ...IDLE, phase: "running", action, total };
      setState(s);
      try {
        for (;;) {
          const r = await step();
          s = {
            ...s,
            total: r.total ?? s.total,
            processed: s.processed + r.processed,
            changed: s.changed + r.changed,
            skipped: [...s.skipped, ...(r.skipped ?? [])],
            batchIds: r.batchId ? [...s.batchIds, r.batchId] : s.batchIds,
          };
          if (r.done || r.processed === 0) {
            s = { ...s, phase: "done" };
            break;
          }
          if (stop.current) {
            s = { ...s, phase: "stopped" };
            break;
          }
          setState(s);
        }
      } catch (e) {
        s = { ...s, phase: "failed", error: readActionError(e).message };
      }
      setState(s);
      onFinished();
    },
    [onFinished],
  );
  return {
    state,
    start,
    stop: () => {
      stop.current = true;
    },
    dismiss: () => setState(IDLE),
  };
}
