// A free TCP port, found synchronously (Playwright's config is evaluated synchronously): a child
// Node process binds port 0 on localhost, prints what the OS chose, and releases it.
import { execFileSync } from "node:child_process";

const PROBE = `const s=require("node:net").createServer();s.listen(0,"localhost",()=>{process.stdout.write(String(s.address().port));s.close()})`;

export function freePortSync(): number {
  const port = Number(execFileSync(process.execPath, ["-e", PROBE], { encoding: "utf8", timeout: 10_000 }).trim());
  if (!Number.isInteger(port) || port <= 0 || port > 65_535)
    throw new Error(`could not find a free port (got "${port}")`);
  return port;
}
