/**
 * Prometheus metrics of the App (prom-client), served on `GET /metrics` next to Probot's
 * webhook route. One registry per App instance, so tests can run several side by side.
 */

import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { PacingEvents } from "./pacing.js";

/** How a scan ended, as counted. */
export type ScanOutcomeLabel = "success" | "neutral" | "failure" | "error" | "skipped" | "already_done" | "lost";

/** The App's metrics. */
export interface AppMetrics {
  readonly registry: Registry;
  readonly deliveries: Counter<"event" | "result">;
  readonly scans: Counter<"outcome">;
  readonly scanDuration: Histogram<"outcome">;
  readonly queueWait: Histogram;
  readonly deliveryToCompleted: Histogram;
  readonly checkRunWrites: Counter<"kind">;
  readonly githubRequests: Counter<"method" | "status" | "api">;
  readonly rateLimited: Counter<"reason" | "retried">;
  readonly writeWait: Histogram;
  /** The pacing callbacks that feed the GitHub request metrics. */
  readonly pacing: PacingEvents;
}

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300];

/** Create the metrics; `depth` is asked for the queue depth at each scrape. */
export function createMetrics(
  depth: () => Promise<{ waiting: number; active: number; delayed: number }>,
  options: { defaults?: boolean } = {},
): AppMetrics {
  const registry = new Registry();
  if (options.defaults) collectDefaultMetrics({ register: registry, prefix: "portfolio_quality_" });
  const deliveries = new Counter({
    name: "portfolio_quality_deliveries_total",
    help: "Webhook deliveries handled, by event and what was done (queued, duplicate, ignored).",
    labelNames: ["event", "result"] as const,
    registers: [registry],
  });
  const scans = new Counter({
    name: "portfolio_quality_scans_total",
    help: "Scans finished, by outcome: the check run's conclusion, error (completed with a failure message), skipped (superseded), already_done (a rerun found it completed), lost (no check run could be written).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const scanDuration = new Histogram({
    name: "portfolio_quality_scan_duration_seconds",
    help: "From a scan's start (taken off the queue) to its check run completed.",
    labelNames: ["outcome"] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: "portfolio_quality_queue_wait_seconds",
    help: "From the delivery being received to its scan starting.",
    buckets: SECONDS,
    registers: [registry],
  });
  const deliveryToCompleted = new Histogram({
    name: "portfolio_quality_delivery_to_completed_seconds",
    help: "From the delivery being received to its check run completed.",
    buckets: SECONDS,
    registers: [registry],
  });
  const checkRunWrites = new Counter({
    name: "portfolio_quality_check_run_writes_total",
    help: "Check run writes by kind: create (in progress), complete, create_completed (the in-progress write replaced by the result), annotations.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const githubRequests = new Counter({
    name: "portfolio_quality_github_requests_total",
    help: "GitHub API requests sent with installation tokens, by method, HTTP status and API (rest, graphql).",
    labelNames: ["method", "status", "api"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "portfolio_quality_github_rate_limited_total",
    help: "Rate-limit answers from GitHub, by reason (retry-after, secondary, primary) and whether the request was sent again.",
    labelNames: ["reason", "retried"] as const,
    registers: [registry],
  });
  const writeWait = new Histogram({
    name: "portfolio_quality_write_wait_seconds",
    help: "Time a content-creating request waited for its installation's pacing.",
    buckets: SECONDS,
    registers: [registry],
  });
  new Gauge({
    name: "portfolio_quality_queue_depth",
    help: "Scan jobs in the queue by state (waiting, active, delayed); with Redis, the whole queue shared by the replicas.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const d = await depth();
      this.set({ state: "waiting" }, d.waiting);
      this.set({ state: "active" }, d.active);
      this.set({ state: "delayed" }, d.delayed);
    },
  });
  return {
    registry,
    deliveries,
    scans,
    scanDuration,
    queueWait,
    deliveryToCompleted,
    checkRunWrites,
    githubRequests,
    rateLimited,
    writeWait,
    pacing: {
      onResponse: (method, status, api) => githubRequests.inc({ method, status: String(status), api }),
      onRateLimited: (reason, _ms, retried) => rateLimited.inc({ reason, retried: String(retried) }),
      onWriteWait: (ms) => writeWait.observe(ms / 1000),
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A Probot `addHandler` handler for `GET /metrics`. With `token` set (METRICS_TOKEN), the
 * scraper must send `Authorization: Bearer <token>`; other paths are left to the next handler.
 */
export function metricsHandler(
  registry: Registry,
  token?: string,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (token && !sameSecret(req.headers.authorization ?? "", `Bearer ${token}`)) {
      res.writeHead(401, { "content-type": "text/plain" }).end("unauthorized\n");
      return true;
    }
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
