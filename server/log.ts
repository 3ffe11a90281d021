// The server's one logger: JSON lines on stdout (pino), level from LOG_LEVEL. Tests are silent
// unless LOG_LEVEL is set. Values under secret-named keys are replaced at any depth, so a
// request body, a driver error's parameters or a header bag can be logged without leaking.
import pino, { type Logger } from "pino";

/** Key names whose values never reach the log (password, api_key, x-api-key, cookie, …). */
const SECRET_KEY = /passw(or)?d|token|secret|authorization|cookie|credential|api[-_]?key/i;
export const REDACTED = "[redacted]";
const MAX_DEPTH = 8;

/** A copy of `value` with secret-named keys redacted; errors become plain objects first. */
export function redactForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(value);
  if (value instanceof Error) return redactForLog(pino.stdSerializers.err(value), depth, seen);
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1, seen));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined ? REDACTED : redactForLog(v, depth + 1, seen);
  }
  return out;
}

function levelFromEnv(): pino.LevelWithSilent {
  const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
  const known = levels.find((l) => l === configured);
  if (known) return known;
  return process.env.VITEST || process.env.CONSOLE_ENV === "test" ? "silent" : "info";
}

/** Build a logger (tests pass their own destination to read what was written). */
export function createLogger(destination?: pino.DestinationStream, level = levelFromEnv()): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "connections-console" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactForLog(object) as Record<string, unknown>,
    },
    // Errors are already plain objects here (redactForLog serialises them before redacting).
    serializers: { err: (value: unknown) => value },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log: Logger = createLogger();
