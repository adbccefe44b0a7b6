/**
 * `portfolio-quality scan owner/repo ... | --from FILE`: score many GitHub repositories the same
 * way and print them ranked, for a recruiter. The work is in src/remote/batch.ts (GitHub) and
 * src/report/ranking (the table); this file reads the flags, wires them and writes the output.
 */
import { accessSync, constants, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { CHECKS } from "../../checks/index.js";
import { CredentialsError, DEFAULT_SCAN_CONCURRENCY, type SourceFactory, scanRepositories } from "../remote/batch.js";
import { collectTargets, listFileEntries, repoHostsFor } from "../remote/targets.js";
import { GitHubSource } from "../repo/github.js";
import { renderCsv } from "../report/csv.js";
import { renderHtml } from "../report/html.js";
import {
  type RankedRow,
  type RankingMeta,
  rankRows,
  renderRankingJson,
  renderRankingMarkdown,
  renderRankingTerminal,
} from "../report/ranking.js";
import { toolInfo } from "../tool.js";
import { formatIssues, loadLocalConfig } from "./config-file.js";
import { type CliIO, EXIT, UsageError, useColor } from "./io.js";
import { apiUrlFrom, createScanOctokit, rawFileUrl, tokenFrom } from "./scan-github.js";
import { createProgress, type ProgressMode } from "./scan-progress.js";
import { RawContentSource } from "./scan-raw.js";

/** The CLI's process surface, plus what only `scan` needs (both optional, so `CliIO` still fits). */
export interface ScanIO extends CliIO {
  /** True when stderr is a terminal: the progress bar is drawn only then (default: `isTTY`). */
  readonly stderrIsTTY?: boolean;
  /** The clock for the report's date; tests pin it. */
  readonly now?: () => Date;
  /** Milliseconds per second of a rate-limit wait and per retry step (default 1,000); tests shrink it. */
  readonly retryUnitMs?: number;
}

const FORMATS = ["terminal", "markdown", "csv", "json", "html"] as const;
type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".json": "json",
  ".md": "markdown",
  ".markdown": "markdown",
};

/**
 * How long one GitHub request may take, waits for the rate limit included: a spent hourly quota
 * resets within the hour, and the throttling plugin waits inside the request. A connection that
 * hangs is still cut by Node's fetch after 5 minutes without headers.
 */
const REQUEST_PATIENCE_MS = 65 * 60_000;

interface ScanFlags {
  from?: string[];
  format?: Format;
  out?: string;
  token?: string;
  apiUrl?: string;
  concurrency: number;
  config?: string;
  includeArchived?: boolean;
  quiet?: boolean;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new InvalidArgumentError("expected a whole number from 1 to 32");
  return n;
}

/** A file-system failure in words: "the folder does not exist", not ENOENT. */
function fsReason(error: unknown, what: "file" | "folder"): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return `the ${what} does not exist`;
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "ENAMETOOLONG") return "the name is too long";
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why `--out` cannot be written, checked before spending minutes and API quota on the scan: its
 * folder must exist and be writable, and the file, when it exists, must be a writable file.
 */
function unwritable(out: string, cwd: string): string | undefined {
  const path = resolve(cwd, out);
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) return `${dirname(out)} is a file, not a folder`;
    accessSync(folder, constants.W_OK);
  } catch (error) {
    return fsReason(error, "folder").replace("the folder", `the folder ${dirname(out)}`);
  }
  try {
    if (statSync(path).isDirectory()) return "it is a folder, not a file";
    accessSync(path, constants.W_OK);
  } catch (error) {
    // A new file in a writable folder is fine.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return fsReason(error, "file");
  }
  return undefined;
}

