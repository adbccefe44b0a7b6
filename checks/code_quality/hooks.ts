/**
 * Git hook managers as data: pre-commit, lefthook, husky (+ lint-staged) and simple-git-hooks.
 * Used by the precommit check (are there real hooks?) and by lint_format/types (do the hooks
 * run ruff, mypy, ESLint...?).
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { parseJson, parseToml, parseYaml } from "../lib/parse.js";

/** The git hook managers the checklist recognises. */
export type HookManager = "pre-commit" | "lefthook" | "husky" | "simple-git-hooks" | "lint-staged";

/** One hook: a pre-commit hook id, a lefthook command, a line of a husky script. */
export interface GitHook {
  readonly manager: HookManager;
  /** The hook's name: pre-commit id, lefthook command name, or the command itself. */
  readonly id: string;
  /** The shell command it runs, when the manager states one (local hooks, lefthook, husky). */
  readonly command?: string;
  /** pre-commit: the hook repository URL, "local" or "meta". */
  readonly repo?: string;
  /** Git stage: pre-commit, pre-push, commit-msg... */
  readonly stage: string;
  readonly path: string;
  readonly line?: number;
}

/** One hook configuration file and what it holds. */
export interface HookSetup {
  readonly manager: HookManager;
  readonly path: string;
  readonly hooks: readonly GitHook[];
  /** The file does not parse: the message and line. */
  readonly error?: { readonly message: string; readonly line?: number };
}

const PRE_COMMIT_FILES = [".pre-commit-config.yaml", ".pre-commit-config.yml"];
const LEFTHOOK = /^\.?lefthook(-local)?\.(ya?ml|json|toml)$/;
const LINT_STAGED = /^(\.lintstagedrc(\.(json|ya?ml))?|package\.json)$/;

/** The files the hook managers keep their configuration in (root only: that is where git looks). */
export const HOOKS_READ: ReadRequest = {
  globs: [
    ".pre-commit-config.{yaml,yml}",
    "{,.}lefthook{,-local}.{yml,yaml,json,toml}",
    ".husky/*",
    ".lintstagedrc{,.json,.yaml,.yml}",
    "lint-staged.config.{js,cjs,mjs,ts}",
    ".lintstagedrc.{js,cjs,mjs,ts}",
    "package.json",
  ],
  maxFiles: 30,
  priority: 0,
};

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function preCommit(path: string, text: string): HookSetup {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    return {
      manager: "pre-commit",
      path,
      hooks: [],
      error: { message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) },
    };
  }
  const repos = record(parsed.value.value)?.repos;
  const hooks: GitHook[] = [];
  if (Array.isArray(repos)) {
    repos.forEach((entry, r) => {
      const repoUrl = typeof record(entry)?.repo === "string" ? String(record(entry)?.repo) : "";
      const list = record(entry)?.hooks;
      if (!Array.isArray(list)) return;
      list.forEach((hook, h) => {
        const id = record(hook)?.id;
        if (typeof id !== "string" || id.trim() === "") return;
        const entryCmd = record(hook)?.entry;
        const stages = record(hook)?.stages;
        const line = parsed.value.lineOf(["repos", r, "hooks", h, "id"]);
        hooks.push({
          manager: "pre-commit",
          id,
          repo: repoUrl,
          stage: Array.isArray(stages) && typeof stages[0] === "string" ? stages[0] : "pre-commit",
          path,
          ...(typeof entryCmd === "string" ? { command: entryCmd } : {}),
          ...(line ? { line } : {}),
        });
      });
    });
  }
  return { manager: "pre-commit", path, hooks };
}

const GIT_STAGES = /^(pre-commit|pre-push|commit-msg|prepare-commit-msg|post-checkout|post-merge|pre-rebase)$/;

function lefthook(path: string, text: string): HookSetup {
  const parsed = path.endsWith(".toml")
    ? parseToml(text)
    : path.endsWith(".json")
      ? parseJson(text)
      : (() => {
          const y = parseYaml(text);
          return y.ok ? { ok: true as const, value: y.value.value } : y;
        })();
  if (!parsed.ok) {
    return {
      manager: "lefthook",
      path,
      hooks: [],
      error: { message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) },
    };
  }
  const hooks: GitHook[] = [];
  for (const [stage, body] of Object.entries(record(parsed.value) ?? {})) {
    if (!GIT_STAGES.test(stage)) continue;
    const b = record(body);
    const named = [...Object.entries(record(b?.commands) ?? {}), ...Object.entries(record(b?.scripts) ?? {})];
    const jobs = Array.isArray(b?.jobs) ? b.jobs.map((j, i) => [String(record(j)?.name ?? `job ${i + 1}`), j]) : [];
    for (const [name, cmd] of [...named, ...jobs] as [string, unknown][]) {
      const run = record(cmd)?.run ?? record(cmd)?.runner;
      hooks.push({
        manager: "lefthook",
        id: name,
        stage,
        path,
        ...(typeof run === "string" ? { command: run } : {}),
      });
    }
  }
  return { manager: "lefthook", path, hooks };
}

