/**
 * One commit, one check run: create it in progress, scan through the GitHub source, complete it
 * with the report. Whatever fails, the check run is completed with a message saying why.
 */
import type { Logger, ProbotOctokit } from "probot";
import type { Check } from "../engine/check.js";
import { GITHUB_SOURCE_DEFAULTS, GitHubSource } from "../repo/github.js";
import { scanDetailed } from "../scan.js";
import {
  type Annotation,
  annotationsOf,
  completedOutput,
  conclusionOf,
  failedOutput,
  RESCAN_ACTIONS,
} from "./check-run.js";
import { CheckRunWriter, type CompletedBody, type FetchFor } from "./check-run-writer.js";
import { describeFailure, withTimeout } from "./failure.js";
import { loadRepoConfig } from "./repo-config.js";

/** The commit to score, and the check run to reuse when the user asked for a re-scan. */
export interface ScanTarget {
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly ref: string | null;
  readonly checkRunId?: number;
}

/** What a scan needs from its surroundings. */
export interface ScanDeps {
  readonly octokit: ProbotOctokit;
  readonly log: Logger;
  readonly checks: readonly Check[];
  readonly tool: { readonly name: string; readonly version: string };
  /** Longest a scan may take before it is reported as timed out (default `SCAN_TIMEOUT_MS`). */
  readonly timeoutMs?: number;
  /** Files per GraphQL contents query (default: the GitHub source's). */
  readonly contentBatchSize?: number;
  /** The installation's paced `fetch` with per-request hooks: lets the in-progress write be replaced. */
  readonly fetchFor?: FetchFor;
  /** Told the check run's id as soon as it exists (a queued job remembers it across restarts). */
  readonly onCheckRun?: (id: number) => void;
  /** Bounds how many scans read and score at once (waiting for a paced write holds no slot). */
  readonly limit?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** What happened, for logs and tests. */
export interface ScanOutcome {
  readonly checkRunId: number | undefined;
  readonly conclusion: "success" | "neutral" | "failure" | "error";
  readonly score?: number;
  /** Check run writes sent (1 when the in-progress write was replaced by the result). */
  readonly writes?: number;
}

/** A scan that takes longer is reported as timed out (GitHub's webhook deadline is long past by then). */
export const SCAN_TIMEOUT_MS = 120_000;

/** GitHub appends the annotations of each update to those already on the run; failures are logged. */
async function appendAnnotations(
  deps: ScanDeps,
  writer: CheckRunWriter,
  run: { owner: string; repo: string; id: number; title: string; summary: string },
  batches: readonly Annotation[][],
): Promise<void> {
  for (const [i, batch] of batches.entries()) {
    try {
      await writer.update(run.id, { output: { title: run.title, summary: run.summary, annotations: batch } });
    } catch (error) {
      deps.log.warn(
        { repo: `${run.owner}/${run.repo}`, checkRunId: run.id, err: error, batchesLeft: batches.length - i },
        "could not add the remaining annotations",
      );
      return;
    }
  }
}

/** Read the commit and score it; throws what stopped it. */
async function runScan(deps: ScanDeps, target: ScanTarget) {
  const { octokit } = deps;
  const { owner, repo, sha } = target;
  const limitMs = deps.timeoutMs ?? SCAN_TIMEOUT_MS;
  const run = async () => {
    const loaded = await loadRepoConfig(octokit, owner, repo, new Set(deps.checks.map((c) => c.id)));
    // No single request may outlive the scan's own limit.
    const requestMs = Math.min(GITHUB_SOURCE_DEFAULTS.timeoutMs, limitMs);
    const source = new GitHubSource(octokit, {
      owner,
      repo,
      sha,
      ref: target.ref,
      timeoutMs: requestMs,
      ...(deps.contentBatchSize ? { batchSize: deps.contentBatchSize } : {}),
    });
    const result = await scanDetailed(source, {
      checks: deps.checks,
      config: loaded.config,
      configIssues: loaded.issues,
      ...(loaded.lineOf ? { configLineOf: loaded.lineOf } : {}),
      tool: deps.tool,
    });
    return { ...result, loaded };
  };
  return withTimeout(run(), limitMs, "The scan");
}

function failedBody(error: unknown): { body: CompletedBody; reason: string } {
  const reason = describeFailure(error);
  return {
    reason,
    body: {
      conclusion: "neutral",
      output: failedOutput(reason, error instanceof Error ? error.message : undefined),
      actions: RESCAN_ACTIONS,
    },
  };
}

/**
 * Score one commit and publish it as a check run. Never throws for a scan failure. The
 * in-progress write goes first; when pacing holds it back, the scan runs meanwhile and the
 * result replaces it.
 */
export async function scanCommit(deps: ScanDeps, target: ScanTarget): Promise<ScanOutcome> {
  const { log } = deps;
  const { owner, repo, sha } = target;
  const started = performance.now();
  const fields = { repo: `${owner}/${repo}`, sha };
  const writer = new CheckRunWriter(deps.octokit, { owner, repo, sha }, deps.fetchFor, deps.onCheckRun);
  try {
    await writer.begin(target.checkRunId);
  } catch (error) {
    log.error({ ...fields, err: error }, "could not create the check run");
    return { checkRunId: undefined, conclusion: "error", writes: writer.writes };
  }
  const durationMs = () => Math.round(performance.now() - started);

  let scanned: Awaited<ReturnType<typeof runScan>> | undefined;
  let failure: unknown;
  try {
    scanned = await (deps.limit ? deps.limit(() => runScan(deps, target)) : runScan(deps, target));
  } catch (error) {
    failure = error;
  }

  if (scanned) {
    const { report, listing, loaded } = scanned;
    const paths = new Set(listing.files.map((f) => f.path));
    const out = completedOutput(
      report,
      annotationsOf(report, (p) => paths.has(p)),
    );
    const conclusion = conclusionOf(report, loaded.config);
    const [first, ...rest] = out.batches;
    let id: number | undefined;
    try {
      id = await writer.finish({
        conclusion,
        output: { title: out.title, summary: out.summary, text: out.text, ...(first ? { annotations: first } : {}) },
        actions: RESCAN_ACTIONS,
      });
    } catch (error) {
      if (!(await settled(writer.id))) {
        log.error({ ...fields, err: error }, "could not create the check run");
        return { checkRunId: undefined, conclusion: "error", writes: writer.writes };
      }
      failure = error;
    }
    if (id !== undefined) {
      // The report is published: a failure from here on loses annotations, not the result.
      await appendAnnotations(deps, writer, { owner, repo, id, title: out.title, summary: out.summary }, rest);
      log.info(
        {
          ...fields,
          checkRunId: id,
          score: report.score,
          grade: report.grade,
          conclusion,
          durationMs: durationMs(),
          filesListed: report.stats.files,
          filesRead: report.stats.filesRead,
          checkRunWrites: writer.writes,
        },
        "scan completed",
      );
      return { checkRunId: id, conclusion, score: report.score, writes: writer.writes };
    }
  }

  const { body, reason } = failedBody(failure);
  const id = await settled(writer.id);
  log.warn({ ...fields, checkRunId: id, err: failure, durationMs: durationMs() }, `scan failed: ${reason}`);
  try {
    const done = await writer.finish(body);
    return { checkRunId: done, conclusion: "error", writes: writer.writes };
  } catch (again) {
    const created = await settled(writer.id);
    if (created === undefined) log.error({ ...fields, err: again }, "could not create the check run");
    else
      log.error({ ...fields, checkRunId: created, err: again }, "could not complete the check run after a failed scan");
    return { checkRunId: created, conclusion: "error", writes: writer.writes };
  }
}

/** The value of a promise that may have failed; undefined when it failed (or is absent). */
async function settled<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  try {
    return promise === undefined ? undefined : await promise;
  } catch {
    return undefined;
  }
}
