/**
 * The queue's side of the App: run one queued job with an installation Octokit paced per
 * installation. A push superseded on its branch before its scan starts is completed as
 * skipped; a job run again after a crash completes the check run its first run created.
 */
import type { Logger, Probot, ProbotOctokit } from "probot";
import type { Check } from "../engine/check.js";
import type { JobHandle, ScanJob, ScanQueue } from "../queue/types.js";
import { RESCAN_ACTIONS } from "./check-run.js";
import { CheckRunWriter, type FetchFor } from "./check-run-writer.js";
import type { AppMetrics, ScanOutcomeLabel } from "./metrics.js";
import type { InstallationPacer } from "./pacing.js";
import { scanCommit } from "./scan-commit.js";

/** What the worker needs from the App. */
export interface WorkerDeps {
  readonly app: Probot;
  readonly queue: ScanQueue;
  readonly pacer: InstallationPacer;
  readonly metrics: AppMetrics;
  readonly checks: readonly Check[];
  readonly tool: { readonly name: string; readonly version: string };
  readonly timeoutMs?: number;
  readonly contentBatchSize?: number;
  /** Bounds the scans reading and scoring at once. */
  readonly limit?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** An installation's Octokit with the pacer's `fetch` (Probot's throttling off: the pacer replaces it). */
export async function installationOctokit(
  deps: Pick<WorkerDeps, "app" | "pacer">,
  installationId: number,
  log: Logger,
): Promise<{ octokit: ProbotOctokit; fetchFor: FetchFor }> {
  const appOctokit = (await deps.app.auth()) as ProbotOctokit;
  let fetchFor!: FetchFor;
  const octokit = (await appOctokit.auth({
    type: "installation",
    installationId,
    factory: ({
      octokit: base,
      octokitOptions,
      ...auth
    }: {
      octokit: ProbotOctokit;
      octokitOptions: Record<string, unknown> & {
        throttle?: { enabled?: boolean };
        request?: { fetch?: typeof fetch };
        auth?: Record<string, unknown>;
      };
    }) => {
      // A test Octokit with throttling turned off (Probot's documented way) turns pacing off too.
      const paced = octokitOptions.throttle?.enabled !== false;
      const baseFetch = octokitOptions.request?.fetch;
      fetchFor = (hooks) => deps.pacer.fetchFor(installationId, paced, hooks, baseFetch);
      const Octokit = base.constructor as new (options: Record<string, unknown>) => ProbotOctokit;
      return new Octokit({
        ...octokitOptions,
        log: log.child({ name: "github" }),
        throttle: { enabled: false },
        request: { ...octokitOptions.request, fetch: fetchFor({}) },
        auth: { ...octokitOptions.auth, ...auth, installationId },
      });
    },
  } as never)) as ProbotOctokit;
  return { octokit, fetchFor };
}

const ms = (t: number) => Math.round(t);

/** A superseded push: its check run, completed as skipped in one write. */
async function skip(octokit: ProbotOctokit, fetchFor: FetchFor, job: ScanJob, newer: string): Promise<number> {
  const writer = new CheckRunWriter(octokit, { owner: job.owner, repo: job.repo, sha: job.sha as string }, fetchFor);
  const line = `Skipped: commit ${newer} was pushed to \`${job.ref}\` before this scan started, and its check run has the score.`;
  return writer.finish({
    conclusion: "skipped",
    output: {
      title: "Portfolio quality: skipped (superseded)",
      summary: `${line}\n\nPress **Re-scan** above to score this commit anyway.`,
    },
    actions: RESCAN_ACTIONS,
  });
}

/** A rerun (after a crash or a stall): the check run an earlier run created, if any. */
async function earlierRun(
  octokit: ProbotOctokit,
  job: ScanJob,
  handle: JobHandle,
): Promise<{ id: number; completed: boolean } | undefined> {
  if (handle.attempt <= 1 || job.checkRunId !== undefined) return undefined;
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: job.owner,
    repo: job.repo,
    ref: job.sha as string,
    check_name: "Portfolio quality",
    ...(job.appId ? { app_id: job.appId } : {}),
  });
  const runs = data.check_runs.filter((r) => r.id === handle.checkRunId || handle.checkRunId === undefined);
  const open = runs.find((r) => r.status !== "completed");
  if (open) return { id: Number(open.id), completed: false };
  const done = runs[0];
  return done ? { id: Number(done.id), completed: true } : undefined;
}

