/**
 * Scan a list of GitHub repositories, a few at a time: for each, ask GitHub what it is (archived?
 * renamed?) and where its default branch points, then run the ordinary scan on that commit
 * through the GitHub source. A repository that cannot be scanned becomes a row saying why; the
 * others go on. Used by `portfolio-quality scan` and the App's comment command.
 */
import type { Check } from "../engine/check.js";
import { type Config, DEFAULT_CONFIG } from "../engine/config.js";
import { type GitHubClient, GitHubSource, GitHubSourceError, type GitHubSourceOptions } from "../repo/github.js";
import type { RepoSource } from "../repo/source.js";
import type { ScanFailure, ScanRow } from "../report/ranking.js";
import { scanDetailed } from "../scan.js";
import { networkFailure, networkMessage } from "./network.js";
import { type RepoTarget, targetKey } from "./targets.js";

/** The concurrency the CLI uses unless told otherwise: 100 repositories well under 30 s, gently. */
export const DEFAULT_SCAN_CONCURRENCY = 4;

/** A source the batch can count requests on. */
export type CountedSource = RepoSource & { readonly requests: number };

/** Makes the source for one commit; the default is the GitHub source on the same client. */
export type SourceFactory = (client: GitHubClient, options: GitHubSourceOptions) => CountedSource;

/** What a batch scan needs. */
export interface BatchOptions {
  readonly checks: readonly Check[];
  /** The same config for every repository (default: the built-in weights); a candidate's own file is not read. */
  readonly config?: Config;
  readonly tool: { readonly name: string; readonly version: string };
  /** Repositories scanned at once (default `DEFAULT_SCAN_CONCURRENCY`). */
  readonly concurrency?: number;
  /** Score archived repositories too (by default they get a row saying they are archived). */
  readonly includeArchived?: boolean;
  /** Said after "not found or not accessible" (who could not see it). */
  readonly accessHint?: string;
  readonly sourceFactory?: SourceFactory;
  /** Extra options for every source (timeouts, batch size). */
  readonly sourceOptions?: Partial<Omit<GitHubSourceOptions, "owner" | "repo" | "sha" | "ref">>;
  /** Called as each repository finishes, in completion order. */
  readonly onDone?: (row: ScanRow, done: number, total: number) => void;
  /** The API root asked, named when its answers are not the GitHub API's. */
  readonly apiUrl?: string;
  /** No token is sent: a 401 then means anonymous access is refused, not that a token is wrong. */
  readonly anonymous?: boolean;
  /** Called as each repository starts. */
  readonly onStart?: (target: RepoTarget) => void;
}

/** GitHub refused the credentials: every further request would fail the same way. */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof GitHubSourceError) return error.status;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** An answer that is not the GitHub API's (an HTML page, a proxy's error): the API root is wrong. */
class NotTheApiError extends Error {
  override readonly name = "NotTheApiError";
}

function notTheApi(apiUrl: string | undefined): NotTheApiError {
  return new NotTheApiError(`${apiUrl ?? "the API URL"} did not answer like the GitHub API: check --api-url`);
}

/** True when a failed request's answer was not JSON: a web page or a proxy, not the API. */
function answeredWithoutJson(error: unknown): boolean {
  const response = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response;
  if (!response?.headers) return false;
  const type = String(response.headers["content-type"] ?? "");
  return type !== "" && !/json/i.test(type);
}

function failureOf(error: unknown, options: BatchOptions): { failure: ScanFailure; reason: string } {
  const accessHint = options.accessHint ?? "";
  if (error instanceof NotTheApiError) return { failure: "error", reason: error.message };
  const network = networkFailure(error);
  if (network) return { failure: "error", reason: networkMessage(network) };
  const resetAt = (error as { rateLimitResetAt?: unknown } | null)?.rateLimitResetAt;
  if (resetAt instanceof Date)
    return {
      failure: "rate_limited",
      reason: `GitHub's rate limit is spent until ${resetAt.toISOString().replace(/\.\d+Z$/, "Z")}: too long to wait`,
    };
  const status = statusOf(error);
  if (status === 404 && answeredWithoutJson(error))
    return { failure: "error", reason: notTheApi(options.apiUrl).message };
  const rateLimited =
    (error instanceof GitHubSourceError && error.rateLimited) ||
    status === 429 ||
    /rate limit/i.test((error as Error)?.message ?? "");
  if (rateLimited) return { failure: "rate_limited", reason: "GitHub's rate limit was still in force after waiting" };
  if (status === 404) return { failure: "not_found", reason: `not found or not accessible${accessHint}` };
  if (status === 409) return { failure: "empty", reason: "empty repository (no commits yet)" };
  if (status === 451 || status === 403) {
    // Octokit appends " - <docs URL>" to GitHub's own message: keep the message only.
    const said = ((error as Error)?.message ?? "").split(" - http")[0]?.trim();
    return { failure: "blocked", reason: `GitHub refused access (HTTP ${status}${said ? `: ${said}` : ""})` };
  }
  if (error instanceof GitHubSourceError) return { failure: "error", reason: error.message.replace(/\.$/, "") };
  if (status !== undefined && status >= 500)
    return { failure: "error", reason: `GitHub server error (HTTP ${status})` };
  const message = error instanceof Error ? error.message : String(error);
  return { failure: "error", reason: message.replace(/\.$/, "") || "unexpected error" };
}