function entriesOf(args: readonly string[], files: readonly string[], io: ScanIO, hosts: readonly string[]) {
  const entries = args.map((text, i) => ({ text, where: `argument ${i + 1}` }));
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${fsReason(error, "file")}`);
    }
    entries.push(...listFileEntries(text, file));
  }
  const list = collectTargets(entries, hosts);
  if (list.problems.length > 0)
    throw new UsageError(
      `not a repository:\n${list.problems.map((p) => `  ${p.where}: ${JSON.stringify(p.input)}: ${p.message}`).join("\n")}`,
    );
  if (list.targets.length === 0)
    throw new UsageError("name at least one repository (owner/repo or a GitHub URL), or a list with --from FILE");
  return list;
}

function render(format: Format, rows: RankedRow[], meta: RankingMeta, color: boolean): string {
  if (format === "json") return renderRankingJson(rows, meta);
  if (format === "csv") return renderCsv(rows);
  if (format === "html") return renderHtml(rows, meta);
  if (format === "markdown") return renderRankingMarkdown(rows, meta);
  return renderRankingTerminal(rows, { color });
}

async function scanCommand(args: readonly string[], flags: ScanFlags, io: ScanIO): Promise<number> {
  const token = tokenFrom(flags.token, io.env);
  const apiUrl = apiUrlFrom(flags.apiUrl, io.env);
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) throw new UsageError(`--api-url: ${apiUrl} is not an http(s) URL`);
  const list = entriesOf(args, flags.from ?? [], io, repoHostsFor(apiUrl));
  const outProblem = flags.out ? unwritable(flags.out, io.cwd) : undefined;
  if (outProblem) throw new UsageError(`cannot write ${flags.out}: ${outProblem}`);
  const format = flags.format ?? (flags.out ? BY_EXTENSION[extname(flags.out).toLowerCase()] : undefined) ?? "terminal";
  let config: ReturnType<typeof loadLocalConfig>["config"] | undefined;
  if (flags.config) {
    const loaded = loadLocalConfig(io.cwd, resolve(io.cwd, flags.config), CHECKS);
    if (loaded.issues.length > 0) throw new UsageError(`Invalid config:\n${formatIssues(loaded.issues)}`);
    config = loaded.config;
  }
  const quiet = flags.quiet ?? false;
  const mode: ProgressMode = quiet ? "none" : (io.stderrIsTTY ?? io.isTTY) ? "bar" : "lines";
  const progress = createProgress(mode, io.stderr);
  if (list.duplicates > 0 && !quiet)
    io.stderr(`${list.duplicates} duplicate ${list.duplicates === 1 ? "entry" : "entries"} skipped.\n`);
  if (!token)
    io.stderr(
      "warning: no GitHub token (--token, GITHUB_TOKEN or GH_TOKEN): public repositories only, and GitHub allows " +
        "60 API requests an hour without one (about 20 repositories); the scan waits when the limit is reached.\n",
    );

  const tool = toolInfo();
  const userAgent = `${tool.name}/${tool.version}`;
  const octokit = createScanOctokit({
    ...(token ? { token } : {}),
    baseUrl: apiUrl,
    userAgent,
    ...(io.retryUnitMs !== undefined ? { retryUnitMs: io.retryUnitMs } : {}),
    onWait: (wait) => progress.wait(wait),
  });
  // Without a token GraphQL is closed to us: list through the API, read from the raw file host.
  const sourceFactory: SourceFactory | undefined = token
    ? undefined
    : (client, options) =>
        new RawContentSource(new GitHubSource(client, options), {
          urlOf: (path) => rawFileUrl(apiUrl, options.owner, options.repo, options.sha, path),
          userAgent,
          concurrency: 4,
        });
  progress.start(list.targets.length);
  let rowsScanned: Awaited<ReturnType<typeof scanRepositories>>;
  try {
    rowsScanned = await scanRepositories(octokit, list.targets, {
      checks: CHECKS,
      ...(config ? { config } : {}),
      tool,
      concurrency: flags.concurrency,
      includeArchived: flags.includeArchived ?? false,
      accessHint: token ? " (or private, and this token cannot read it)" : " (or private: a token is needed)",
      apiUrl,
      anonymous: !token,
      sourceOptions: { timeoutMs: REQUEST_PATIENCE_MS },
      ...(sourceFactory ? { sourceFactory } : {}),
      onDone: (row, done, total) => progress.done(row, done, total),
    });
  } catch (error) {
    progress.finish();
    if (error instanceof CredentialsError)
      throw new UsageError(
        token
          ? `${error.message}: check --token, GITHUB_TOKEN or GH_TOKEN (and --api-url for Enterprise)`
          : `${error.message}: give a token with --token, GITHUB_TOKEN or GH_TOKEN (and check --api-url for Enterprise)`,
      );
    throw error;
  }
  progress.finish();

  const rows = rankRows(rowsScanned);
  const meta: RankingMeta = { tool, scannedAt: (io.now?.() ?? new Date()).toISOString() };
  const color = !flags.out && format === "terminal" && useColor(io);
  const text = render(format, rows, meta, color);
  if (flags.out) {
    const path = resolve(io.cwd, flags.out);
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new UsageError(`cannot write ${flags.out}: ${fsReason(error, "file")}`);
    }
    if (!quiet) io.stderr(`Wrote the ${format} report to ${flags.out}.\n`);
  } else io.stdout(text);
  // Rows say why a repository was not scanned; only a run that scanned nothing is a failure.
  return rows.some((r) => r.rank !== null) ? EXIT.ok : EXIT.belowThreshold;
}

/** Configure `scan` on a commander sub-command; its action stores the pending exit code in `result`. */
export function configureScanCommand(
  command: Command,
  io: ScanIO,
  result: { code: number; pending?: Promise<number> },
): Command {
  return command
    .description("scan GitHub repositories and rank them by score (owner/repo or URLs, or --from FILE)")
    .argument("[repos...]", "repositories: owner/repo or GitHub URLs")
    .option(
      "--from <file>",
      "read repositories from a file, one per line (# starts a comment); may be repeated",
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .addOption(
      new Option("-f, --format <format>", "output format (default: from --out's extension, else terminal)").choices(
        FORMATS,
      ),
    )
    .option("-o, --out <file>", "write the report to this file instead of stdout")
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN or GH_TOKEN)")
    .option("--api-url <url>", "GitHub API root, for GitHub Enterprise (default: GITHUB_API_URL or api.github.com)")
    .option("--concurrency <n>", "repositories scanned at once", positive, DEFAULT_SCAN_CONCURRENCY)
    .option("-c, --config <file>", "one config (weights, checks) for every repository; their own files are not read")
    .option("--include-archived", "score archived repositories too (by default they are listed as archived)")
    .option("-q, --quiet", "no progress on stderr")
    .action((repos: string[], flags: ScanFlags) => {
      result.pending = scanCommand(repos, flags, io);
    });
}
