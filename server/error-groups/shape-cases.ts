// Known messages and the shape each groups under: the normaliser's table test runs them through
// the TypeScript normaliser and through each database's SQL function.
export const SHAPE_CASES: readonly [message: string | null, shape: string][] = [
  [null, ""],
  ["", ""],
  [
    "invalid_grant: refresh token has been revoked or has expired",
    "invalid_grant: refresh token has been revoked or has expired",
  ],
  [
    "Rate limit exceeded: 60 requests per minute. Retry after 42 seconds.",
    "Rate limit exceeded: <n> requests per minute. Retry after <n> seconds.",
  ],
  ["Timed out after 30s waiting for the source platform.", "Timed out after <n>s waiting for the source platform."],
  [
    "Destination rejected 1,200 rows: column 'period' is not a date",
    "Destination rejected <n> rows: column 'period' is not a date",
  ],
  ["Company 9f1c2b7e-4d3a-4b8e-9c0d-1e2f3a4b5c6d not found", "Company <uuid> not found"],
  ["Company 9F1C2B7E-4D3A-4B8E-9C0D-1E2F3A4B5C6D not found", "Company <uuid> not found"],
  ["Invite for jane.doe+billing@example.co.uk bounced", "Invite for <email> bounced"],
  ["GET https://api.xero.com/api.xro/2.0/Invoices?page=3 returned 503", "GET <url> returned <n>"],
  ["See (http://status.example.com/incidents/123) for details", "See (<url>) for details"],
  ["Token expired at 2026-11-21T10:00:00.000Z", "Token expired at <time>"],
  ["Token expired at 2026-11-21T10:00:00+01:00.", "Token expired at <time>."],
  ["Sync window 2026-11-20 to 2026-11-21 failed", "Sync window <time> to <time> failed"],
  ["Cannot update invoice INV00042A for con_8f2a91c3", "Cannot update invoice <id> for <id>"],
  ["Access token at_9f8a7b6c5d4e3f2a1b0c was revoked", "Access token <id> was revoked"],
  ["OAuth2 consent required", "OAuth2 consent required"],
  [
    "Field 'TaxRateRef' references a tax rate that does not exist.",
    "Field 'TaxRateRef' references a tax rate that does not exist.",
  ],
  ["record 12345678 failed", "record <n> failed"],
  ["  spaces\tand\nnewlines   collapse  ", "spaces and newlines collapse"],
  ["v2 endpoint deprecated; use v3", "v2 endpoint deprecated; use v3"],
  ["Balance -42.50 below 0", "Balance -<n> below <n>"],
  ["x".repeat(400), "x".repeat(300)],
];
