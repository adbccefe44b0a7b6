/**
 * Where each lint, format and type-check tool shows up in a repository, and how strongly:
 * run (CI, a git hook, a task script), configured (a config file or section), or only
 * declared as a dependency. Shared by lint_format and types; memoised per view.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import {
  declaredDependencies,
  iniManifests,
  PROJECT_READ,
  packageJsons,
  pyprojects,
  pythonToolConfig,
} from "../lib/project.js";
import { REQUIREMENTS_READ, requirementsFiles } from "../lib/requirements.js";
import { ciCommands, TASK_READ } from "../lib/tasks.js";
import { WORKFLOW_READ, workflows } from "../lib/workflows.js";
import { allHooks, HOOKS_READ, hookSetups } from "./hooks.js";
import { localCommands } from "./local-tasks.js";
import {
  recogniseAction,
  recogniseArgv,
  recogniseCommand,
  type ToolLanguage,
  type ToolRole,
  type ToolUse,
} from "./tools.js";
import { parseJsonc } from "./tsconfig.js";

/** How a tool was seen: run is the strongest evidence, a dependency the weakest. */
export type Strength = "run" | "config" | "dependency";

/** One sighting of a tool. */
export interface ToolEvidence extends ToolUse {
  readonly strength: Strength;
  /** ci, hook, script, config or dependency. */
  readonly how: "ci" | "hook" | "script" | "config" | "dependency";
  readonly path: string;
  readonly line?: number;
  /** The command, hook or setting, for the finding's message. */
  readonly detail: string;
}

const BIOME_GLOBS = ["**/biome.json", "**/biome.jsonc", "**/rome.json"];

/** Everything the evidence is read from. */
export const EVIDENCE_READS: readonly ReadRequest[] = [
  PROJECT_READ,
  WORKFLOW_READ,
  TASK_READ,
  HOOKS_READ,
  REQUIREMENTS_READ,
  { globs: BIOME_GLOBS, maxFiles: 10, priority: 0 },
];

/** Config files whose presence configures a JS tool (their content needs no reading). */
const JS_CONFIG_FILES: ReadonlyArray<readonly [string, ToolUse]> = [
  ["**/eslint.config.{js,mjs,cjs,ts,mts,cts}", { tool: "eslint", roles: ["linter"], language: "javascript" }],
  ["**/.eslintrc{,.js,.cjs,.json,.yaml,.yml}", { tool: "eslint", roles: ["linter"], language: "javascript" }],
  ["**/{.oxlintrc.json,oxlint.json,oxlintrc.json}", { tool: "oxlint", roles: ["linter"], language: "javascript" }],
  ["**/{.jshintrc,tslint.json}", { tool: "jshint", roles: ["linter"], language: "javascript" }],
  [
    "**/.prettierrc{,.json,.yaml,.yml,.json5,.js,.cjs,.mjs,.ts,.cts,.mts,.toml}",
    { tool: "prettier", roles: ["formatter"], language: "javascript" },
  ],
  ["**/prettier.config.{js,cjs,mjs,ts,cts,mts}", { tool: "prettier", roles: ["formatter"], language: "javascript" }],
  ["**/{dprint.json,.dprint.json,dprint.jsonc}", { tool: "dprint", roles: ["formatter"], language: "javascript" }],
];

/** Python tool config files known from the listing alone. */
const PY_CONFIG_FILES: ReadonlyArray<readonly [string, ToolUse]> = [
  ["**/.style.yapf", { tool: "yapf", roles: ["formatter"], language: "python" }],
  ["**/ty.toml", { tool: "ty", roles: ["typechecker"], language: "python" }],
  ["**/.pyre_configuration", { tool: "pyre", roles: ["typechecker"], language: "python" }],
];

/** pyproject `[tool.X]` tables not covered by pythonToolConfig. */
const PYPROJECT_TABLES: Record<string, ToolUse> = {
  yapf: { tool: "yapf", roles: ["formatter"], language: "python" },
  autopep8: { tool: "autopep8", roles: ["formatter"], language: "python" },
  basedpyright: { tool: "basedpyright", roles: ["typechecker"], language: "python" },
  ty: { tool: "ty", roles: ["typechecker"], language: "python" },
  pytype: { tool: "pytype", roles: ["typechecker"], language: "python" },
  pydocstyle: { tool: "pydocstyle", roles: ["linter"], language: "python" },
};

