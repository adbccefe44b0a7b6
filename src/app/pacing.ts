/**
 * GitHub API pacing per installation (per token), in place of the throttling plugin Probot
 * turns on by default. That plugin keys its limiters by one id per Octokit, and the event
 * Octokit Probot hands to handlers has none, so every write of the process shares one
 * 1-second queue whatever the installation; it also queues every GraphQL query with the
 * writes. Here, at the `fetch` under Octokit (so retries are paced too):
 *
 * - content-creating requests (POST/PATCH/PUT/DELETE, GraphQL mutations) of one installation go
 *   one at a time, `writeIntervalMs` apart (GitHub: one second), at most `writesPerHour` an hour
 *   (GitHub's secondary limits: 80 a minute is implied by the interval, 500 an hour by the
 *   reservoir); reads and GraphQL queries are not spaced;
 * - at most `concurrent` requests of one installation in flight (GitHub: 100, shared by REST and
 *   GraphQL);
 * - an answer that says to slow down (`Retry-After`, a secondary rate limit message,
 *   `x-ratelimit-remaining: 0`) pauses the whole installation for that long, then the request is
 *   sent again, a few times at most; a longer wait than `maxWaitMs` is not waited out: the error
 *   goes back to the scan, whose check run says so.
 *
 * The limiters are Bottleneck groups keyed by installation; with a Redis connection they are
 * shared by every replica, and so is the pause.
 */
import Bottleneck from "bottleneck";
import type { Redis } from "ioredis";

/** Hooks one request may carry. */
export interface SendHooks {
  /** Called right before the request goes out (after pacing): may replace the request. */
  readonly beforeSend?: (init: RequestInit) => RequestInit;
  /** Called when the request has to wait for the installation's write pacing. */
  readonly onDeferred?: () => void;
  /** Bottleneck priority among the installation's waiting writes (0 first, default 5). */
  readonly priority?: number;
}

/** What the pacer reports, for metrics. */
export interface PacingEvents {
  onResponse?(method: string, status: number, kind: "rest" | "graphql"): void;
  onRateLimited?(reason: string, waitMs: number, retried: boolean): void;
  onWriteWait?(ms: number): void;
}

/** Minimal logger (Probot's pino child). */
interface Log {
  warn(fields: Record<string, unknown>, msg: string): void;
}

/** The pacing rules; the defaults are GitHub's documented limits. */
export interface PacingOptions {
  /** Between two content-creating requests of one installation (default 1000 ms). */
  readonly writeIntervalMs?: number;
  /** Content-creating requests per installation per hour (default 500). */
  readonly writesPerHour?: number;
  /** Requests of one installation in flight at once (default 10, GitHub allows 100). */
  readonly concurrent?: number;
  /** Longest rate-limit wait worth waiting out inside a scan (default 60 s). */
  readonly maxWaitMs?: number;
  /** Times one request is sent again after a rate-limit answer (default 2). */
  readonly retries?: number;
  /** Shares limiters and pauses across replicas (REDIS_URL). */
  readonly redis?: Redis;
  readonly events?: PacingEvents;
  readonly log?: Log;
}

const noop = () => Promise.resolve();
/** Longest a request may hold a concurrency slot in a cluster (past the GitHub source's 30 s limit). */
const REQUEST_EXPIRY_MS = 35_000;

/** Whether GitHub counts this request as content-creating (the one-per-second rule). */
export function isContentCreating(method: string, url: string, body: unknown): boolean {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD") return false;
  const path = new URL(url, "http://github.test").pathname;
  // Asking for an installation token (with the App's JWT) creates no content.
  if (/\/app\/installations\/[^/]+\/access_tokens$/.test(path)) return false;
  if (/\/graphql$/.test(path))
    return typeof body === "string" && /^\s*mutation\b/.test(String(safeJson(body)?.query ?? ""));
  return true;
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  if (!signal) return promise;
  return Promise.race([promise, sleep(2 ** 31 - 1, signal).then(() => promise)]);
}

/**
 * How long GitHub asks us to wait, and why, from a rate-limit answer; undefined for any other
 * answer. `Retry-After` first, then a secondary limit (at least a minute, GitHub says), then an
 * exhausted primary limit (until `x-ratelimit-reset`).
 */
export async function rateLimitWait(
  res: Response,
  graphql: boolean,
  now = Date.now(),
): Promise<{ ms: number; reason: string } | undefined> {
  const limited = res.status === 403 || res.status === 429;
  const remaining = res.headers.get("x-ratelimit-remaining");
  let text = "";
  if (limited || (graphql && res.status === 200 && remaining === "0")) text = await res.clone().text();
  const graphqlLimited = graphql && /"type"\s*:\s*"RATE_LIMITED"/.test(text);
  if (!limited && !graphqlLimited) return undefined;
  const after = Number(res.headers.get("retry-after"));
  if (res.headers.has("retry-after") && Number.isFinite(after)) return { ms: after * 1000, reason: "retry-after" };
  if (/secondary rate limit/i.test(text)) return { ms: 60_000, reason: "secondary" };
  if (remaining === "0" || graphqlLimited) {
    const reset = Number(res.headers.get("x-ratelimit-reset"));
    return {
      ms: Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 1000 : 60_000,
      reason: "primary",
    };
  }
  return res.status === 429 ? { ms: 60_000, reason: "too-many-requests" } : undefined;
}

