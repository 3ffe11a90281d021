// Where and why a JSON text is broken, without quoting it. JSON.parse's own message quotes the
// text around the error (`Unexpected token 'h', ..."assword": hunter2"...`), and an ingest body
// may hold credentials, so a rejected record is described by position and kind only. Runs only
// after JSON.parse has failed, so it favours clarity over speed.

export interface JsonSyntaxError {
  /** 0-based offset (UTF-16 units) in the text where the problem is */
  offset: number;
  /** what is wrong, in words that never include the text itself */
  kind: string;
}

class Found extends Error {
  constructor(
    readonly offset: number,
    readonly kind: string,
  ) {
    super(kind);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const LITERALS = ["true", "false", "null"];

/** The first syntax error in `text`, or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const end = text.length;
  const fail = (kind: string, at = i): never => {
    throw new Found(at, i >= end ? "unexpected end of input" : kind);
  };
  const skipSpace = () => {
    while (i < end && " \t\n\r".includes(text.charAt(i))) i++;
  };

  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= end) fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail("control character (such as a raw line break) inside a string");
      if (c === 0x5c) {
        const escape = text.charAt(i + 1);
        if (escape === "u") {
          if (!HEX4.test(text.slice(i + 2, i + 6))) fail("invalid \\u escape in a string");
          i += 6;
        } else {
          if (!'"\\/bfnrt'.includes(escape) || escape === "") fail("invalid escape in a string");
          i += 2;
        }
        continue;
      }
      i++;
    }
  };

  const value = (): void => {
    skipSpace();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      skipSpace();
      if (text.charAt(i) === "}") {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text.charAt(i) !== '"') fail("expected a property name in double quotes");
        string();
        skipSpace();
        if (text.charAt(i) !== ":") fail('expected ":" after a property name');
        i++;
        value();
        skipSpace();
        const next = text.charAt(i);
        i++;
        if (next === "}") return;
        if (next !== ",") fail('expected "," or "}" after a property value', i - 1);
      }
    }
    if (c === "[") {
      i++;
      skipSpace();
      if (text.charAt(i) === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        const next = text.charAt(i);
        i++;
        if (next === "]") return;
        if (next !== ",") fail('expected "," or "]" after an array element', i - 1);
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) fail("invalid number");
      i += match?.[0].length ?? 0;
      return;
    }
    const literal = LITERALS.find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      return;
    }
    fail("unexpected character (not the start of a JSON value; strings need double quotes)");
  };

  try {
    value();
    skipSpace();
    if (i < end) fail("unexpected content after the end of the value");
    return null;
  } catch (error) {
    if (error instanceof Found) return { offset: Math.min(error.offset, end), kind: error.kind };
    throw error;
  }
}

/** Line (1-based, counted from `firstLine`) and column (1-based) of `offset` in `text`. */
export function lineAndColumn(
  text: string,
  offset: number,
  firstLine: number,
  firstColumn: number,
): { line: number; column: number } {
  let line = firstLine;
  let lineStart = -1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line += 1;
    lineStart = at;
  }
  return { line, column: lineStart === -1 ? firstColumn + offset : offset - lineStart };
}
