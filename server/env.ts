// Runtime configuration, validated once. Secrets that a demo or test needs but a newcomer
// should not have to invent (encryption key, session secret) are generated into ./data/ on
// first use outside production; in production they must be provided.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  CONSOLE_ENV: z.enum(["development", "demo", "test", "production"]).optional(),
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  SQLITE_PATH: z.string().optional(),
  CONSOLE_DATA_DIR: z.string().optional(),
  CONSOLE_ENCRYPTION_KEY: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  SANDBOX_OAUTH: z.enum(["on", "off"]).optional(),
  RELINK_DEFAULT_TTL_HOURS: z.coerce.number().int().min(1).max(720).optional(),
  SQLITE_READ_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
});

export type ConsoleEnv = "development" | "demo" | "test" | "production";

function parsed() {
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return result.data;
}

export function consoleEnv(): ConsoleEnv {
  const env = parsed();
  if (env.CONSOLE_ENV) return env.CONSOLE_ENV;
  if (env.NODE_ENV === "test") return "test";
  return env.NODE_ENV === "production" ? "production" : "development";
}

export function isProduction(): boolean {
  return consoleEnv() === "production";
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed().CONSOLE_DATA_DIR ?? "data");
}

/** Reads a secret from the environment, or (outside production) from/into ./data/<file>. */
function secret(value: string | undefined, file: string, name: string, bytes: number): string {
  if (value) return value;
  if (isProduction()) throw new Error(`${name} must be set in production.`);
  const dir = dataDir();
  const full = path.join(/*turbopackIgnore: true*/ dir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const generated = randomBytes(bytes).toString("base64");
  writeFileSync(full, generated + "\n", { mode: 0o600 });
  return generated;
}

export function encryptionKeySource(): string {
  return secret(parsed().CONSOLE_ENCRYPTION_KEY, "encryption.key", "CONSOLE_ENCRYPTION_KEY", 32);
}

export function authSecret(): string {
  return secret(parsed().NEXTAUTH_SECRET, "nextauth.secret", "NEXTAUTH_SECRET", 32);
}

export function databaseUrl(): string | undefined {
  return parsed().DATABASE_URL || undefined;
}

export function sqlitePath(): string {
  return parsed().SQLITE_PATH ?? path.join(/*turbopackIgnore: true*/ dataDir(), "console.db");
}

/** Worker threads reading the SQLite file beside the main connection (db/sqlite-read-pool.ts); 2 unless set. */
export function sqliteReadWorkers(): number {
  return parsed().SQLITE_READ_WORKERS ?? 2;
}

export function sandboxOAuthEnabled(): boolean {
  const flag = parsed().SANDBOX_OAUTH;
  if (flag) return flag === "on";
  return !isProduction();
}

export function relinkDefaultTtlHours(): number {
  return parsed().RELINK_DEFAULT_TTL_HOURS ?? 24 * 7;
}