/** Lines of a husky script that are boilerplate, not commands: shebang, the v4-v8 loader, comments. */
function isHuskyBoilerplate(line: string): boolean {
  const t = line.trim();
  return t === "" || t.startsWith("#") || /husky\.sh"?$/.test(t) || /^(\.|source)\s/.test(t) || t === "exit 0";
}

function husky(path: string, text: string): HookSetup {
  const stage = path.slice(".husky/".length);
  const hooks: GitHook[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (isHuskyBoilerplate(line)) return;
    hooks.push({ manager: "husky", id: line.trim(), command: line.trim(), stage, path, line: i + 1 });
  });
  return { manager: "husky", path, hooks };
}

/** package.json: husky v4 `husky.hooks`, `simple-git-hooks`, and the `lint-staged` key. */
function packageJsonHooks(path: string, text: string): HookSetup[] {
  const parsed = parseJson(text);
  if (!parsed.ok) return [];
  const pkg = record(parsed.value);
  const out: HookSetup[] = [];
  const fromMap = (manager: HookManager, map: Record<string, unknown> | undefined): void => {
    const hooks: GitHook[] = [];
    for (const [stage, cmd] of Object.entries(map ?? {})) {
      if (GIT_STAGES.test(stage) && typeof cmd === "string" && cmd.trim() !== "")
        hooks.push({ manager, id: cmd.trim(), command: cmd.trim(), stage, path });
    }
    if (map) out.push({ manager, path, hooks });
  };
  fromMap("husky", record(record(pkg?.husky)?.hooks));
  fromMap("simple-git-hooks", record(pkg?.["simple-git-hooks"]));
  const staged = record(pkg?.["lint-staged"]);
  if (staged) out.push({ manager: "lint-staged", path, hooks: lintStagedHooks(path, staged) });
  return out;
}

function lintStagedHooks(path: string, config: Record<string, unknown>): GitHook[] {
  const hooks: GitHook[] = [];
  for (const value of Object.values(config)) {
    for (const cmd of Array.isArray(value) ? value : [value]) {
      if (typeof cmd === "string" && cmd.trim() !== "")
        hooks.push({ manager: "lint-staged", id: cmd.trim(), command: cmd.trim(), stage: "pre-commit", path });
    }
  }
  return hooks;
}

function lintStagedFile(path: string, text: string): HookSetup {
  if (/\.[cm]?[jt]s$/.test(path)) {
    // A JS config cannot be evaluated: its quoted command strings are what it runs.
    const hooks = [
      ...text.matchAll(/["'`]((?:eslint|prettier|biome|ruff|black|tsc|stylelint|npx|npm|pnpm|yarn)\b[^"'`]*)["'`]/g),
    ]
      .map((m) => (m[1] ?? "").trim())
      .map((cmd): GitHook => ({ manager: "lint-staged", id: cmd, command: cmd, stage: "pre-commit", path }));
    return { manager: "lint-staged", path, hooks };
  }
  const yaml = parseYaml(text);
  if (!yaml.ok)
    return {
      manager: "lint-staged",
      path,
      hooks: [],
      error: { message: yaml.error, ...(yaml.line ? { line: yaml.line } : {}) },
    };
  return { manager: "lint-staged", path, hooks: lintStagedHooks(path, record(yaml.value.value) ?? {}) };
}

const cache = new WeakMap<RepoView, readonly HookSetup[]>();

/** Every hook configuration at the repository root, parsed (memoised per view). */
export function hookSetups(repo: RepoView): readonly HookSetup[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: HookSetup[] = [];
  for (const file of repo.read(HOOKS_READ.globs)) {
    if (PRE_COMMIT_FILES.includes(file.path)) out.push(preCommit(file.path, file.text));
    else if (LEFTHOOK.test(file.path)) out.push(lefthook(file.path, file.text));
    else if (file.path.startsWith(".husky/")) {
      // `.husky/_/` holds husky's own loader, and `.husky/.gitignore` is not a hook.
      const name = file.path.slice(".husky/".length);
      if (GIT_STAGES.test(name)) out.push(husky(file.path, file.text));
    } else if (file.path === "package.json") out.push(...packageJsonHooks(file.path, file.text));
    else if (LINT_STAGED.test(file.path) || /lint-?staged/.test(file.path))
      out.push(lintStagedFile(file.path, file.text));
  }
  cache.set(repo, out);
  return out;
}

/** Every hook of every manager, flattened. */
export function allHooks(repo: RepoView): readonly GitHook[] {
  return hookSetups(repo).flatMap((s) => s.hooks);
}
