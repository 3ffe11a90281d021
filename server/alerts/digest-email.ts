// The daily digest e-mail of one rule: each firing's title (connection or error group, and the
// condition), when it fired, and its link into the console — the same facts the immediate e-mail
// shows, nothing more.
import { notificationPath } from "./email-alert";
import type { AlertRuleRow } from "./rule-row";

export interface DigestItem {
  id: string;
  title: string;
  connection_id: string | null;
  group_id: string | null;
  created_at: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function digestEmail(rule: Pick<AlertRuleRow, "name">, items: DigestItem[], origin: string) {
  const link = (n: DigestItem) => origin + notificationPath({ connectionId: n.connection_id, groupId: n.group_id });
  const count = `${items.length} ${items.length === 1 ? "firing" : "firings"}`;
  const subject = `Daily alert digest: ${rule.name} (${count})`;
  const text = [
    `The alert rule "${rule.name}" fired ${items.length === 1 ? "once" : `${items.length} times`}:`,
    "",
    ...items.map((n) => `- ${when(n.created_at)}  ${n.title}\n  ${link(n)}`),
    "",
    `Manage alert rules: ${origin}/alerts`,
  ].join("\n");
  const rows = items
    .map(
      (n) => `<li>${escapeHtml(when(n.created_at))} — <a href="${escapeHtml(link(n))}">${escapeHtml(n.title)}</a></li>`,
    )
    .join("");
  const html = `<p>The alert rule <strong>${escapeHtml(rule.name)}</strong> fired: ${count}.</p><ul>${rows}</ul><p><a href="${escapeHtml(
    `${origin}/alerts`,
  )}">Manage alert rules</a></p>`;
  return { subject, text, html };
}
