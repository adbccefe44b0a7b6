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
  CHECK_NAME,
  completedOutput,
  conclusionOf,
  failedOutput,
  RESCAN_ACTIONS,
} from "./check-run.js";
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
}

/** What happened, for logs and tests. */
export interface ScanOutcome {
  readonly checkRunId: number | undefined;
  readonly conclusion: "success" | "neutral" | "failure" | "error";
  readonly score?: number;
}

/** A scan that takes longer is reported as timed out (GitHub's webhook deadline is long past by then). */
export const SCAN_TIMEOUT_MS = 120_000;

const now = () => new Date().toISOString();

/** GitHub appends the annotations of each update to those already on the run; failures are logged. */
async function appendAnnotations(
  deps: ScanDeps,
  run: { owner: string; repo: string; id: number; title: string; summary: string },
  batches: readonly Annotation[][],
): Promise<void> {
  for (const [i, batch] of batches.entries()) {
    try {
      await deps.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner: run.owner,
        repo: run.repo,
        check_run_id: run.id,
        output: { title: run.title, summary: run.summary, annotations: batch },
      });
    } catch (error) {
      deps.log.warn(
        { repo: `${run.owner}/${run.repo}`, checkRunId: run.id, err: error, batchesLeft: batches.length - i },
        "could not add the remaining annotations",
      );
      return;
    }
  }
}

/** Score one commit and publish it as a check run. Never throws for a scan failure. */
export async function scanCommit(deps: ScanDeps, target: ScanTarget): Promise<ScanOutcome> {
  const { octokit, log } = deps;
  const { owner, repo, sha } = target;
  const started = performance.now();
  const limitMs = deps.timeoutMs ?? SCAN_TIMEOUT_MS;
  const fields = { repo: `${owner}/${repo}`, sha };
  let id: number;
  try {
    if (target.checkRunId === undefined) {
      const created = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
        owner,
        repo,
        name: CHECK_NAME,
        head_sha: sha,
        status: "in_progress",
        started_at: now(),
      });
      id = Number(created.data.id);
    } else {
      id = target.checkRunId;
      await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner,
        repo,
        check_run_id: id,
        status: "in_progress",
        started_at: now(),
      });
    }
  } catch (error) {
    log.error({ ...fields, err: error }, "could not create the check run");
    return { checkRunId: undefined, conclusion: "error" };
  }

  try {
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
        tool: deps.tool,
      });
      return { ...result, loaded };
    };
    const { report, listing, loaded } = await withTimeout(run(), limitMs, "The scan");
    const paths = new Set(listing.files.map((f) => f.path));
    const out = completedOutput(
      report,
      annotationsOf(report, (p) => paths.has(p)),
    );
    const conclusion = conclusionOf(report, loaded.config);
    const [first, ...rest] = out.batches;
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner,
      repo,
      check_run_id: id,
      status: "completed",
      conclusion,
      completed_at: now(),
      output: { title: out.title, summary: out.summary, text: out.text, ...(first ? { annotations: first } : {}) },
      actions: RESCAN_ACTIONS,
    });
    // The report is published: a failure from here on loses annotations, not the result.
    await appendAnnotations(deps, { owner, repo, id, title: out.title, summary: out.summary }, rest);
    log.info(
      {
        ...fields,
        checkRunId: id,
        score: report.score,
        grade: report.grade,
        conclusion,
        durationMs: Math.round(performance.now() - started),
        filesListed: report.stats.files,
        filesRead: report.stats.filesRead,
      },
      "scan completed",
    );
    return { checkRunId: id, conclusion, score: report.score };
  } catch (error) {
    const reason = describeFailure(error);
    log.warn(
      { ...fields, checkRunId: id, err: error, durationMs: Math.round(performance.now() - started) },
      `scan failed: ${reason}`,
    );
    try {
      await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner,
        repo,
        check_run_id: id,
        status: "completed",
        conclusion: "neutral",
        completed_at: now(),
        output: failedOutput(reason, error instanceof Error ? error.message : undefined),
        actions: RESCAN_ACTIONS,
      });
    } catch (again) {
      log.error({ ...fields, checkRunId: id, err: again }, "could not complete the check run after a failed scan");
    }
    return { checkRunId: id, conclusion: "error" };
  }
}