const defaultFactory: SourceFactory = (client, options) => new GitHubSource(client, options);

/** Scan one repository; never throws except for rejected credentials. */
export async function scanRepository(
  client: GitHubClient,
  target: RepoTarget,
  options: BatchOptions,
): Promise<ScanRow> {
  const display = `${target.owner}/${target.repo}`;
  let metaRequests = 0;
  let source: CountedSource | undefined;
  try {
    metaRequests++;
    const { data: meta } = await client.request("GET /repos/{owner}/{repo}", {
      owner: target.owner,
      repo: target.repo,
    });
    // An HTML page (an Enterprise root without /api/v3) comes back as a string, not a repository.
    if (typeof meta !== "object" || meta === null || typeof meta.default_branch !== "string")
      throw notTheApi(options.apiUrl);
    const name = meta.full_name || display;
    const [owner, repo] = name.split("/") as [string, string];
    if (meta.archived && !options.includeArchived)
      return { status: "failed", name, failure: "archived", reason: "archived by its owner (read-only): not scored" };
    const ref = meta.default_branch;
    metaRequests++;
    const { data: head } = await client.request("GET /repos/{owner}/{repo}/commits/{ref}", { owner, repo, ref });
    if (typeof head !== "object" || head === null || typeof head.sha !== "string") throw notTheApi(options.apiUrl);
    source = (options.sourceFactory ?? defaultFactory)(client, {
      ...options.sourceOptions,
      owner,
      repo,
      sha: head.sha,
      ref,
    });
    const { report } = await scanDetailed(source, {
      checks: options.checks,
      config: options.config ?? DEFAULT_CONFIG,
      tool: options.tool,
    });
    const url = typeof meta.html_url === "string" && meta.html_url.startsWith("https://") ? meta.html_url : undefined;
    return {
      status: "scanned",
      name,
      report,
      requests: metaRequests + source.requests,
      ...(url ? { url } : {}),
    };
  } catch (error) {
    if (statusOf(error) === 401 && !answeredWithoutJson(error))
      throw new CredentialsError(
        options.anonymous ? "GitHub refused anonymous access (HTTP 401)" : "GitHub rejected the token (HTTP 401)",
        { cause: error },
      );
    return { status: "failed", name: display, ...failureOf(error, options) };
  }
}

/**
 * Scan every target with at most `concurrency` at once. Rows come back in the targets' order;
 * a repository reached twice under two names (a rename) keeps its first row only.
 */
export async function scanRepositories(
  client: GitHubClient,
  targets: readonly RepoTarget[],
  options: BatchOptions,
): Promise<ScanRow[]> {
  const rows: ScanRow[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  let fatal: unknown;
  const worker = async () => {
    while (next < targets.length && fatal === undefined) {
      const i = next++;
      const target = targets[i] as RepoTarget;
      options.onStart?.(target);
      try {
        rows[i] = await scanRepository(client, target, options);
      } catch (error) {
        fatal ??= error;
        return;
      }
      done++;
      options.onDone?.(rows[i] as ScanRow, done, targets.length);
    }
  };
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_SCAN_CONCURRENCY, targets.length));
  await Promise.all(Array.from({ length: width }, worker));
  if (fatal !== undefined) throw fatal;
  const seen = new Set<string>();
  return rows.filter((row) => {
    const [owner = "", repo = ""] = row.name.split("/");
    const key = targetKey({ owner, repo });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
