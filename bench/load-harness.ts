/**
 * The pieces of the load and fault suite: the App started as deployed (`npm start` in a child
 * process group, pointed at the fake GitHub on loopback through GHE_HOST), signed deliveries,
 * redis-server on a free loopback port, waits with deadlines, and statistics. Everything talks
 * to 127.0.0.1 only, and every wait is bounded.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer, Socket } from "node:net";
import { join } from "node:path";
import { checkSuite } from "../tests/app/payloads.js";
import type { FakeGitHub } from "../tests/helpers/fake-github.js";

/** The App's credentials in the benchmark: a throwaway key and a fresh webhook secret per run. */
export const APP_ID = 29310;
export const SECRET = randomUUID();
export const KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `done` every 10 ms until it holds; throws after `ms`. */
export async function until(what: string, done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** A running App process (npm start) and what it printed. */
export interface AppProcess {
  readonly port: number;
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Peak resident memory of the App's node process so far (MB), from /proc. */
  peakRssMb(): number;
  /** SIGKILL the whole process group (npm, sh and node). */
  kill(): void;
  /** SIGTERM, then wait for the exit (bounded). */
  stop(): Promise<void>;
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    let children: string;
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8");
    } catch {
      return;
    }
    for (const c of children.split(/\s+/).filter(Boolean).map(Number)) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function hwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** `npm start` with the deployed environment, against the fake GitHub; resolves once /ping answers. */
export async function startApp(fake: FakeGitHub, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      APP_ID: String(APP_ID),
      PRIVATE_KEY: KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      ...(process.env.APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.APP_NODE_OPTIONS } : {}),
      ...env,
    },
  });
  const lines: string[] = [];
  let peak = 0;
  const collect = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const sample = setInterval(() => {
    for (const pid of descendants(child.pid as number)) peak = Math.max(peak, hwmMb(pid));
  }, 100);
  child.once("exit", () => clearInterval(sample));
  const app: AppProcess = {
    port,
    child,
    lines,
    peakRssMb: () => {
      for (const pid of descendants(child.pid as number)) peak = Math.max(peak, hwmMb(pid));
      return Math.round(peak);
    },
    kill: () => {
      clearInterval(sample);
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-(child.pid as number), "SIGTERM");
      } catch {
        return;
      }
      await Promise.race([exited, sleep(15_000)]);
      app.kill();
    },
  };
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the App exited: ${lines.slice(-5).join("\n")}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return app;
    if (Date.now() > end) throw new Error(`the App did not answer /ping: ${lines.slice(-5).join("\n")}`);
    await sleep(100);
  }
}

/** bench/floor-server.ts in its own process; resolves once it answers. */
export async function startFloorServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(import.meta.dirname, "floor-server.js")], {
    stdio: "ignore",
    env: { PATH: process.env.PATH ?? "", PORT: String(port), WEBHOOK_SECRET: SECRET },
  });
  const end = Date.now() + 10_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > end) throw new Error("the floor server did not start");
    await sleep(50);
  }
  return {
    port,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
    },
  };
}

/** One push to deliver: installation, repository, commit, branch. */
export interface Push {
  readonly installation: number;
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly branch: string;
}

/** A signed `check_suite.requested` (a real payload from @octokit/webhooks-examples). */
export function pushDelivery(p: Push): { id: string; body: string; signature: string } {
  const payload = checkSuite("requested", { owner: p.owner, repo: p.repo, sha: p.sha, branch: p.branch });
  payload.installation.id = p.installation;
  payload.check_suite.created_at = new Date().toISOString();
  payload.check_suite.app = { ...payload.check_suite.app, id: APP_ID };
  const body = JSON.stringify(payload);
  return { id: randomUUID(), body, signature: `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` };
}

// node:http, one connection per delivery as GitHub does: Node's fetch (undici) alone takes over
// 100 ms to open 200 connections at once, which would time the client rather than the App.
const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/** POST a delivery to the App; resolves with the HTTP status and how long the answer took (ms). */
export function deliver(
  port: number,
  d: { id: string; body: string; signature: string },
): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/github/webhooks",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(d.body),
          "x-github-event": "check_suite",
          "x-github-delivery": d.id,
          "x-hub-signature-256": d.signature,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.on("error", reject);
    req.end(d.body);
  });
}

/** redis-server from Debian on a free loopback port, no persistence to disk; stopped by `stop`. */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  let bin = "redis-server";
  try {
    execFileSync("sh", ["-c", "command -v redis-server"], { stdio: "ignore" });
  } catch {
    bin = "/usr/bin/redis-server";
  }
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  const end = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
      s.connect(port, "127.0.0.1");
    });
    if (up) break;
    if (Date.now() > end || child.exitCode !== null) throw new Error("redis-server did not start");
    await sleep(50);
  }
  return { url, stop: () => child.kill("SIGTERM") };
}