/** Pacing of every installation's requests; one per App process. */
export class InstallationPacer {
  private readonly writes: Bottleneck.Group;
  private readonly requests: Bottleneck.Group;
  private readonly connection: Bottleneck.IORedisConnection | undefined;
  private readonly pauses = new Map<number, number>();
  private readonly maxWaitMs: number;
  private readonly retries: number;

  constructor(private readonly options: PacingOptions = {}) {
    const writesPerHour = options.writesPerHour ?? 500;
    this.connection = options.redis ? new Bottleneck.IORedisConnection({ client: options.redis }) : undefined;
    const common = this.connection ? { connection: this.connection } : {};
    // Keys live an hour past their last use, so the hourly reservoir is not reset by a short pause.
    const timeout = 3_660_000;
    this.writes = new Bottleneck.Group({
      id: "pq-writes",
      maxConcurrent: 1,
      minTime: options.writeIntervalMs ?? 1000,
      reservoir: writesPerHour,
      reservoirRefreshAmount: writesPerHour,
      reservoirRefreshInterval: 3_600_000,
      timeout,
      ...common,
    });
    this.requests = new Bottleneck.Group({
      id: "pq-requests",
      maxConcurrent: options.concurrent ?? 10,
      timeout,
      ...common,
    });
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.retries = options.retries ?? 2;
  }

  /**
   * A `fetch` for one installation's Octokit. `paced: false` (tests, with Probot's throttling
   * turned off) sends at once and only applies the hooks.
   */
  fetchFor(installationId: number, paced = true, hooks: SendHooks = {}, base?: typeof fetch): typeof fetch {
    return (input, init = {}) => this.send(installationId, paced, hooks, base ?? globalThis.fetch, input, init);
  }

  private async send(
    installationId: number,
    paced: boolean,
    hooks: SendHooks,
    base: typeof fetch,
    input: Parameters<typeof fetch>[0],
    init: RequestInit,
  ): Promise<Response> {
    const method = (init.method ?? "GET").toUpperCase();
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const graphql = /\/graphql$/.test(new URL(url).pathname);
    const write = isContentCreating(method, url, init.body);
    const key = String(installationId);
    const signal = init.signal;
    for (let attempt = 0; ; attempt++) {
      if (paced) {
        await this.waitForPause(installationId, signal);
        if (write) {
          const asked = performance.now();
          const slot = this.writes.key(key).schedule({ priority: hooks.priority ?? 5, ...this.expiry(5_000) }, noop);
          const quick = await Promise.race([slot.then(() => true), sleep(25).then(() => false)]);
          if (!quick) {
            hooks.onDeferred?.();
            await abortable(slot, signal);
          }
          this.options.events?.onWriteWait?.(performance.now() - asked);
        }
      }
      const go = () => base(input, hooks.beforeSend ? hooks.beforeSend(init) : init);
      const res = paced
        ? await abortable(this.requests.key(key).schedule(this.expiry(REQUEST_EXPIRY_MS), go), signal)
        : await go();
      this.options.events?.onResponse?.(method, res.status, graphql ? "graphql" : "rest");
      if (!paced) return res;
      const wait = await rateLimitWait(res, graphql);
      if (!wait) return res;
      const retry = attempt < this.retries && wait.ms <= this.maxWaitMs;
      this.options.events?.onRateLimited?.(wait.reason, wait.ms, retry);
      // A wait longer than a scan waits is not imposed on the installation's other requests:
      // GitHub answers each of them for itself.
      if (retry) await this.pause(installationId, wait.ms);
      this.options.log?.warn(
        {
          installation: installationId,
          method,
          path: new URL(url).pathname,
          status: res.status,
          waitMs: wait.ms,
          retry,
        },
        retry
          ? "GitHub asked to slow down: waiting, then sending again"
          : "GitHub asked to wait longer than a scan waits",
      );
      if (!retry) return res;
    }
  }

  /**
   * With Redis, a job that a crashed replica was running would hold its slot for ever: an
   * expiration frees it (Bottleneck's advice for clusters). In one process it is not needed.
   */
  private expiry(ms: number): { expiration?: number } {
    return this.connection ? { expiration: ms } : {};
  }

  /** Pause every request of an installation (on every replica, with Redis). */
  async pause(installationId: number, ms: number): Promise<void> {
    const until = Date.now() + ms;
    this.pauses.set(installationId, Math.max(until, this.pauses.get(installationId) ?? 0));
    if (this.options.redis && ms > 0)
      await this.options.redis.set(`pq:pause:${installationId}`, String(until), "PX", Math.ceil(ms));
  }

  private async waitForPause(installationId: number, signal?: AbortSignal | null): Promise<void> {
    let until = this.pauses.get(installationId) ?? 0;
    if (this.options.redis)
      until = Math.max(until, Number((await this.options.redis.get(`pq:pause:${installationId}`)) ?? 0));
    const ms = until - Date.now();
    if (ms > 0) await sleep(ms, signal);
  }

  /** Stop the limiters' timers (the Redis client belongs to the caller). */
  async close(): Promise<void> {
    await Promise.all(
      [this.writes, this.requests].flatMap((g) => g.limiters().map(({ limiter }) => limiter.disconnect(false))),
    );
  }
}
