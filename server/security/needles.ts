// Searching responses and log output for what must not be there.
import type { SessionUser } from "../auth/session-user";
import { isStaff } from "../auth/session-user";
import type { SecurityFixture } from "./security-fixture";

/** The needles found in `text`, leaving out any the caller sent itself (`sent`). */
export function foundIn(text: string, needles: readonly string[], sent = ""): string[] {
  return [...new Set(needles)].filter((n) => n.length > 0 && !sent.includes(n) && text.includes(n));
}

/** Other users' saved views and preferences: nobody but their owner may read them. */
export function otherUsersNeedles(f: SecurityFixture, user: SessionUser | null): string[] {
  const out = ["globex-pref-marker"];
  for (const [owner, view] of f.views) if (owner !== user?.id) out.push(view.id, view.needle);
  return out;
}

/** What `user` must never see: other users' settings, and another tenant's data unless staff. */
export function forbiddenNeedles(f: SecurityFixture, user: SessionUser | null): string[] {
  const tenantData = user && isStaff(user) ? [] : f.foreign.needles;
  return [...tenantData, ...otherUsersNeedles(f, user)];
}