/** setup.cfg / tox.ini sections of tools pythonToolConfig does not cover. */
const INI_SECTIONS: Record<string, ToolUse> = {
  yapf: { tool: "yapf", roles: ["formatter"], language: "python" },
  pycodestyle: { tool: "pycodestyle", roles: ["linter"], language: "python" },
  pep8: { tool: "pycodestyle", roles: ["linter"], language: "python" },
  pydocstyle: { tool: "pydocstyle", roles: ["linter"], language: "python" },
  pytype: { tool: "pytype", roles: ["typechecker"], language: "python" },
};

/** npm packages whose name is not the command. */
const NPM_PACKAGES: Record<string, string> = {
  "@biomejs/biome": "biome",
  rome: "biome",
  "typescript-eslint": "eslint",
};

/** A requirements file with more entries than this is an environment dump: its tools say nothing. */
const DUMP_SIZE = 80;

function configEvidence(repo: RepoView): ToolEvidence[] {
  const out: ToolEvidence[] = [];
  const add = (use: ToolUse, path: string, detail: string, line?: number): void => {
    out.push({ ...use, strength: "config", how: "config", path, detail, ...(line ? { line } : {}) });
  };
  for (const tool of ["ruff", "black", "isort", "flake8", "pylint", "mypy", "pyright"] as const) {
    for (const cfg of pythonToolConfig(repo, tool)) {
      const format = tool === "ruff" && cfg.settings.format && typeof cfg.settings.format === "object";
      const use = recogniseArgv([tool === "ruff" ? "ruff-check" : tool]);
      for (const u of use) add(u, cfg.path, `${tool} configuration`, cfg.line);
      if (format)
        add(
          { tool: "ruff", roles: ["formatter"], language: "python" },
          cfg.path,
          "[tool.ruff.format]",
          cfg.keyLines.format ?? cfg.line,
        );
    }
  }
  for (const py of pyprojects(repo)) {
    const tool = (py.value?.tool ?? {}) as Record<string, unknown>;
    for (const [name, use] of Object.entries(PYPROJECT_TABLES))
      if (tool[name] && typeof tool[name] === "object")
        add(use, py.path, `[tool.${name}]`, py.keyLines.get(`tool.${name}`));
  }
  for (const ini of iniManifests(repo))
    for (const s of ini.sections) {
      const use = INI_SECTIONS[s.name.replace(/^tool:/, "")];
      if (use) add(use, ini.path, `[${s.name}]`, s.line);
    }
  for (const [glob, use] of [...JS_CONFIG_FILES, ...PY_CONFIG_FILES])
    for (const f of repo.glob(glob)) if (isOwnCode(f.path)) add(use, f.path, f.path.slice(f.path.lastIndexOf("/") + 1));
  for (const pkg of packageJsons(repo)) {
    const raw = pkg.value.raw;
    if (raw.eslintConfig)
      add({ tool: "eslint", roles: ["linter"], language: "javascript" }, pkg.path, '"eslintConfig"');
    if (raw.prettier) add({ tool: "prettier", roles: ["formatter"], language: "javascript" }, pkg.path, '"prettier"');
    if (raw.xo) add({ tool: "xo", roles: ["linter"], language: "javascript" }, pkg.path, '"xo"');
  }
  for (const f of repo.read(BIOME_GLOBS)) {
    if (!isOwnCode(f.path)) continue;
    const parsed = parseJsonc(f.text);
    const value = (parsed.ok ? parsed.value : {}) as Record<string, { enabled?: unknown } | undefined>;
    const roles: ToolRole[] = [];
    if (value.linter?.enabled !== false) roles.push("linter");
    if (value.formatter?.enabled !== false) roles.push("formatter");
    if (roles.length > 0) add({ tool: "biome", roles, language: "javascript" }, f.path, f.path);
  }
  return out;
}

