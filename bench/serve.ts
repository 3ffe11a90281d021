// The production console for the HTTP benchmarks (first load, load): `npm start`
// (scripts/start.ts: migrate, seed when empty, build when the tree is newer than the build,
// `next start`) on a free port with the environment given, then a signed-in session through the
// real next-auth credentials flow (CSRF token, then the credentials callback), as e2e does.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { freePortSync } from "../e2e/free-port";
import { DEMO_PASSWORD } from "../server/demo-data/seed-demo";

export interface Served {
  origin: string;
  /** the Cookie header of a signed-in session */
  cookie: string;
  /** CPU time (user + system, ms) the server's processes have used so far */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

/**
 * CPU time of every process in a process group, from /proc (Linux): the server's own cost per
 * request, which a machine busy with other work changes far less than requests per second.
 */
export function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command (which may hold spaces) in parentheses: state ppid pgrp … utime stime
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/** Signs in through next-auth's credentials provider; returns the session's Cookie header. */
export async function signIn(origin: string, email: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return session;
}

/** Starts `npm start` (scripts/start.ts) with `env` on a free port and signs in as `email`. */
export async function serve(env: Record<string, string>, email = "support@demo.test"): Promise<Served> {
  // BENCH_PORT when given (helpers sharing the machine each have their own), else a free one.
  const port = Number(process.env.BENCH_PORT) || freePortSync();
  const origin = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true, // its own process group: stop() ends start.ts and the next server it spawned
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 20_000) output = output.slice(-10_000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };
  try {
    // Migration, seeding and a first build take minutes on a busy 2-core machine.
    await waitFor(`${origin}/login`, child, 20 * 60_000);
    const pgid = child.pid ?? 0;
    return { origin, cookie: await signIn(origin, email), cpuMs: () => groupCpuMs(pgid), stop };
  } catch (error) {
    await stop();
    console.error(output.slice(-3000));
    throw error;
  }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}`;
}

export function load(): string {
  return loadavg()[0]?.toFixed(1) ?? "?";
}

/** Replaces the section between `<!-- bench:NAME:start -->` and its end marker (or appends it). */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const file = path.resolve("docs/BENCHMARKS.md");
  const section = `${start}\n${body.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const next =
    current.includes(start) && current.includes(end)
      ? current.slice(0, current.indexOf(start)) + section + current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`docs/BENCHMARKS.md: ${name} section updated`);
}
