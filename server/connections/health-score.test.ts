import { describe, expect, it } from "vitest";
import { failureStreak, gradeOf, healthScore, roughDuration, streakOf, type HealthFacts } from "./health-score";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const fine: HealthFacts = {
  status: "active",
  needs_relink: false,
  user_paused: false,
  platform_paused: false,
  open_error_count: 0,
  failure_streak: 0,
  last_sync_at: ago(2 * HOUR),
  auth_expires_at: ago(-90 * DAY),
};
const penalty = (facts: Partial<HealthFacts>, key: string) =>
  healthScore({ ...fine, ...facts }, NOW).factors.find((f) => f.key === key)?.penalty;

describe("healthScore", () => {
  it("gives a connection with nothing wrong 100, healthy, every factor at no cost", () => {
    const h = healthScore(fine, NOW);
    expect(h.score).toBe(100);
    expect(h.grade).toBe("healthy");
    expect(h.factors.map((f) => f.key).sort()).toEqual(["auth", "errors", "streak", "sync"]);
    expect(h.factors.every((f) => f.penalty === 0)).toBe(true);
  });

  it("charges each open error, capped, and says how many", () => {
    expect(penalty({ open_error_count: 1 }, "errors")).toBe(15);
    expect(penalty({ open_error_count: 2 }, "errors")).toBe(30);
    expect(penalty({ open_error_count: 9 }, "errors")).toBe(40);
    const h = healthScore({ ...fine, open_error_count: 2 }, NOW);
    expect(h.factors[0]).toMatchObject({ key: "errors", detail: "2 open errors" });
  });

  it("charges a failure streak per failed run, capped", () => {
    expect(penalty({ failure_streak: 1 }, "streak")).toBe(10);
    expect(penalty({ failure_streak: 3 }, "streak")).toBe(30);
    expect(penalty({ failure_streak: 7 }, "streak")).toBe(30);
    expect(healthScore({ ...fine, failure_streak: 3 }, NOW).factors[0]?.detail).toBe("Last 3 runs failed in a row");
  });

  it("charges by sync age, but not for a paused or pending connection", () => {
    expect(penalty({ last_sync_at: ago(2 * DAY) }, "sync")).toBe(5);
    expect(penalty({ last_sync_at: ago(5 * DAY) }, "sync")).toBe(10);
    expect(penalty({ last_sync_at: ago(10 * DAY) }, "sync")).toBe(20);
    expect(penalty({ last_sync_at: ago(45 * DAY) }, "sync")).toBe(25);
    expect(penalty({ last_sync_at: null }, "sync")).toBe(15);
    expect(penalty({ last_sync_at: null, status: "pending" }, "sync")).toBe(0);
    expect(penalty({ last_sync_at: ago(45 * DAY), user_paused: true }, "sync")).toBe(0);
    expect(penalty({ last_sync_at: ago(45 * DAY), platform_paused: true }, "sync")).toBe(0);
  });

  it("charges expired or soon-expiring credentials, and most of all a needed relink", () => {
    expect(penalty({ auth_expires_at: ago(3 * DAY) }, "auth")).toBe(30);
    expect(penalty({ auth_expires_at: ago(-5 * HOUR) }, "auth")).toBe(20);
    expect(penalty({ auth_expires_at: ago(-3 * DAY) }, "auth")).toBe(10);
    expect(penalty({ auth_expires_at: null }, "auth")).toBe(0);
    expect(penalty({ needs_relink: true, status: "deauthorized" }, "auth")).toBe(35);
    expect(healthScore({ ...fine, auth_expires_at: ago(3 * DAY) }, NOW).factors[0]?.detail).toBe("Expired 3 days ago");
  });

  it("adds the costs up, floors at 0, lists the costliest first and grades the total", () => {
    const h = healthScore(
      {
        ...fine,
        needs_relink: true,
        status: "expired",
        open_error_count: 2,
        failure_streak: 1,
        last_sync_at: ago(10 * DAY),
      },
      NOW,
    );
    expect(h.score).toBe(100 - 35 - 30 - 10 - 20);
    expect(h.grade).toBe("critical");
    expect(h.factors.map((f) => f.penalty)).toEqual([35, 30, 20, 10]);
    const worst = healthScore(
      { ...fine, needs_relink: true, open_error_count: 5, failure_streak: 5, last_sync_at: null },
      NOW,
    );
    expect(worst.score).toBe(0);
    expect([gradeOf(80), gradeOf(79), gradeOf(50), gradeOf(49)]).toEqual([
      "healthy",
      "degraded",
      "degraded",
      "critical",
    ]);
  });
});

describe("failureStreak", () => {
  it("counts failures from the newest run back to the first success, skipping runs still going", () => {
    expect(failureStreak([])).toBe(0);
    expect(failureStreak(["complete", "error"])).toBe(0);
    expect(failureStreak(["error", "error", "complete", "error"])).toBe(2);
    expect(failureStreak(["running", "failed", "cancelled", "error", "succeeded"])).toBe(2);
  });
  it("counts none unless the row's last run failed, and at least that one when it did", () => {
    expect(streakOf("complete", ["error", "error"])).toBe(0);
    expect(streakOf(null, [])).toBe(0);
    expect(streakOf("error", [])).toBe(1);
    expect(streakOf("error", ["error", "error", "complete"])).toBe(2);
  });
});

describe("roughDuration", () => {
  it("rounds to hours or days", () => {
    expect(roughDuration(10 * 60_000)).toBe("under an hour");
    expect(roughDuration(HOUR)).toBe("1 hour");
    expect(roughDuration(-5 * HOUR)).toBe("5 hours");
    expect(roughDuration(36 * HOUR)).toBe("2 days");
  });
});
