import { describe, expect, it } from "vitest";
import { FOLLOW_HOPS, followTarget, observePage, startFollow, type Follow } from "./follow-partial";

const empty = (next: string | null, prev: string | null = "p") => ({
  rows: [],
  partial: true as const,
  nextCursor: next,
  prevCursor: prev,
});
const rows = { rows: [{}], partial: true as const, nextCursor: "n", prevCursor: "p" };
const complete = { rows: [], nextCursor: null, prevCursor: null };

describe("following empty partial search pages", () => {
  it("goes on from an empty partial page along the search's direction", () => {
    const f = observePage(startFollow("k"), "k", "", empty("c1"));
    expect(f.hops).toBe(1);
    expect(followTarget(f, empty("c1"), "forward")).toEqual({ nav: "forward", cursor: "c1" });
    expect(followTarget(f, empty("c1", "b1"), "backward")).toEqual({ nav: "backward", cursor: "b1" });
    expect(followTarget(f, empty("c1", "b1"), "last")).toEqual({ nav: "backward", cursor: "b1" });
  });

  it("stops at a page with matches, at a complete page, and at the list's end", () => {
    const f = startFollow("k");
    expect(followTarget(f, rows, "forward")).toBeNull();
    expect(followTarget(f, complete, "forward")).toBeNull();
    expect(followTarget(f, empty(null), "forward")).toBeNull();
    expect(followTarget(f, undefined, "forward")).toBeNull();
  });

  it("counts each page once, and asks after FOLLOW_HOPS of them", () => {
    let f: Follow = startFollow("k");
    f = observePage(f, "k", "c1", empty("c2"));
    expect(observePage(f, "k", "c1", empty("c2"))).toBe(f); // the same page rendered again
    for (let i = 2; i <= FOLLOW_HOPS; i++) f = observePage(f, "k", `c${i}`, empty(`c${i + 1}`));
    expect(f.hops).toBe(FOLLOW_HOPS);
    expect(followTarget(f, empty("next"), "forward")).toBeNull();
    // "Keep searching" starts a new run of hops from where it is.
    expect(followTarget({ ...f, hops: 0 }, empty("next"), "forward")).toEqual({ nav: "forward", cursor: "next" });
  });

  it("a stopped search stays put; a new search (other filters or sort) starts over", () => {
    const stopped = { ...observePage(startFollow("k"), "k", "", empty("c1")), stopped: true };
    expect(followTarget(stopped, empty("c1"), "forward")).toBeNull();
    const other = observePage(stopped, "k2", "", empty("d1"));
    expect(other).toMatchObject({ key: "k2", hops: 1, stopped: false });
    expect(followTarget(other, empty("d1"), "forward")).toEqual({ nav: "forward", cursor: "d1" });
  });
});
