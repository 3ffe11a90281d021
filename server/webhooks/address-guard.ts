// Outbound webhook requests must not reach the console's own network: loopback, private,
// link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved
// ranges are refused unless configuration allows them. The check is on the address the request
// actually connects to: the hostname is resolved by our own lookup, which refuses a private
// answer, and the socket connects to the address that lookup returned (no second resolution
// that a rebinding DNS server could answer differently).
import dns from "node:dns";
import net from "node:net";

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(prefix, bits, "ipv6");
}

/** Whether an IP address is one a webhook may not reach (IPv4-mapped IPv6 counts as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class BlockedAddressError extends Error {
  readonly code = "EWEBHOOKBLOCKED";
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or reserved address; webhooks may not be sent there.`);
    this.name = "BlockedAddressError";
  }
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 host. */
export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http(s) that refuses private answers. Node calls it with `all: true` when it
 * races address families; every address is checked either way, so no answer slips through.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new BlockedAddressError(hostname, bad.address), []);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: "ENOTFOUND" }), []);
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/** A literal IP host is never looked up by Node, so it is checked here before connecting. */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): void {
  const host = bareHost(hostname);
  if (!allowPrivate && net.isIP(host) !== 0 && isPrivateAddress(host)) throw new BlockedAddressError(host, host);
}
