import { describe, expect, it } from "vitest";
import type { ConnectionErrorView } from "@/server/connections/detail/detail.types";
import { attentionItems } from "./attention";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const healthy = {
  status: "active",
  needs_relink: false,
  user_paused: false,
  paused_by: null,
  pause_reason: null,
  platform_paused: false,
  platform_paused_reason: null,
  platform: "unified",
  auth_expires_at: "2027-01-01T00:00:00.000Z",
  last_run_status: "complete",
  last_run_error: null,
  provider_display_name: "Xero",
  integration_name: "Xero",
  provider: "xero",
} as const;
const error = (over: Partial<ConnectionErrorView>): ConnectionErrorView => ({
  id: "e",
  status: "active",
  upstream_status: null,
  status_code: "429",
  status_text: "Too Many Requests",
  message: "slow down",
  is_auth_error: false,
  errored_at: "2026-11-01T10:00:00.000Z",
  resolved_at: null,
  resolved_by: null,
  resolution_note: null,
  ...over,
});

describe("attentionItems", () => {
  it("says nothing about a healthy connection", () => {
    expect(attentionItems(healthy, [], 0, NOW)).toEqual([]);
  });

  it("explains a relink with the auth error, and still lists the other errors", () => {
    const auth = error({
      id: "a",
      status_code: "401",
      status_text: "Unauthorized",
      message: "invalid_grant",
      is_auth_error: true,
    });
    const items = attentionItems(
      { ...healthy, status: "error", needs_relink: true },
      [auth, error({ id: "b" })],
      2,
      NOW,
    );
    expect(items.map((i) => i.kind)).toEqual(["relink", "errors"]);
    expect(items[0]?.why).toBe("401 Unauthorized: invalid_grant");
    // Both errored at the same moment: the first listed (the server's newest-first order) is named.
    expect(items[1]?.why).toBe("Latest: 401 Unauthorized: invalid_grant");
  });

  it("names the newest active error, even when it is the auth error the relink callout explains", () => {
    const auth = error({
      id: "a",
      status_code: "401",
      status_text: "Unauthorized",
      message: "invalid_grant",
      is_auth_error: true,
      errored_at: "2026-11-01T11:00:00.000Z",
    });
    const older = error({ id: "b", errored_at: "2026-10-30T09:00:00.000Z" });
    const items = attentionItems({ ...healthy, status: "error", needs_relink: true }, [older, auth], 2, NOW);
    expect(items.find((i) => i.kind === "errors")?.why).toBe("Latest: 401 Unauthorized: invalid_grant");
    const plain = attentionItems(
      healthy,
      [error({ id: "c", errored_at: "2026-10-01T00:00:00Z" }), error({ id: "d", message: "newest" })],
      2,
      NOW,
    );
    expect(plain.find((i) => i.kind === "errors")?.why).toBe("Latest: 429 Too Many Requests: newest");
  });

  it("keeps the platform's pause apart from a console pause, and says what each means", () => {
    const items = attentionItems(
      { ...healthy, platform_paused: true, platform_paused_reason: "plan limit", user_paused: true, paused_by: "sam" },
      [],
      0,
      NOW,
    );
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ["platform-paused", "Paused by Unified.to"],
      ["user-paused", "Paused in the console by sam"],
    ]);
    expect(items[0]?.todo).toMatch(/resuming here will not help/);
  });

  it("flags an expired token without relink, an expiring one, and a failed last run", () => {
    const expired = attentionItems(
      { ...healthy, status: "expired", needs_relink: true, auth_expires_at: "2026-10-29T12:00:00.000Z" },
      [],
      0,
      NOW,
    );
    expect(expired[0]?.why).toBe("The credentials expired (expired 3 days ago).");
    expect(
      attentionItems({ ...healthy, auth_expires_at: "2026-11-02T12:00:00.000Z" }, [], 0, NOW).map((i) => i.kind),
    ).toEqual(["expiry"]);
    expect(
      attentionItems({ ...healthy, last_run_status: "error", last_run_error: "bad date" }, [], 0, NOW)[0],
    ).toMatchObject({ kind: "last-run", why: "bad date", tab: "runs" });
  });
});
