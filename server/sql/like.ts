// The one LIKE escaper: the user's own %, _ and \ are taken literally (pair with ESCAPE '\').

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching any text that contains `text`. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
