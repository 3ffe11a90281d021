// The trigrams of a search term, as SQLite's FTS5 trigram tokenizer cuts text: every run of three
// characters (code points, spaces included), here without repeats.

export function termTrigrams(term: string): string[] {
  const chars = [...term];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return [...out];
}

/**
 * At most `n` of the trigrams, spread evenly over the term (first and last included), so a long
 * term costs a bounded number of probes and still tries every part of it.
 */
export function spreadTrigrams(trigrams: string[], n: number): string[] {
  if (trigrams.length <= n) return trigrams;
  if (n <= 1) return trigrams.slice(0, n);
  const picked = new Set<string>();
  for (let i = 0; i < n; i++) picked.add(trigrams[Math.round((i * (trigrams.length - 1)) / (n - 1))]!);
  return [...picked];
}

/** A trigram as an FTS5 phrase: quoted, inner quotes doubled. */
export const ftsPhrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Letters that are rare in English text: a trigram holding them tends to be rarer. */
const RARE_LETTERS = new Set([..."jqxzkvbwyfgp"]);
const weight = (c: string) => (/[0-9]/.test(c) ? 3 : RARE_LETTERS.has(c) ? 2 : /\p{L}/u.test(c) ? 1 : 0);

/**
 * The trigrams, likeliest rarest first (digits, then rare letters; spaces and punctuation
 * are everywhere): only an order to try them in, every count is still read from the index.
 */
export function byLikelyRarity(trigrams: string[]): string[] {
  const score = (t: string) => [...t].reduce((a, c) => a + weight(c), 0);
  return trigrams
    .map((t, i) => ({ t, i, s: score(t) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.t);
}