function dependencyEvidence(repo: RepoView): ToolEvidence[] {
  const out: ToolEvidence[] = [];
  const add = (name: string, path: string, line?: number): void => {
    const program =
      NPM_PACKAGES[name] ??
      (name.startsWith("@typescript-eslint/") || name.startsWith("eslint-config-") ? "eslint" : name);
    // A dependency on a tool proves it is installed, not what it is used for: ruff counts as a linter only.
    const uses =
      program === "ruff"
        ? recogniseArgv(["ruff-check"])
        : program === "biome"
          ? recogniseArgv(["biome-check"])
          : recogniseArgv([program]);
    for (const use of uses.filter((u) => u.tool !== "tsc"))
      out.push({ ...use, strength: "dependency", how: "dependency", path, detail: name, ...(line ? { line } : {}) });
  };
  for (const dep of declaredDependencies(repo)) add(dep.name, dep.path, dep.line);
  for (const file of requirementsFiles(repo)) {
    if (file.entries.length > DUMP_SIZE) continue;
    for (const entry of file.entries) add(entry.key, file.path, entry.line);
  }
  return out;
}

function runEvidence(repo: RepoView): ToolEvidence[] {
  const out: ToolEvidence[] = [];
  for (const c of ciCommands(repo))
    for (const use of recogniseArgv(c.argv))
      out.push({
        ...use,
        strength: "run",
        how: "ci",
        path: c.path,
        line: c.line,
        detail: [...c.via, c.command].join(" → "),
      });
  for (const w of workflows(repo).parsed)
    for (const job of w.jobs)
      for (const step of job.steps)
        if (step.uses)
          for (const use of recogniseAction(step.uses, step.with))
            out.push({
              ...use,
              strength: "run",
              how: "ci",
              path: w.path,
              line: step.line,
              detail: `uses: ${step.uses}`,
            });
  // A workflow GitHub refuses for its `needs:` never runs, but its steps say which tools the author set up.
  for (const b of workflows(repo).broken)
    for (const job of b.workflow?.jobs ?? [])
      for (const step of job.steps)
        for (const line of (step.run ?? "").split("\n"))
          for (const use of recogniseCommand(line))
            out.push({
              ...use,
              strength: "config",
              how: "config",
              path: b.path,
              line: step.line,
              detail: `${line.trim()} (in a workflow GitHub refuses)`,
            });
  // lint-staged runs only when a git hook calls it.
  const runner = hookSetups(repo).some((s) => s.manager !== "lint-staged" && s.manager !== "pre-commit");
  for (const hook of allHooks(repo)) {
    const fromCommand = hook.command ? recogniseCommand(hook.command) : [];
    const uses = fromCommand.length > 0 ? fromCommand : recogniseArgv([hook.id]);
    const run = hook.manager !== "lint-staged" || runner;
    for (const use of uses)
      out.push({
        ...use,
        strength: run ? "run" : "config",
        how: run ? "hook" : "config",
        path: hook.path,
        ...(hook.line ? { line: hook.line } : {}),
        detail: `${hook.manager} hook ${hook.id}`,
      });
  }
  for (const c of localCommands(repo))
    for (const use of recogniseCommand(c.command))
      out.push({
        ...use,
        strength: "run",
        how: "script",
        path: c.path,
        line: c.line,
        detail: `${c.task}: ${c.command}`,
      });
  return out;
}

const cache = new WeakMap<RepoView, readonly ToolEvidence[]>();

/** Every sighting of a lint/format/type-check tool, strongest first (memoised per view). */
export function toolEvidence(repo: RepoView): readonly ToolEvidence[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const rank: Record<Strength, number> = { run: 0, config: 1, dependency: 2 };
  const all = [...runEvidence(repo), ...configEvidence(repo), ...dependencyEvidence(repo)].sort(
    (a, b) => rank[a.strength] - rank[b.strength],
  );
  cache.set(repo, all);
  return all;
}

/** Import sorters format only imports: named after a whole-file formatter of the same strength. */
const PARTIAL_TOOLS = new Set(["isort"]);

/** The strongest sighting of any tool with this role for this language. */
export function strongest(
  evidence: readonly ToolEvidence[],
  language: ToolLanguage,
  role: ToolRole,
): ToolEvidence | undefined {
  const matching = evidence.filter((e) => e.language === language && e.roles.includes(role));
  const first = matching[0];
  if (!first) return undefined;
  return matching.find((e) => e.strength === first.strength && !PARTIAL_TOOLS.has(e.tool)) ?? first;
}
