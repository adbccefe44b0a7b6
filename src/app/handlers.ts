/**
 * Webhook events to scans. Each handler pulls the commit out of its payload and calls
 * `scanCommit`; nothing else happens here.
 */
import type { Context } from "probot";
import { CHECK_NAME, RESCAN_ACTION } from "./check-run.js";
import type { RecentScans } from "./recent.js";
import type { ScanDeps, ScanTarget } from "./scan-commit.js";
import { scanCommit } from "./scan-commit.js";

/** Repositories scanned per installation event; the rest get their first scan on their next push. */
export const MAX_REPOS_PER_INSTALL_EVENT = 10;

/** The parts of the App that do not change between events. */
export interface AppDeps extends Omit<ScanDeps, "octokit" | "log"> {
  readonly recent: RecentScans;
}

type AnyContext = Context<"check_suite" | "check_run" | "installation" | "installation_repositories">;

function deps(app: AppDeps, context: AnyContext): ScanDeps {
  const { recent: _recent, ...scan } = app;
  return { ...scan, octokit: context.octokit, log: context.log };
}

async function once(app: AppDeps, context: AnyContext, target: ScanTarget): Promise<void> {
  const key = `${target.owner}/${target.repo}@${target.sha}`;
  if (!app.recent.claim(key)) {
    context.log.info(
      { repo: `${target.owner}/${target.repo}`, sha: target.sha },
      "commit already scanned recently: skipped",
    );
    return;
  }
  const outcome = await scanCommit(deps(app, context), target);
  if (outcome.checkRunId === undefined) app.recent.release(key);
}

/** `check_suite.requested`: a push. One check run per commit, even if the event comes twice. */
export async function onCheckSuiteRequested(app: AppDeps, context: Context<"check_suite.requested">): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  await once(app, context, {
    owner: repository.owner.login,
    repo: repository.name,
    sha: suite.head_sha,
    ref: suite.head_branch,
  });
}

/** `check_suite.rerequested`: "Re-run all checks". Always scans again. */
export async function onCheckSuiteRerequested(
  app: AppDeps,
  context: Context<"check_suite.rerequested">,
): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  await scanCommit(deps(app, context), {
    owner: repository.owner.login,
    repo: repository.name,
    sha: suite.head_sha,
    ref: suite.head_branch,
  });
}

/** `check_run.rerequested` and the Re-scan button: scan again into the same check run. */
export async function onCheckRunRescan(
  app: AppDeps,
  context: Context<"check_run.rerequested" | "check_run.requested_action">,
): Promise<void> {
  const { check_run: run, repository } = context.payload;
  // GitHub sends these only for the App's own check runs; the name guards against a future second one.
  if (run.name !== CHECK_NAME) return;
  if (context.payload.action === "requested_action" && context.payload.requested_action?.identifier !== RESCAN_ACTION)
    return;
  await scanCommit(deps(app, context), {
    owner: repository.owner.login,
    repo: repository.name,
    sha: run.head_sha,
    ref: run.check_suite?.head_branch ?? null,
    checkRunId: run.id,
  });
}

/** `installation.created` / `installation_repositories.added`: a first scan of each default branch. */
export async function onInstalled(
  app: AppDeps,
  context: Context<"installation.created" | "installation_repositories.added">,
): Promise<void> {
  const payload = context.payload;
  const repos = ("repositories_added" in payload ? payload.repositories_added : payload.repositories) ?? [];
  const owner =
    payload.installation.account && "login" in payload.installation.account
      ? payload.installation.account.login
      : undefined;
  if (repos.length > MAX_REPOS_PER_INSTALL_EVENT)
    context.log.info(
      { repositories: repos.length, cap: MAX_REPOS_PER_INSTALL_EVENT },
      "installation covers more repositories than the first-scan cap: the rest are scanned on their next push",
    );
  for (const r of repos.slice(0, MAX_REPOS_PER_INSTALL_EVENT)) {
    const [login, name] = r.full_name.includes("/")
      ? (r.full_name.split("/") as [string, string])
      : [owner ?? "", r.name];
    try {
      // "HEAD" resolves to the default branch's latest commit: no need to ask for the branch name first.
      const head = await context.octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
        owner: login,
        repo: name,
        ref: "HEAD",
      });
      await once(app, context, { owner: login, repo: name, sha: head.data.sha, ref: null });
    } catch (error) {
      // An empty repository has no commit (409): nothing to score until the first push.
      context.log.info({ repo: r.full_name, err: error }, "no first scan for this repository");
    }
  }
}
