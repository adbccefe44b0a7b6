/**
 * A repository's config through Probot's config plugin (so an organisation's `.github`
 * repository and `_extends` work), validated with zod. Arrays replace rather than concatenate.
 */
import type { ProbotOctokit } from "probot";
import {
  CONFIG_PATH,
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

/** The config, its issues (with lines when the file is this repository's), and where it came from. */
export interface RepoConfig extends LoadedConfig {
  /** True when the repository has its own config file (annotations can point at it). */
  readonly ownFile: boolean;
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
  } catch {
    return null;
  }
}

/**
 * Load and validate. Requests: one when the repository has a config, two when the owner's
 * `.github` repository is consulted, one more only when the config is invalid (to find lines).
 */
export async function loadRepoConfig(
  octokit: ProbotOctokit,
  owner: string,
  repo: string,
  known: ReadonlySet<string>,
): Promise<RepoConfig> {
  let merged: Plain;
  let ownFile = false;
  try {
    const result = await octokit.config.get<Plain>({
      owner,
      repo,
      path: CONFIG_PATH,
      // The plugin hands over every file of the _extends chain; merge them ourselves.
      defaults: (configs) => mergeConfigs(configs as Plain[]),
    });
    merged = result.config;
    ownFile = result.files.some((f) => f.owner === owner && f.repo === repo && f.config !== null);
  } catch (error) {
    // Invalid YAML (the plugin throws): read the text to report the line, scan with defaults.
    const text = await rawText(octokit, owner, repo);
    if (text !== null) return { ...parseConfig(text, CONFIG_PATH, known), config: DEFAULT_CONFIG, ownFile: true };
    return {
      config: DEFAULT_CONFIG,
      issues: [
        {
          file: CONFIG_PATH,
          line: null,
          field: "(file)",
          message: (error as Error).message.replace(/^\[@probot\/octokit-plugin-config\] /, ""),
        },
      ],
      ownFile: false,
    };
  }
  delete merged._extends;
  const loaded = checkIds(validateConfig(merged, CONFIG_PATH), CONFIG_PATH, known);
  if (loaded.issues.length === 0 || !ownFile) return { ...loaded, ownFile };
  // Invalid: re-read this repository's own file to give each issue its line.
  const text = await rawText(octokit, owner, repo);
  if (text === null) return { ...loaded, ownFile };
  const withLines = parseConfig(text, CONFIG_PATH, known);
  const lineOf = new Map(withLines.issues.map((i) => [i.field, i.line]));
  return {
    config: loaded.config,
    issues: loaded.issues.map((i) => ({ ...i, line: i.line ?? lineOf.get(i.field) ?? null })),
    ownFile,
  };
}