/** Run one job; throws only when it is worth retrying (no token, GitHub unreachable). */
export async function processJob(deps: WorkerDeps, job: ScanJob, handle: JobHandle): Promise<void> {
  const startedAt = Date.now();
  const log = deps.app.log.child({
    name: "scan",
    deliveryId: job.deliveryId,
    installation: job.installationId,
    repo: `${job.owner}/${job.repo}`,
    ...(job.sha ? { sha: job.sha } : {}),
    event: job.event,
    attempt: handle.attempt,
  });
  const { octokit, fetchFor } = await installationOctokit(deps, job.installationId, log);

  if (job.kind === "install") {
    try {
      // "HEAD" resolves to the default branch's latest commit: no need to ask for the branch name first.
      const head = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
        owner: job.owner,
        repo: job.repo,
        ref: "HEAD",
      });
      const result = await deps.queue.add({ ...job, kind: "scan", sha: head.data.sha });
      log.info({ sha: head.data.sha, result }, "first scan of the default branch queued");
    } catch (error) {
      // An empty repository has no commit (409): nothing to score until the first push.
      log.info({ err: error }, "no first scan for this repository");
    }
    return;
  }

  const queuedMs = startedAt - job.receivedAt;
  deps.metrics.queueWait.observe(queuedMs / 1000);
  const finished = (outcome: ScanOutcomeLabel, fields: Record<string, unknown>) => {
    const durationMs = Date.now() - startedAt;
    deps.metrics.scans.inc({ outcome });
    deps.metrics.scanDuration.observe({ outcome }, durationMs / 1000);
    if (outcome !== "lost") deps.metrics.deliveryToCompleted.observe((Date.now() - job.receivedAt) / 1000);
    log.info(
      { outcome, ref: job.ref, queuedMs: ms(queuedMs), durationMs, totalMs: Date.now() - job.receivedAt, ...fields },
      "scan summary",
    );
  };

  const newer = job.rescan ? undefined : await deps.queue.heads.supersededBy(job);
  if (newer) {
    const id = await skip(octokit, fetchFor, job, newer);
    deps.metrics.checkRunWrites.inc({ kind: "create_completed" });
    finished("skipped", { checkRunId: id, supersededBy: newer, checkRunWrites: 1 });
    return;
  }

  const earlier = await earlierRun(octokit, job, handle);
  if (earlier?.completed) {
    finished("already_done", { checkRunId: earlier.id, checkRunWrites: 0 });
    return;
  }
  const checkRunId = job.checkRunId ?? earlier?.id;
  const outcome = await scanCommit(
    {
      octokit,
      log,
      checks: deps.checks,
      tool: deps.tool,
      fetchFor,
      ...(deps.limit ? { limit: deps.limit } : {}),
      onCheckRun: (id) => void handle.rememberCheckRun(id).catch(() => undefined),
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.contentBatchSize !== undefined ? { contentBatchSize: deps.contentBatchSize } : {}),
    },
    {
      owner: job.owner,
      repo: job.repo,
      sha: job.sha as string,
      ref: job.ref,
      ...(checkRunId !== undefined ? { checkRunId } : {}),
    },
  );
  const writes = outcome.writes ?? 0;
  if (outcome.checkRunId === undefined) {
    finished("lost", { checkRunWrites: writes });
    // Nothing reached GitHub: worth another try later (the queue retries a few times).
    throw new Error("the check run could not be created");
  }
  deps.metrics.checkRunWrites.inc({ kind: writes <= 1 ? "create_completed" : "create" });
  if (writes > 1) deps.metrics.checkRunWrites.inc({ kind: "complete" }, writes - 1);
  finished(outcome.conclusion, {
    checkRunId: outcome.checkRunId,
    conclusion: outcome.conclusion,
    score: outcome.score,
    checkRunWrites: writes,
  });
}
