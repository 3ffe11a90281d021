/** The sandbox provider lives inside the app, under /sandbox-oauth on the app's own origin. */
export function sandboxIssuer(origin: string): string {
  return `${origin.replace(/\/$/, "")}/sandbox-oauth`;
}
