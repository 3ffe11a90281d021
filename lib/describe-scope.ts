// Shared by the consent page and the relink e-mail (server/email), so both word a scope alike.
// Plain-language wording for OAuth scopes, for the customer who has to approve them.
// Unknown shapes fall back to the scope itself: never invent a meaning.
const SPECIAL: Record<string, string> = {
  offline_access: "Stay connected when you are not signed in",
  refresh_token: "Stay connected when you are not signed in",
  openid: "Confirm who you are",
  email: "See your email address",
  profile: "See your basic profile",
  api: "Use the API on your behalf",
};

const READ = /^(read|readonly|read_only|view)$/i;
const ACRONYMS = /\b(crm|hris|ats|api)\b/g;
const WRITE = /^(write|manage|edit|modify)$/i;

export function describeScope(scope: string): string {
  const special = SPECIAL[scope.toLowerCase()];
  if (special) return special;
  const cleaned = scope.replace(/^https?:\/\/[^/]+\/(auth\/)?/, "");
  const words = cleaned.split(/[._:/\s-]+/).filter(Boolean);
  const action = words.find((w) => READ.test(w)) ? "See" : words.find((w) => WRITE.test(w)) ? "See and change" : null;
  const subject = words
    .filter((w) => !READ.test(w) && !WRITE.test(w) && !/^(com|intuit|objects|admin)$/i.test(w))
    .join(" ");
  if (!action || !subject) return scope;
  return `${action} your ${subject.toLowerCase().replace(ACRONYMS, (w) => w.toUpperCase())}`;
}
