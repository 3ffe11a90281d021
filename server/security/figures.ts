// One summary line per suite and database, so the figures in docs/SECURITY.md can be reproduced
// from any run's output: `npx vitest run server/security | grep '\[security\]'`.
export function printFigures(suite: string, kind: string, tried: number, failed: number, detail = ""): void {
  console.log(`[security] ${suite} [${kind}]: ${tried} tried, ${failed} failed${detail ? ` (${detail})` : ""}`);
}
