// A vitest suite's SMTP server: started before the suite with SMTP_URL pointing at it, closed
// after (kept apart from testing-smtp.ts, which Playwright specs import without vitest).
import { afterAll, beforeAll } from "vitest";
import { startTestSmtp, type TestSmtp } from "./testing-smtp";

/** The suite's server; call inside describe, read the getter inside tests. */
export function useTestSmtp(): () => TestSmtp {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error("the test SMTP server is not started");
    return smtp;
  };
}
