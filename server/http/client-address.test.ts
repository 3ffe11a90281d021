import { describe, expect, it } from "vitest";
import { clientAddress, DIRECT_CLIENT, trustedProxyHops } from "./client-address";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress: X-Forwarded-For counts only as far as TRUST_PROXY", () => {
  it("trusts no forwarded address by default: rotating the header changes nothing", () => {
    const seen = new Set(
      Array.from({ length: 50 }, (_, i) => clientAddress(xff(`203.0.113.${i}, 10.0.0.${i}`), trustedProxyHops(""))),
    );
    expect([...seen]).toEqual([DIRECT_CLIENT]);
    expect(clientAddress(new Headers(), 0)).toBe(DIRECT_CLIENT);
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, 0)).toBe(DIRECT_CLIENT);
  });

  it("behind one proxy takes the entry that proxy appended, not what the client wrote before it", () => {
    // The client sent "1.2.3.4"; our proxy appended the address it really saw.
    expect(clientAddress(xff("1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
    const rotated = new Set(Array.from({ length: 20 }, (_, i) => clientAddress(xff(`10.9.9.${i}, 198.51.100.7`), 1)));
    expect([...rotated]).toEqual(["198.51.100.7"]);
    expect(clientAddress(xff("198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("behind two proxies takes the second entry from the right", () => {
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the left-most, still written by a trusted proxy.
    expect(clientAddress(xff("198.51.100.7"), 2)).toBe("198.51.100.7");
  });

  it("normalises the forms one address takes, and refuses what is not an address", () => {
    expect(clientAddress(xff("::ffff:198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("198.51.100.7:5123"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("[2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientAddress(xff("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientAddress(xff("unknown"), 1)).toBe(DIRECT_CLIENT);
    expect(clientAddress({ "x-forwarded-for": ["1.1.1.1", "198.51.100.7"] }, 1)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), 1)).toBe(DIRECT_CLIENT);
  });

  it("reads TRUST_PROXY as a hop count and refuses anything else", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("off")).toBe(0);
    expect(trustedProxyHops("false")).toBe(0);
    expect(trustedProxyHops(" 1 ")).toBe(1);
    expect(trustedProxyHops("3")).toBe(3);
    expect(() => trustedProxyHops("true")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("11")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("10.0.0.0/8")).toThrow(/TRUST_PROXY/);
  });
});
