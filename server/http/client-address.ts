// The client's address, for the sign-in lockout and the relink rate limits: the one place that
// decides how far X-Forwarded-For is believed.
//
// Each proxy appends the address it received the request from, so only the right-most entries,
// those written by proxies we run, are facts; everything to their left is what the client sent.
// TRUST_PROXY is the number of such proxies in front of the app (0 by default). Next.js itself
// fills X-Forwarded-For with the socket's address only when the request has none, so with no
// trusted proxy the header is the client's own text and says nothing: every direct client then
// shares one address, "direct". A limit keyed on it is global, never bypassable; behind a load
// balancer set TRUST_PROXY to make it per client.
import { isIP } from "node:net";

export const DIRECT_CLIENT = "direct";
const MAX_HOPS = 10;

export class TrustProxyError extends Error {}

/** TRUST_PROXY: unset, "", "0", "off" or "false" → 0; otherwise a hop count from 1 to 10. */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "0" || text === "off" || text === "false") return 0;
  if (!/^\d+$/.test(text) || Number(text) > MAX_HOPS)
    throw new TrustProxyError(
      `TRUST_PROXY must be the number of proxies in front of the console (0 to ${MAX_HOPS}), got "${value}".`,
    );
  return Number(text);
}

type HeaderBag = Headers | Readonly<Record<string, string | string[] | undefined>>;

function forwardedFor(headers: HeaderBag): string[] {
  const raw =
    headers instanceof Headers
      ? headers.get("x-forwarded-for")
      : ((v) => (Array.isArray(v) ? v.join(",") : v))(headers["x-forwarded-for"]);
  return (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * "::ffff:10.0.0.1", "10.0.0.1:5123" and "10.0.0.1" are one client (some proxies add the port);
 * anything that is not an IP is not an address.
 */
function normalise(address: string): string | null {
  const bare = address.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const unmapped = bare.toLowerCase().startsWith("::ffff:") && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}

/**
 * The address `hops` proxies away: with one trusted proxy, the entry it appended (the last);
 * with two, the one before it; and so on. Fewer entries than hops means a proxy was skipped or
 * the configuration is wrong: the left-most entry, which a trusted proxy still wrote, is used.
 */
export function clientAddress(headers: HeaderBag, hops: number = trustedProxyHops()): string {
  if (hops <= 0) return DIRECT_CLIENT;
  const entries = forwardedFor(headers);
  if (entries.length === 0) return DIRECT_CLIENT;
  const entry = entries[Math.max(0, entries.length - hops)] ?? "";
  return normalise(entry) ?? DIRECT_CLIENT;
}
