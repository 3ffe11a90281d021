// Signs out through next-auth's own endpoint, as next-auth/react's signOut does, without that
// module (13 kB gzip on every console page for this one call): next-auth v4 wants a POST with the
// CSRF token (from /api/auth/csrf, which also sets its cookie), clears the session cookie and
// answers with where to go.
export async function signOut(callbackUrl = "/login"): Promise<void> {
  const csrf = await fetch("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
