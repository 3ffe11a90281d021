// What a client may read in an error: one readable sentence. Not a JSON dump, not a stack trace,
// not the database driver's or a library's own words.
const MAX_CHARS = 1200;
const JSON_DUMP = /^\s*[[{]|"[^"\n]{1,60}"\s*:\s*["[{\d]/;
const STACK = /\bat [\w.<>$]+ \(.*:\d+:\d+\)|\bat (?:file:\/\/)?\/\S*:\d+:\d+|node_modules\/|\.[cm]?[jt]s:\d+:\d+/;
const INTERNALS =
  /sqlite|postgres|SQLITE_|syntax error|relation "|violates|duplicate key|kysely|invalid input syntax|ECONNREFUSED|ZodError|TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|undefined is not|Unexpected token|JSON\.parse|superjson/i;

/** Why `message` is not fit for a client, or null when it is. */
export function unreadableReason(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "no message";
  if (message.includes("\n")) return "more than one line";
  if (message.length > MAX_CHARS) return `${message.length} characters`;
  if (JSON_DUMP.test(message)) return "a JSON dump";
  if (STACK.test(message)) return "a stack trace";
  if (INTERNALS.test(message)) return "internal or driver text";
  if (!/[.!?)"]$/.test(message.trim())) return "not a sentence (no final stop)";
  return null;
}
