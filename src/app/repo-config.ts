/**
 * A repository's config through Probot's config plugin (so an organisation's `.github`
 * repository and `_extends` work), validated with zod. Arrays replace rather than concatenate.
 */
import type { ProbotOctokit } from "probot";
import {
  CONFIG_PATH,
  type ConfigIssue,
  checkIds,
  DEFAULT_CONFIG,
  type LoadedConfig,
  parseConfig,
  validateConfig,
} from "../engine/config.js";

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge where later files win and arrays replace (deepmerge would concatenate them). */
export function mergeConfigs(configs: readonly Plain[]): Plain {
  const merge = (a: Plain, b: Plain): Plain => {
    const out: Plain = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Plain, v) : v;
    return out;
  };
  return configs.reduce<Plain>((acc, c) => merge(acc, c), {});
}

/** GitHub did not let the config be read (a 5xx, rate limiting...): the scan cannot honour it. */
export class ConfigReadError extends Error {
  override readonly name = "ConfigReadError";
  /** The HTTP status GitHub answered. */
  readonly status: number;
  /** Seconds GitHub asked to wait, when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** GitHub refused for rate limiting (429, or 403 with Retry-After or no requests left). */
  readonly rateLimited: boolean;

  constructor(status: number, headers: Readonly<Record<string, unknown>>, cause: unknown) {
    super(`GitHub answered HTTP ${status} when ${CONFIG_PATH} was read`, { cause });
    const after = headers["retry-after"] === undefined ? Number.NaN : Number(headers["retry-after"]);
    this.status = status;
    this.retryAfterSeconds = Number.isFinite(after) ? after : undefined;
    this.rateLimited =
      status === 429 ||
      (status === 403 && (this.retryAfterSeconds !== undefined || String(headers["x-ratelimit-remaining"]) === "0"));
  }
}

/** The config, its issues (with lines when the file is this repository's), and where it came from. */
export interface RepoConfig extends LoadedConfig {
  /** True when the repository has its own config file (annotations can point at it). */
  readonly ownFile: boolean;
}

/** An HTTP error from Octokit (not a parse error of the plugin) becomes a `ConfigReadError`. */
function httpError(error: unknown): ConfigReadError | undefined {
  const e = error as { status?: unknown; response?: { headers?: Record<string, unknown> } } | null;
  if (typeof e?.status !== "number" || !e.response) return undefined;
  return new ConfigReadError(e.status, e.response.headers ?? {}, error);
}

async function rawText(octokit: ProbotOctokit, owner: string, repo: string): Promise<string | null> {
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path: CONFIG_PATH,
      mediaType: { format: "raw" },
    });
    return typeof res.data === "string" ? res.data : null;
  } catch (error) {
    if ((error as { status?: unknown })?.status === 404) return null;
    throw httpError(error) ?? error;
  }
}

function extendsLine(text: string | null): number | null {
  const at = text?.split(/\r?\n/).findIndex((l) => /^_extends\s*:/.test(l)) ?? -1;
  return at < 0 ? null : at + 1;
}

/** The plugin could not finish (bad YAML, a bad `_extends`...): report it, scan with what is valid. */
async function afterPluginError(
  octokit: ProbotOctokit,
  owner: string,
  repo: string,
  known: ReadonlySet<string>,
  error: unknown,
): Promise<RepoConfig> {
  const message = (error as Error).message.replace(/^\[@probot\/octokit-plugin-config\] /, "");
  const text = await rawText(octokit, owner, repo);
  if (text === null)
    return {
      config: DEFAULT_CONFIG,
      issues: [{ file: CONFIG_PATH, line: null, field: "(file)", message }],
      ownFile: false,
    };
  const own = parseConfig(text, CONFIG_PATH, known);
  if (own.issues.length > 0) return { ...own, ownFile: true };
  // The repository's own file is fine: the failure is further down its `_extends` chain.
  return {
    config: own.config,
    issues: [{ file: CONFIG_PATH, line: extendsLine(text), field: "_extends", message }],
    ownFile: true,
  };
}

/**
 * Load and validate. Requests: one when the repository has a config, two when the owner's
 * `.github` repository is consulted (one more per `_extends`), one more only when the config is
 * invalid (to find lines). HTTP failures other than 404 throw a `ConfigReadError`.
 */
export async function loadRepoConfig(
  octokit: ProbotOctokit,
  owner: string,
  repo: string,
  known: ReadonlySet<string>,
): Promise<RepoConfig> {
  let result: Awaited<ReturnType<typeof octokit.config.get<Plain>>>;
  try {
    result = await octokit.config.get<Plain>({
      owner,
      repo,
      path: CONFIG_PATH,
      // The plugin hands over every file of the _extends chain, base first; merge them ourselves.
      defaults: (configs) => mergeConfigs(configs as Plain[]),
    });
  } catch (error) {
    const http = httpError(error);
    if (http) throw http;
    return afterPluginError(octokit, owner, repo, known, error);
  }
  const merged = { ...result.config };
  delete merged._extends;
  const ownFile = result.files[0]?.config !== null && result.files[0]?.config !== undefined;
  const extra: ConfigIssue[] = [];
  // The plugin skips an `_extends` target it cannot find; say so rather than scan with other settings.
  result.files.forEach((f, i) => {
    if (f.config === null && (i > 1 || (i === 1 && ownFile)))
      extra.push({
        file: CONFIG_PATH,
        line: null,
        field: "_extends",
        message: `${f.owner}/${f.repo} has no ${f.path} the App can read, so its settings were not used`,
      });
  });
  const checked = checkIds(validateConfig(merged, CONFIG_PATH), CONFIG_PATH, known);
  const from = result.files.find((f) => f.config !== null);
  const origin = !ownFile && from ? ` (set in ${from.owner}/${from.repo})` : "";
  const issues = [...checked.issues.map((i) => ({ ...i, message: i.message + origin })), ...extra];
  if (issues.length === 0 || !ownFile) return { config: checked.config, issues, ownFile };
  // Invalid: re-read this repository's own file to give each issue its line.
  const text = await rawText(octokit, owner, repo);
  const withLines = text === null ? [] : parseConfig(text, CONFIG_PATH, known).issues;
  const lineOf = new Map(withLines.map((i) => [i.field, i.line]));
  lineOf.set("_extends", extendsLine(text));
  return {
    config: checked.config,
    issues: issues.map((i) => ({ ...i, line: i.line ?? lineOf.get(i.field) ?? null })),
    ownFile,
  };
}
