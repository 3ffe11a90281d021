// The SSRF guard where private addresses are refused (production): by the address a hostname
// resolves to, not by its spelling, and for literal IPv4 and IPv6 hosts. A receiver listening
// on loopback proves that nothing reached it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress } from "./address-guard";
import { postWebhook, type PostOptions } from "./post-webhook";
import { startReceiver, type Receiver } from "./testing/receiver";
import { validateEndpointUrl } from "./validate-url";

const production: PostOptions = { timeoutMs: 2_000, maxResponseBytes: 65_536, snippetChars: 1024, allowPrivate: false };
const development: PostOptions = { ...production, allowPrivate: true };

describe("webhook address guard", () => {
  let v4: Receiver;
  let v6: Receiver | null = null;
  beforeAll(async () => {
    v4 = await startReceiver("127.0.0.1");
    v6 = await startReceiver("::1").catch(() => null);
  });
  afterAll(async () => {
    await v4.close();
    await v6?.close();
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1"])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses loopback, private and link-local targets in production, by literal and by resolved address", async () => {
    const port = v4.port;
    const urls = [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      `http://127.1:${port}/hook`,
      `http://0x7f000001:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      "http://10.0.0.1/hook",
      "http://169.254.169.254/latest/meta-data",
    ];
    if (v6) urls.push(`http://[::1]:${v6.port}/hook`);
    for (const url of urls) {
      const result = await postWebhook(url, {}, "{}", production);
      expect(result, url).toMatchObject({ ok: false, statusCode: null });
      expect(result.error, url).toMatch(/private or reserved address/);
    }
    expect(v4.received).toHaveLength(0);
    expect(v6?.received ?? []).toHaveLength(0);
  });

  it("allows them where configuration does (demo, development, test)", async () => {
    const result = await postWebhook(`http://localhost:${v4.port}/hook`, {}, "{}", development);
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(v4.received).toHaveLength(1);
  });

  it("has a deadline and never follows a redirect", async () => {
    v4.respond = () => "hang";
    const slow = await postWebhook(`${v4.url}/slow`, {}, "{}", { ...development, timeoutMs: 300 });
    expect(slow).toMatchObject({ ok: false, statusCode: null, error: "No answer within 0.3 s." });
    v4.respond = () => ({ status: 302, body: "elsewhere" });
    expect(await postWebhook(`${v4.url}/moved`, {}, "{}", development)).toMatchObject({ ok: false, statusCode: 302 });
  });

  it("endpoint URLs: http(s) only, no credentials, no literal private address where refused", () => {
    expect(validateEndpointUrl("https://hooks.example.com/x", false)).toBe("https://hooks.example.com/x");
    expect(() => validateEndpointUrl("ftp://example.com/", true)).toThrow(/https:\/\//);
    expect(() => validateEndpointUrl("file:///etc/passwd", true)).toThrow(/https:\/\//);
    expect(() => validateEndpointUrl("https://user:pw@example.com/", true)).toThrow(/user name/);
    expect(() => validateEndpointUrl("not a url", true)).toThrow(/absolute URL/);
    expect(() => validateEndpointUrl("http://169.254.169.254/", false)).toThrow(/private/);
    expect(validateEndpointUrl("http://127.0.0.1:8080/", true)).toBe("http://127.0.0.1:8080/");
  });
});
