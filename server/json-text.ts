/** Parses a JSON text column; a corrupt value is shown as the raw string, never thrown. */
export function parseJsonText(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function parseStringArray(text: string | null): string[] {
  const value = parseJsonText(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
