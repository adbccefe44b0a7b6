/**
 * The Octokit the recruiter scan talks to GitHub with: Octokit's throttling plugin (rate limits
 * are waited out, not failed) and retry plugin (server errors and dropped connections are
 * retried), a token or none, and any API root (GitHub Enterprise).
 */

import { retry } from "@octokit/plugin-retry";
import { type ThrottlingOptions, throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { networkFailure } from "../remote/network.js";

/** The public API root. */
export const GITHUB_API_URL = "https://api.github.com";

/** A wait the throttling plugin decided on: shown as progress so a long pause is explained. */
export interface RateLimitWait {
  readonly seconds: number;
  /** "primary": the hourly quota is spent; "secondary": GitHub asked us to slow down. */
  readonly kind: "primary" | "secondary";
  readonly request: string;
}

/** How the scan's Octokit is built. */
export interface ScanOctokitOptions {
  readonly token?: string;
  readonly baseUrl?: string;
  readonly userAgent: string;
  readonly onWait?: (wait: RateLimitWait) => void;
  /** Retries after a rate limit before giving up on a request (default 4). */
  readonly maxRateLimitRetries?: number;
  /** Milliseconds per second of `Retry-After` and per retry step; tests shrink it (default 1,000). */
  readonly retryUnitMs?: number;
  /** Least time between two GraphQL queries (default 100 ms: 600 a minute, under GitHub's 2,000 points). */
  readonly graphqlGapMs?: number;
}

/**
 * Paces GraphQL queries. The throttling plugin queues every GraphQL request with the writes,
 * one per second, because it cannot tell a query from a mutation. The scan only sends read
 * queries (1 point each against GitHub's secondary limit of 2,000 points a minute), so one per
 * second would make 100 repositories take 100 s for no benefit. This object stands in for
 * the plugin's `write` group (the documented `throttle.write` option): the CLI makes no writes.
 */
export class QueryPacer {
  private next = 0;

  constructor(private readonly gapMs: number) {}

  /** The plugin asks for one limiter per Octokit id; one pacer serves them all. */
  key(): QueryPacer {
    return this;
  }

  /** Run `task` no sooner than `gapMs` after the previous one started. */
  async schedule<T>(_options: unknown, task: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.gapMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
    return task();
  }
}

/**
 * GitHub's hourly quota resets within the hour: a reset further away than this is not worth
 * waiting for (a proxy's odd header, or a clock far off) and the repository is reported instead.
 */
export const MAX_RATE_LIMIT_WAIT_S = 65 * 60;

/** A request error carrying the time GitHub's quota resets, when that is too far to wait for. */
export interface ResetTooFar {
  readonly rateLimitResetAt: Date;
}

type HookedError = {
  status?: number;
  response?: { headers?: Record<string, string | undefined> };
  rateLimitResetAt?: Date;
};

/**
 * Runs before the throttling and retry plugins see a failed request: a refused connection or an
 * unknown host is retried once, not three times with growing pauses; a rate-limit reset time is
 * made one the throttling plugin reads right (it truncates the header to 32 bits, so a far-off
 * time became a wait of 0 s, repeated) or, when too far off, not waited for at all.
 */
const scanGuard: Parameters<typeof Octokit.plugin>[0] = (octokit) => {
  octokit.hook.error("request", (error, options) => {
    const failure = networkFailure(error);
    if (failure?.permanent) options.request = { ...options.request, retries: 1 } as typeof options.request;
    const e = error as HookedError;
    const headers = e.response?.headers;
    if (headers && (e.status === 403 || e.status === 429) && headers["x-ratelimit-remaining"] === "0") {
      const reset = Number(headers["x-ratelimit-reset"]);
      const now = Date.now() / 1000;
      // No reset time: wait a minute rather than hammer GitHub with instant retries.
      if (!Number.isFinite(reset) || reset <= 0) headers["x-ratelimit-reset"] = String(Math.ceil(now + 60));
      else if (reset - now > MAX_RATE_LIMIT_WAIT_S) {
        // Not a rate limit the throttling plugin should wait out: the row says when it resets.
        headers["x-ratelimit-remaining"] = "unknown";
        e.rateLimitResetAt = new Date(Math.min(reset * 1000, 8.64e15));
      }
    }
    throw error;
  });
};

const ScanOctokit = Octokit.plugin(scanGuard, throttling, retry);

/** An Octokit for scanning: throttled, retrying, authenticated when a token is given. */
export function createScanOctokit(options: ScanOctokitOptions): Octokit {
  const unit = options.retryUnitMs ?? 1000;
  const maxRetries = options.maxRateLimitRetries ?? 4;
  const limitHandler =
    (kind: RateLimitWait["kind"]) =>
    (seconds: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= maxRetries) return false;
      options.onWait?.({ seconds, kind, request: `${request.method} ${request.url}` });
      return true;
    };
  const throttle = {
    onRateLimit: limitHandler("primary"),
    onSecondaryRateLimit: limitHandler("secondary"),
    retryAfterBaseValue: unit,
    write: new QueryPacer(options.graphqlGapMs ?? 100) as unknown as NonNullable<ThrottlingOptions["write"]>,
  } as ThrottlingOptions;
  return new ScanOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, ""),
    userAgent: options.userAgent,
    throttle,
    // 409 is an empty repository: asking again will not fill it. 429 is the throttling plugin's.
    retry: { retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

/** The token to use: `--token`, then GITHUB_TOKEN, then GH_TOKEN (the GitHub CLI's variable). */
export function tokenFrom(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  for (const value of [flag, env.GITHUB_TOKEN, env.GH_TOKEN]) if (value?.trim()) return value.trim();
  return undefined;
}

/** The API root: `--api-url`, then GITHUB_API_URL (set by GitHub Actions, on Enterprise too), then github.com. */
export function apiUrlFrom(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return (flag?.trim() || env.GITHUB_API_URL?.trim() || GITHUB_API_URL).replace(/\/+$/, "");
}

/**
 * The URL of a file's raw bytes, outside the API, for scans without a token (GitHub's GraphQL
 * API refuses anonymous queries): raw.githubusercontent.com for github.com; on any other API
 * root (an Enterprise server's `https://<host>/api/v3`), the web host's `/<owner>/<repo>/raw/`
 * path, which Enterprise redirects to wherever it serves raw files.
 */
export function rawFileUrl(apiUrl: string, owner: string, repo: string, sha: string, path: string): string {
  const url = new URL(apiUrl);
  const file = path.split("/").map(encodeURIComponent).join("/");
  const who = `${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  if (url.hostname === "api.github.com") return `https://raw.githubusercontent.com/${who}/${sha}/${file}`;
  return `${url.origin}/${who}/raw/${sha}/${file}`;
}
