// The shape of an error message: what stays when the parts that differ from one occurrence to the
// next (URLs, e-mails, uuids, timestamps, ids, numbers) become placeholders. Errors with the same
// provider, status code and shape form one error group. Pure, so the browser can show what a
// message groups under; the database computes the same shape in its triggers (SQLite calls this
// function, PostgreSQL has a SQL copy of these rules in migration 0007; a table test runs both).

/** Past this many characters a shape is cut: it is a key, and index keys must stay small. */
export const SHAPE_MAX_CHARS = 300;

/** Applied in order: a later rule never sees what an earlier one replaced. */
export const SHAPE_RULES: readonly { name: string; pattern: RegExp; replacement: string }[] = [
  { name: "url", pattern: /(https?|ftp):\/\/[^ \t\r\n\f\v"'<>)]+/gi, replacement: "<url>" },
  {
    name: "email",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    replacement: "<email>",
  },
  {
    name: "uuid",
    pattern: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g,
    replacement: "<uuid>",
  },
  {
    name: "timestamp",
    pattern: /[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?/g,
    replacement: "<time>",
  },
  {
    // a token of 8+ id characters holding a digit and a letter: con_8f2a91c3, at_9f8a7b6c, INV00042A
    name: "id",
    pattern: /(^|[^A-Za-z0-9_-])(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])/g,
    replacement: "$1<id>",
  },
  // a number that does not continue a word: "42 seconds", "30s", "1,200 rows"; not the 2 of OAuth2
  { name: "number", pattern: /(^|[^A-Za-z0-9_])[0-9]+([.,][0-9]+)*/g, replacement: "$1<n>" },
];

export function errorMessageShape(message: string | null | undefined): string {
  let s = message ?? "";
  for (const rule of SHAPE_RULES) s = s.replace(rule.pattern, rule.replacement);
  s = s.replace(/[ \t\r\n\f\v]+/g, " ").replace(/^ +| +$/g, "");
  // Cut by code points, as PostgreSQL's left() counts characters.
  const chars = [...s];
  return chars.length > SHAPE_MAX_CHARS ? chars.slice(0, SHAPE_MAX_CHARS).join("") : s;
}
