// Shared by the consent page (components/relink) and the relink e-mail (server/email): one wording.
// Plain-language wording for OAuth scopes, for the customer who has to approve them. Known shapes
// (`<area>.<thing>.read`, `read_orders`, Google URLs) become a sentence; read-only and read-write
// alone say so about "your data"; anything else reads "Access to …" with the scope's own words,
// never an invented meaning. The consent page shows the raw scope under the sentence.
const SPECIAL: Record<string, string> = {
  offline_access: "Stay connected when you are not signed in",
  refresh_token: "Stay connected when you are not signed in",
  openid: "Confirm who you are",
  email: "See your email address",
  profile: "See your basic profile",
  api: "Use the API on your behalf",
};

const READ = /^(read|readonly|view|get)$/i;
const WRITE = /^(write|readwrite|manage|edit|modify)$/i;
const ACRONYMS = /\b(crm|hris|ats|api|id|url)\b/g;
const NOISE = /^(com|intuit|objects|admin|auth|scope|scopes)$/i;

const words = (scope: string) =>
  scope
    .replace(/^https?:\/\/[^/]+\/(auth\/)?/, "")
    // "read_only", "read-only", "read_write" are one word each, not "read" plus a subject.
    .replace(/\bread[_-]?only\b/gi, "readonly")
    .replace(/\bread[_-]?write\b/gi, "readwrite")
    .split(/[._:/\s-]+/)
    .filter((w) => /[a-z0-9]/i.test(w));

const phrase = (ws: string[]) =>
  ws
    .join(" ")
    .toLowerCase()
    .replace(ACRONYMS, (w) => w.toUpperCase());

export function describeScope(scope: string): string {
  const special = SPECIAL[scope.toLowerCase()];
  if (special) return special;
  const all = words(scope);
  const reads = all.some((w) => READ.test(w));
  const writes = all.some((w) => WRITE.test(w));
  const subject = phrase(all.filter((w) => !READ.test(w) && !WRITE.test(w) && !NOISE.test(w)));
  if (writes) return subject ? `See and change your ${subject}` : "See and change your data";
  if (reads) return subject ? `See your ${subject}` : "See your data, without changing it";
  return subject ? `Access to ${subject}` : `Access named “${scope}”`;
}
