// Standard Webhooks signing (standardwebhooks.com): the secret is `whsec_` + base64 of random
// bytes; the signature is base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` under the decoded
// secret, sent as `v1,<signature>`. During a rotation both secrets sign, space-separated.
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  const mac = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers for one attempt. */
export function webhookHeaders(
  secrets: string[],
  messageId: string,
  body: string,
  now: number = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    "content-type": "application/json",
    "user-agent": "connections-console-webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => signWebhook(s, messageId, timestamp, body)).join(" "),
  };
}
