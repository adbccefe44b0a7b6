/**
 * A repository's config, with the semantics of Probot's config plugin (`context.config`): the
 * repository's `.github/portfolio-quality.yml` on its default branch, else the owner's `.github`
 * repository's, then any `_extends` chain (`repo`, `owner/repo`, `owner/repo:path.yml`), later
 * files winning and arrays replacing. Read through GraphQL instead of the plugin's REST calls:
 * the repository's file and the owner's fallback come in one query (the plugin makes two, and a
 * third to find lines in an invalid file), and an `_extends` of the owner's `.github` costs
 * nothing more. Validated with zod; issues carry the line in the repository's own file.
 */
import { parseDocument } from "yaml";
import {
  CONFIG_PATH,
  type ConfigIssue,
  checkIds,
  DEFAULT_CONFIG,
  type LoadedConfig,
  parseConfig,
  validateConfig,
} from "../engine/config.js";
import type { GitHubClient } from "../repo/github.js";
import { errorMessage, graphqlFailure } from "../repo/github-errors.js";

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
  /** The HTTP status GitHub answered; undefined when it answered 200 with GraphQL errors. */
  readonly status: number | undefined;
  /** Seconds GitHub asked to wait, when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** GitHub refused for rate limiting (429, 403 with Retry-After or no requests left, or RATE_LIMITED). */
  readonly rateLimited: boolean;

  constructor(
    status: number | undefined,
    headers: Readonly<Record<string, unknown>>,
    cause: unknown,
    options: { readonly rateLimited?: boolean; readonly detail?: string } = {},
  ) {
    super(
      `GitHub answered ${status === undefined ? `with errors (${options.detail ?? "GraphQL"})` : `HTTP ${status}`} when ${CONFIG_PATH} was read`,
      { cause },
    );
    const after = headers["retry-after"] === undefined ? Number.NaN : Number(headers["retry-after"]);
    this.status = status;
    this.retryAfterSeconds = Number.isFinite(after) ? after : undefined;
    this.rateLimited =
      options.rateLimited === true ||
      status === 429 ||
      (status === 403 && (this.retryAfterSeconds !== undefined || String(headers["x-ratelimit-remaining"]) === "0"));
  }
}

/** The config, its issues (with lines when the file is this repository's), and where it came from. */
export interface RepoConfig extends LoadedConfig {
  /** True when the repository has its own config file (annotations can point at it). */
  readonly ownFile: boolean;
}

/** Where a config file lives. */
interface Location {
  readonly owner: string;
  readonly repo: string;
  readonly path: string;
}

/** A config file as read: `text` null when there is none the App can read (the plugin's 404). */
interface ConfigFile extends Location {
  readonly text: string | null;
  /** Set when something is there but is not a file (a directory or a submodule). */
  readonly notAFile?: boolean;
}

/** The plugin's `_extends` syntax: `repo`, `owner/repo`, either with `:path.yml`. */
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/** The GraphQL document reading `count` files, each from its own repository's default branch. */
export function configQuery(count: number): string {
  const declared: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    declared.push(`$o${i}: String!`, `$n${i}: String!`, `$e${i}: String!`);
    fields.push(
      `c${i}: repository(owner: $o${i}, name: $n${i}) { object(expression: $e${i}) { ... on Blob { text isBinary } } }`,
    );
  }
  return `query ReadConfig(${declared.join(", ")}) {\n  ${fields.join("\n  ")}\n}`;
}

type ConfigAnswer = Record<string, { object?: { text?: string | null; isBinary?: boolean | null } | null } | null>;

/** GraphQL error types that mean "nothing the App can read there", as the plugin treats a 404. */
const ABSENT = new Set(["NOT_FOUND", "FORBIDDEN"]);

/** Read several config files in one GraphQL request. */
async function readFiles(octokit: GitHubClient, locations: readonly Location[]): Promise<ConfigFile[]> {
  const variables: Record<string, string> = {};
  locations.forEach((l, i) => {
    variables[`o${i}`] = l.owner;
    variables[`n${i}`] = l.repo;
    variables[`e${i}`] = `HEAD:${l.path}`;
  });
  let data: ConfigAnswer | null | undefined;
  try {
    data = await octokit.graphql<ConfigAnswer>(configQuery(locations.length), variables);
  } catch (error) {
    const failed = graphqlFailure<ConfigAnswer>(error);
    if (failed) {
      const serious = failed.errors.filter((x) => !ABSENT.has(String(x?.type ?? "")));
      if (serious.length > 0)
        throw new ConfigReadError(undefined, {}, error, {
          rateLimited: serious.some((x) => x?.type === "RATE_LIMITED"),
          detail: serious.map(errorMessage).join("; "),
        });
      data = failed.data;
    } else {
      const e = error as { status?: unknown; response?: { headers?: Record<string, unknown> } };
      if (typeof e?.status !== "number") throw error;
      throw new ConfigReadError(e.status, e.response?.headers ?? {}, error);
    }
  }
  return locations.map((l, i) => {
    const object = data?.[`c${i}`]?.object;
    if (object === null || object === undefined) return { ...l, text: null };
    if (typeof object.text !== "string") return { ...l, text: null, notAFile: object.isBinary !== true };
    return { ...l, text: object.text };
  });
}

function lineOfExtends(text: string | null): number | null {
  const at = text?.split(/\r?\n/).findIndex((l) => /^_extends\s*:/.test(l)) ?? -1;
  return at < 0 ? null : at + 1;
}

