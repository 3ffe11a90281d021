// "Expired 3 days ago" / "Expires in 2 days 4 hours": the auth expiry as support reads it.
export type ExpiryTone = "none" | "expired" | "soon" | "ok";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Within this window an expiry is a warning: the next sync may already fail. */
export const SOON_MS = 3 * DAY;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

function span(ms: number): string {
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return days < 7 && hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  }
  if (ms >= HOUR) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0 ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  }
  return plural(Math.max(1, Math.floor(ms / MINUTE)), "minute");
}

export function describeExpiry(iso: string | null, now: number): { tone: ExpiryTone; text: string } {
  if (!iso) return { tone: "none", text: "No expiry recorded" };
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return { tone: "none", text: `Unreadable expiry (${iso})` };
  const left = at - now;
  if (left <= 0) return { tone: "expired", text: `Expired ${span(-left)} ago` };
  return { tone: left <= SOON_MS ? "soon" : "ok", text: `Expires in ${span(left)}` };
}
