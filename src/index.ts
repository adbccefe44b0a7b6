/**
 * The GitHub App: which events it listens to and what each one does. `npm start` loads it with
 * the webhook intake in front (src/server.ts); `probot run ./dist/src/index.js` works too, with
 * Probot routing every event. The behaviour lives in src/app, the queue in src/queue.
 * Handlers only queue work, so deliveries are answered in milliseconds; the queue's workers
 * scan with each installation's own paced Octokit.
 */
import Bottleneck from "bottleneck";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { CHECKS } from "../checks/index.js";
import { onIssueComment } from "./app/comment/index.js";
import { onCheckRunRescan, onCheckSuiteRequested, onCheckSuiteRerequested, onInstalled } from "./app/handlers.js";
import type { WebhookIntake } from "./app/intake.js";
import { createMetrics, metricsHandler } from "./app/metrics.js";
import { InstallationPacer, type PacingOptions } from "./app/pacing.js";
import { processJob } from "./app/worker.js";
import type { Check } from "./engine/check.js";
import { createScanQueue, RedisScanQueue, type ScanQueue } from "./queue/index.js";
import { toolInfo } from "./tool.js";

/** What may differ between the deployed App and a test of it. */
export interface AppOptions {
  /** Longest a scan may take before its check run is completed as timed out (default 120 s). */
  readonly timeoutMs?: number;
  /** The checklist (default: every built-in check). */
  readonly checks?: readonly Check[];
  /** Files per GraphQL contents query (default: the GitHub source's, 1,000). */
  readonly contentBatchSize?: number;
  /** The scan queue (default: BullMQ on `REDIS_URL` when set, else the embedded queue). */
  readonly queue?: ScanQueue;
  /** Pacing of GitHub requests per installation (default: GitHub's limits). */
  readonly pacing?: Omit<PacingOptions, "redis" | "events" | "log">;
  /** Where settings are read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Close the queue on SIGTERM/SIGINT before exiting (the deployed App). */
  readonly handleSignals?: boolean;
  /**
   * The deployed App's webhook intake (src/server.ts): the scan events are routed there instead
   * of through Probot, and everything else is forwarded to Probot after the answer.
   */
  readonly intake?: WebhookIntake;
}

/** Quiet time without deliveries before queued jobs start, and the longest they wait for it. */
const INTAKE_LULL_MS = 25;
const INTAKE_MAX_DELAY_MS = 1000;

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Close the queue on a stop signal: running scans get a few seconds, queued ones stay in Redis. */
function closeOnSignals(app: Probot, queue: ScanQueue): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, queue: queue.kind }, "stopping: closing the scan queue");
    const deadline = setTimeout(() => process.exit(0), 9_000);
    deadline.unref();
    void queue
      .close()
      .catch((error: unknown) => app.log.error({ err: error }, "could not close the scan queue"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** The Probot app function, with options. */
export function createApp(options: AppOptions = {}): (app: Probot, fn?: ApplicationFunctionOptions) => void {
  return (app, fn) => {
    const env = options.env ?? process.env;
    const checks = options.checks ?? CHECKS;
    const tool = toolInfo();
    const queue =
      options.queue ??
      createScanQueue({
        redisUrl: env.REDIS_URL,
        concurrency: positive(env.SCAN_JOBS),
        onFailed: (job, error) =>
          app.log.error(
            {
              err: error,
              ...(job ? { deliveryId: job.deliveryId, repo: `${job.owner}/${job.repo}`, sha: job.sha } : {}),
            },
            "scan job failed",
          ),
      });
    let served = false;
    const metrics = createMetrics(() => queue.depth(), { defaults: fn?.addHandler !== undefined });
    try {
      fn?.addHandler(metricsHandler(metrics.registry, env.METRICS_TOKEN || undefined));
      served = true;
    } catch {
      // `probot.load` without a server (tests): no HTTP routes of our own.
    }
    if (served) app.log.debug("metrics served on GET /metrics");
    const pacer = new InstallationPacer({
      ...options.pacing,
      ...(queue instanceof RedisScanQueue ? { redis: queue.redis } : {}),
      events: metrics.pacing,
      log: app.log.child({ name: "pacing" }),
    });
    // Reading and scoring hold a slot; waiting for a paced write does not.
    const scanning = new Bottleneck({ maxConcurrent: positive(env.SCAN_CONCURRENCY) ?? 8 });
    // Deliveries first: a job starts once no delivery has come in for `INTAKE_LULL_MS` (at most
    // `INTAKE_MAX_DELAY_MS` late), so a burst is acknowledged before scans compete for the CPU.
    let lastDelivery = 0;
    const lull = async () => {
      const limit = Date.now() + INTAKE_MAX_DELAY_MS;
      for (let quiet = Date.now() - lastDelivery; quiet < INTAKE_LULL_MS && Date.now() < limit; ) {
        await new Promise((r) => setTimeout(r, INTAKE_LULL_MS - quiet));
        quiet = Date.now() - lastDelivery;
      }
    };
    queue.start(async (job, handle) => {
      await lull();
      return processJob(
        {
          app,
          queue,
          pacer,
          metrics,
          checks,
          tool,
          limit: (run) => scanning.schedule(run),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.contentBatchSize !== undefined ? { contentBatchSize: options.contentBatchSize } : {}),
        },
        job,
        handle,
      );
    });
    if (options.handleSignals) closeOnSignals(app, queue);

    const deps = {
      queue,
      metrics,
      received: () => {
        lastDelivery = Date.now();
      },
    };
    const intake = options.intake;
    if (intake) {
      intake.on<"check_suite.requested">(["check_suite.requested"], (delivery) =>
        onCheckSuiteRequested(deps, delivery),
      );
      intake.on<"check_suite.rerequested">(["check_suite.rerequested"], (delivery) =>
        onCheckSuiteRerequested(deps, delivery),
      );
      intake.on<"check_run.rerequested" | "check_run.requested_action">(
        ["check_run.rerequested", "check_run.requested_action"],
        (delivery) => onCheckRunRescan(deps, delivery),
      );
      intake.on<"installation.created" | "installation_repositories.added">(
        ["installation.created", "installation_repositories.added"],
        (delivery) => onInstalled(deps, delivery),
      );
      intake.forwardOthers((event) => app.receive(event));
    } else {
      app.on("check_suite.requested", (context) => onCheckSuiteRequested(deps, context));
      app.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(deps, context));
      app.on(["check_run.rerequested", "check_run.requested_action"], (context) => onCheckRunRescan(deps, context));
      app.on(["installation.created", "installation_repositories.added"], (context) => onInstalled(deps, context));
    }

    // The comment command answers in a reply, so it runs after the delivery is acknowledged
    // (in this process, two at a time; a crash loses it, and the commenter can ask again).
    const comments = new Bottleneck({ maxConcurrent: 2 });
    app.on("issue_comment.created", (context) => {
      metrics.deliveries.inc({ event: "issue_comment.created", result: "queued" });
      void comments
        .schedule(() => onIssueComment({ checks, tool }, context))
        .catch((error: unknown) => context.log.error({ err: error }, "comment command failed"));
    });
  };
}

/** Probot app function: wire the events to the handlers. */
export default createApp({ handleSignals: true });
