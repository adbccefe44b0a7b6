/**
 * `/portfolio-quality scan owner/repo ...` in an issue or pull-request comment: check that the
 * commenter may write to this repository, react with eyes, scan the named repositories with
 * THIS installation's token (public repositories and this installation's own, never another
 * installation's private ones), and reply with the ranked table in one comment.
 */
import type { Context, ProbotOctokit } from "probot";
import type { Check } from "../../engine/check.js";
import type { Config } from "../../engine/config.js";
import { CredentialsError, scanRepositories } from "../../remote/batch.js";
import { rankRows } from "../../report/ranking.js";
import { MAX_REPOS_PER_COMMENT, parseComment } from "./parse.js";
import { deniedReply, scanReply, usageReply } from "./reply.js";

export { MAX_REPOS_PER_COMMENT } from "./parse.js";

/** What the comment command needs from the App. */
export interface CommentDeps {
  readonly checks: readonly Check[];
  readonly tool: { readonly name: string; readonly version: string };
  /** One config for every repository scanned (default: the built-in weights). */
  readonly config?: Config;
  /** Repositories per comment (default `MAX_REPOS_PER_COMMENT`). */
  readonly maxRepos?: number;
  /** Repositories scanned at once (default 2: one installation's rate limit serves the whole App). */
  readonly concurrency?: number;
}

/** Roles that may run the command; `permission` says "write" for maintain, `role_name` tells them apart. */
const ALLOWED = new Set(["admin", "maintain", "write"]);

/** Whether `login` has write, maintain or admin access to the repository; any doubt says no. */
export async function canRunCommand(
  octokit: ProbotOctokit,
  owner: string,
  repo: string,
  login: string,
): Promise<boolean> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      owner,
      repo,
      username: login,
    });
    return ALLOWED.has(data.role_name) || ALLOWED.has(data.permission);
  } catch {
    return false;
  }
}

/** The `issue_comment.created` handler. */
export async function onIssueComment(deps: CommentDeps, context: Context<"issue_comment.created">): Promise<void> {
  const { comment, issue, repository } = context.payload;
  // Never answer a bot, ourselves included: two Apps could otherwise talk forever.
  if (context.isBot || comment.user?.type === "Bot" || comment.performed_via_github_app) return;
  const cap = deps.maxRepos ?? MAX_REPOS_PER_COMMENT;
  const command = parseComment(comment.body ?? "", cap);
  if (!command) return;
  const owner = repository.owner.login;
  const repo = repository.name;
  const login = comment.user?.login ?? "";
  const log = context.log.child({ repo: `${owner}/${repo}`, issue: issue.number, commenter: login });
  const reply = (body: string) =>
    context.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issue.number,
      body,
    });

  if (!(await canRunCommand(context.octokit, owner, repo, login))) {
    log.info("scan command from someone without write access: refused");
    await reply(deniedReply());
    return;
  }
  try {
    await context.octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      owner,
      repo,
      comment_id: comment.id,
      content: "eyes",
    });
  } catch (error) {
    // The reaction only says "seen": the reply still matters more.
    log.warn({ err: error }, "could not react to the command");
  }
  if (command.kind === "usage") {
    await reply(usageReply(command.reason, cap));
    return;
  }

  const started = performance.now();
  let body: string;
  try {
    const rows = await scanRepositories(context.octokit, command.targets, {
      checks: deps.checks,
      ...(deps.config ? { config: deps.config } : {}),
      tool: deps.tool,
      concurrency: deps.concurrency ?? 2,
      accessHint: " to this App here (it reads public repositories and this installation's own)",
    });
    body = scanReply({
      rows: rankRows(rows),
      overCap: command.overCap,
      problems: command.problems,
      cap,
      tool: deps.tool,
    });
    log.info(
      { repositories: rows.length, durationMs: Math.round(performance.now() - started) },
      "scan command answered",
    );
  } catch (error) {
    log.error({ err: error }, "scan command failed");
    body =
      error instanceof CredentialsError
        ? "Sorry, GitHub refused this App's token, so nothing could be scanned. Please try again later.\n"
        : "Sorry, something went wrong while scanning, and nothing could be reported. Please try again later.\n";
  }
  await reply(body);
}
