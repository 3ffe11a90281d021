// Playwright global setup: a real SMTP server (smtp-server) for the whole run, on the port the
// config chose (E2E_SMTP_PORT, passed to the app as SMTP_URL). Every spec's relink e-mail goes
// through real SMTP and is accepted; each message is kept as one .eml file in E2E_MAIL_DIR, where
// a spec (another process) reads it. Running for the whole run, not inside one spec, keeps other
// specs' e-mails from failing with "connection refused" while that spec is not running.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export default async function startSmtpSink(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_SMTP_PORT);
  const dir = process.env.E2E_MAIL_DIR;
  if (!Number.isInteger(port) || port <= 0 || !dir) throw new Error("E2E_SMTP_PORT and E2E_MAIL_DIR must be set.");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        // The envelope recipients first (one header line), then the message as received.
        const name = `${String(++count).padStart(4, "0")}.eml`;
        writeFileSync(path.join(dir, name), `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks).toString("utf8")}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
