// What an endpoint URL may be: absolute http(s), no user name or password in it, and (where
// private addresses are refused) not a literal private address. Hostnames are checked again at
// every delivery by their resolved address (address-guard.ts).
import { BadRequestError } from "../errors";
import { checkLiteralHost } from "./address-guard";

export function validateEndpointUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadRequestError("url: not an absolute URL (e.g. https://example.com/webhooks).");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new BadRequestError("url: must start with https:// or http://.");
  if (url.username || url.password) throw new BadRequestError("url: must not carry a user name or password.");
  try {
    checkLiteralHost(url.hostname, allowPrivate);
  } catch (error) {
    throw new BadRequestError(`url: ${error instanceof Error ? error.message : "not allowed"}`);
  }
  return url.toString();
}
