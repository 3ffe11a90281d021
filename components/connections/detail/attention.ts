// What support must see first: what is wrong, why, and what to do about it, in order of urgency.
// Pure, so the rules are tested; the header renders the result.
import type { ConnectionDetail, ConnectionErrorView } from "@/server/connections/detail/detail.types";
import { describeExpiry } from "./describe-expiry";

export interface AttentionItem {
  kind: "relink" | "platform-paused" | "user-paused" | "errors" | "last-run" | "expiry";
  tone: "destructive" | "warning" | "muted";
  title: string;
  why: string | null;
  todo: string;
  /** which tab holds the detail */
  tab: "errors" | "runs" | "auth" | "relink" | null;
}

type Facts = Pick<
  ConnectionDetail,
  | "status"
  | "needs_relink"
  | "user_paused"
  | "paused_by"
  | "pause_reason"
  | "platform_paused"
  | "platform_paused_reason"
  | "platform"
  | "auth_expires_at"
  | "last_run_status"
  | "last_run_error"
  | "provider_display_name"
  | "integration_name"
  | "provider"
>;

export const PLATFORM_LABEL: Record<ConnectionDetail["platform"], string> = {
  codat: "Codat",
  unified: "Unified.to",
  workiva: "Workiva",
  generic: "the platform",
};

const describeError = (e: ConnectionErrorView) =>
  [e.status_code, e.status_text].filter(Boolean).join(" ") + (e.message ? `: ${e.message}` : "");

/** The error with the latest errored_at (ties: the first listed, which the server orders by id). */
export function newestError(errors: ConnectionErrorView[]): ConnectionErrorView | undefined {
  let newest: ConnectionErrorView | undefined;
  for (const e of errors) if (!newest || Date.parse(e.errored_at) > Date.parse(newest.errored_at)) newest = e;
  return newest;
}

export function attentionItems(
  c: Facts,
  activeErrors: ConnectionErrorView[],
  activeCount: number,
  now: number,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  const provider = c.provider_display_name ?? c.integration_name ?? c.provider;
  const authError = activeErrors.find((e) => e.is_auth_error);
  if (c.needs_relink) {
    const why = authError
      ? describeError(authError)
      : c.status === "expired"
        ? `The credentials expired (${describeExpiry(c.auth_expires_at, now).text.toLowerCase()}).`
        : c.status === "deauthorized"
          ? `Access was revoked at ${provider}.`
          : c.status === "disconnected"
            ? `The connection was unlinked from ${provider}.`
            : `Status is ${c.status}.`;
    items.push({
      kind: "relink",
      tone: "destructive",
      title: "Needs relink",
      why,
      todo: `Send the customer a relink URL so they can re-authorise ${provider}.`,
      tab: "relink",
    });
  }
  if (c.platform_paused) {
    items.push({
      kind: "platform-paused",
      tone: "warning",
      title: `Paused by ${PLATFORM_LABEL[c.platform]}`,
      why: c.platform_paused_reason,
      todo: `Not a console pause: resuming here will not help. The customer's ${PLATFORM_LABEL[c.platform]} plan or account must be fixed upstream.`,
      tab: null,
    });
  }
  if (c.user_paused) {
    items.push({
      kind: "user-paused",
      tone: "muted",
      title: `Paused in the console${c.paused_by ? ` by ${c.paused_by}` : ""}`,
      why: c.pause_reason,
      todo: "Nothing syncs until someone resumes it.",
      tab: null,
    });
  }
  const otherErrors = authError && c.needs_relink ? activeCount - 1 : activeCount;
  // The newest by its time, whatever order the rows came in and whichever callout names it too.
  const latest = newestError(activeErrors);
  if (otherErrors > 0 && latest) {
    items.push({
      kind: "errors",
      tone: "destructive",
      title: `${activeCount} active error${activeCount === 1 ? "" : "s"}`,
      why: `Latest: ${describeError(latest)}`,
      todo: "Read the errors, fix the cause upstream, then resolve them.",
      tab: "errors",
    });
  }
  if (c.last_run_status && /error|fail|cancel/i.test(c.last_run_status)) {
    items.push({
      kind: "last-run",
      tone: "warning",
      title: `Last run ${c.last_run_status}`,
      why: c.last_run_error,
      todo: "Compare its parameters with the last successful run.",
      tab: "runs",
    });
  }
  const expiry = describeExpiry(c.auth_expires_at, now);
  if (!c.needs_relink && expiry.tone === "expired") {
    items.push({
      kind: "expiry",
      tone: "warning",
      title: "Credentials expired",
      why: expiry.text,
      todo: "Expect the next sync to fail; consider a relink.",
      tab: "auth",
    });
  } else if (!c.needs_relink && expiry.tone === "soon") {
    items.push({
      kind: "expiry",
      tone: "warning",
      title: "Credentials expire soon",
      why: expiry.text,
      todo: "If the token cannot refresh itself, send a relink URL now.",
      tab: "auth",
    });
  }
  return items;
}