/** A file's settings as a plain object, or why they could not be read. */
function settingsOf(file: ConfigFile): { settings: Plain } | { problem: string } {
  const where = `${file.owner}/${file.repo}`;
  if (file.notAFile) return { problem: `${where}'s ${file.path} is a directory or a submodule, not a file` };
  const doc = parseDocument(file.text ?? "", { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { problem: `${where}'s ${file.path} is not valid YAML` };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch {
    return { problem: `${where}'s ${file.path} is not valid YAML` };
  }
  return isPlain(value) ? { settings: value } : { problem: `${where}'s ${file.path} is not a mapping of settings` };
}

/**
 * Load and validate. Requests: one GraphQL query for the repository's file and the owner's
 * `.github` fallback together, one more per `_extends` hop to a file not read yet. HTTP
 * failures, rate limits and GraphQL errors other than "not found" throw a `ConfigReadError`.
 */
export async function loadRepoConfig(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  known: ReadonlySet<string>,
): Promise<RepoConfig> {
  const own: Location = { owner, repo, path: CONFIG_PATH };
  const fallback: Location = { owner, repo: ".github", path: CONFIG_PATH };
  const first = await readFiles(octokit, repo === ".github" ? [own] : [own, fallback]);
  const ownFile = first[0] as ConfigFile;
  const hasOwn = ownFile.text !== null || ownFile.notAFile === true;
  const chain: ConfigFile[] = [ownFile];
  if (!hasOwn && first[1]) chain.push(first[1]);
  const issues: ConfigIssue[] = [];
  const extendsIssue = (message: string) =>
    issues.push({ file: CONFIG_PATH, line: hasOwn ? lineOfExtends(ownFile.text) : null, field: "_extends", message });

  // The repository's own file first: when it is unusable, the scan goes on with the defaults.
  if (hasOwn) {
    const parsed = parseConfig(ownFile.text ?? "", CONFIG_PATH, known);
    const self = settingsOf(ownFile);
    if ("problem" in self)
      return {
        config: DEFAULT_CONFIG,
        issues:
          parsed.issues.length > 0
            ? parsed.issues
            : [{ file: CONFIG_PATH, line: null, field: "(file)", message: self.problem }],
        ownFile: true,
      };
  }

  // Settings of each file in the chain, then the `_extends` hops from the last one.
  const settings: Plain[] = [];
  const read = new Map(first.map((f) => [`${f.owner}/${f.repo}:${f.path}`, f]));
  for (let file = chain[chain.length - 1] as ConfigFile; ; ) {
    if (file.text === null && !file.notAFile) break;
    const got = settingsOf(file);
    if ("problem" in got) {
      if (file === ownFile) break;
      if (file === first[1] && !hasOwn)
        issues.push({
          file: CONFIG_PATH,
          line: null,
          field: "(file)",
          message: `${got.problem}, so its settings were not used`,
        });
      else extendsIssue(`${got.problem}, so its settings were not used`);
      break;
    }
    const { _extends: target, ...rest } = got.settings;
    settings.push(rest);
    if (target === undefined) break;
    const match = typeof target === "string" ? EXTENDS.exec(target) : null;
    if (!match) {
      extendsIssue(`${JSON.stringify(target)} is not a repository (owner/name, optionally :path.yml)`);
      break;
    }
    const next: Location = { owner: match[1] || owner, repo: match[2] as string, path: match[3] || CONFIG_PATH };
    const key = `${next.owner}/${next.repo}:${next.path}`;
    if (chain.some((f) => `${f.owner}/${f.repo}:${f.path}` === key)) {
      extendsIssue(`${next.owner}/${next.repo}'s ${next.path} was already read: _extends goes round in a circle`);
      break;
    }
    const nextFile = read.get(key) ?? ((await readFiles(octokit, [next]))[0] as ConfigFile);
    read.set(key, nextFile);
    chain.push(nextFile);
    if (nextFile.text === null && !nextFile.notAFile) {
      extendsIssue(`${next.owner}/${next.repo} has no ${next.path} the App can read, so its settings were not used`);
      break;
    }
    file = nextFile;
  }

  // Base first, the repository's own file last: later files win, arrays replace.
  const merged = mergeConfigs([...settings].reverse());
  const checked = checkIds(validateConfig(merged, CONFIG_PATH), CONFIG_PATH, known);
  const from = chain.find((f) => f.text !== null);
  const origin = !hasOwn && from ? ` (set in ${from.owner}/${from.repo})` : "";
  const all = [...checked.issues.map((i) => ({ ...i, message: i.message + origin })), ...issues];
  if (!hasOwn) return { config: checked.config, issues: all, ownFile: false };
  // Lines come from the repository's own file, which is already here.
  const ownParsed = parseConfig(ownFile.text ?? "", CONFIG_PATH, known);
  // Its lines fit the merged rules only when the rules are its own (arrays replace).
  const ownRules = "rules" in (settings[0] ?? {});
  const lineOfField = new Map(ownParsed.issues.map((i) => [i.field, i.line]));
  lineOfField.set("_extends", lineOfExtends(ownFile.text));
  return {
    config: checked.config,
    issues: all.map((i) => ({ ...i, line: i.line ?? lineOfField.get(i.field) ?? null })),
    ownFile: true,
    ...(ownRules && ownParsed.lineOf ? { lineOf: ownParsed.lineOf } : {}),
  };
}
