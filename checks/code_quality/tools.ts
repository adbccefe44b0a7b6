/**
 * Which lint, format and type-check tools a command, a hook or a CI action runs:
 * `uv run ruff format --check .` is Ruff formatting Python, `npx biome ci` is Biome linting and
 * formatting JS, `pre-commit`'s `mirrors-mypy` hook is mypy. Pure functions of words.
 */
import { unwrap, wordsOf } from "../lib/tasks.js";

/** What a tool does for the checklist. */
export type ToolRole = "linter" | "formatter" | "typechecker";

/** The languages the code_quality checks judge. */
export type ToolLanguage = "python" | "javascript";

/** One tool recognised, with what it does and for which language. */
export interface ToolUse {
  readonly tool: string;
  readonly roles: readonly ToolRole[];
  readonly language: ToolLanguage;
}

const PY = "python" as const;
const JS = "javascript" as const;

/** Programs that always do the same thing, by name (also pre-commit hook ids). */
const PROGRAMS: Record<string, ToolUse> = {
  black: { tool: "black", roles: ["formatter"], language: PY },
  "black-jupyter": { tool: "black", roles: ["formatter"], language: PY },
  isort: { tool: "isort", roles: ["formatter"], language: PY },
  yapf: { tool: "yapf", roles: ["formatter"], language: PY },
  autopep8: { tool: "autopep8", roles: ["formatter"], language: PY },
  "ruff-format": { tool: "ruff", roles: ["formatter"], language: PY },
  "ruff-check": { tool: "ruff", roles: ["linter"], language: PY },
  flake8: { tool: "flake8", roles: ["linter"], language: PY },
  pylint: { tool: "pylint", roles: ["linter"], language: PY },
  pycodestyle: { tool: "pycodestyle", roles: ["linter"], language: PY },
  pyflakes: { tool: "pyflakes", roles: ["linter"], language: PY },
  prospector: { tool: "prospector", roles: ["linter"], language: PY },
  pylama: { tool: "pylama", roles: ["linter"], language: PY },
  mypy: { tool: "mypy", roles: ["typechecker"], language: PY },
  dmypy: { tool: "mypy", roles: ["typechecker"], language: PY },
  stubtest: { tool: "mypy", roles: ["typechecker"], language: PY },
  pyright: { tool: "pyright", roles: ["typechecker"], language: PY },
  basedpyright: { tool: "basedpyright", roles: ["typechecker"], language: PY },
  pytype: { tool: "pytype", roles: ["typechecker"], language: PY },
  pyre: { tool: "pyre", roles: ["typechecker"], language: PY },
  eslint: { tool: "eslint", roles: ["linter"], language: JS },
  eslint_d: { tool: "eslint", roles: ["linter"], language: JS },
  oxlint: { tool: "oxlint", roles: ["linter"], language: JS },
  xo: { tool: "xo", roles: ["linter"], language: JS },
  standard: { tool: "standard", roles: ["linter", "formatter"], language: JS },
  jshint: { tool: "jshint", roles: ["linter"], language: JS },
  tslint: { tool: "tslint", roles: ["linter"], language: JS },
  prettier: { tool: "prettier", roles: ["formatter"], language: JS },
  "biome-check": { tool: "biome", roles: ["linter", "formatter"], language: JS },
  "biome-ci": { tool: "biome", roles: ["linter", "formatter"], language: JS },
  "biome-lint": { tool: "biome", roles: ["linter"], language: JS },
  "biome-format": { tool: "biome", roles: ["formatter"], language: JS },
  tsc: { tool: "tsc", roles: ["typechecker"], language: JS },
  "vue-tsc": { tool: "tsc", roles: ["typechecker"], language: JS },
  "svelte-check": { tool: "svelte-check", roles: ["typechecker"], language: JS },
  flow: { tool: "flow", roles: ["typechecker"], language: JS },
};

/** Tools used from the command line by subcommand. */
function bySubcommand(program: string, args: readonly string[]): ToolUse[] {
  const sub = args.find((a) => !a.startsWith("-")) ?? "";
  switch (program) {
    case "ruff":
      // `ruff .` (before 0.5), `ruff check`: linting; `ruff format`: formatting.
      return sub === "format"
        ? [{ tool: "ruff", roles: ["formatter"], language: PY }]
        : ["server", "version", "help", "clean", "rule", "config", "linter", "analyze"].includes(sub)
          ? []
          : [{ tool: "ruff", roles: ["linter"], language: PY }];
    case "biome":
    case "rome":
      if (sub === "check" || sub === "ci") return [{ tool: "biome", roles: ["linter", "formatter"], language: JS }];
      if (sub === "lint") return [{ tool: "biome", roles: ["linter"], language: JS }];
      if (sub === "format") return [{ tool: "biome", roles: ["formatter"], language: JS }];
      return [];
    case "next":
      return sub === "lint" ? [{ tool: "eslint", roles: ["linter"], language: JS }] : [];
    case "dprint":
      return sub === "fmt" || sub === "check" ? [{ tool: "dprint", roles: ["formatter"], language: JS }] : [];
    case "ty":
      return sub === "check" ? [{ tool: "ty", roles: ["typechecker"], language: PY }] : [];
    case "nbqa": {
      // `nbqa ruff notebooks/`: the inner tool, on notebooks.
      const inner = args[0] ?? "";
      return recogniseArgv([inner, ...args.slice(1)]);
    }
    default:
      return [];
  }
}

/** The tools one command runs, from its words with wrappers (`uv run`, `npx`, `python -m`) peeled. */
export function recogniseArgv(argv: readonly string[]): ToolUse[] {
  const [first, ...args] = argv;
  if (!first) return [];
  const program = first.replace(/^.*\//, "").replace(/\.(exe|cmd)$/, "");
  // pre-commit hook ids such as nbqa-black, nbqa-ruff.
  const nbqa = /^nbqa-(.+)$/.exec(program);
  if (nbqa?.[1]) return recogniseArgv([nbqa[1], ...args]);
  // `ruff --version`, `black -h`: printing a version in CI lints nothing.
  if (args.length > 0 && args.every((a) => /^(--version|-V|--help|-h)$/.test(a))) return [];
  const fixed = PROGRAMS[program];
  if (fixed) return [fixed];
  return bySubcommand(program, args);
}

/** The tools a shell command line runs. */
export function recogniseCommand(command: string): ToolUse[] {
  return recogniseArgv(unwrap(wordsOf(command)));
}

/** Actions that run a linter suite whatever their name says. */
const SUITES: ReadonlyArray<readonly [RegExp, readonly ToolUse[]]> = [
  [
    /^(github|super-linter)\/super-linter(\/|@|$)/,
    [
      { tool: "super-linter", roles: ["linter", "formatter"], language: PY },
      { tool: "super-linter", roles: ["linter", "formatter"], language: JS },
    ],
  ],
  [
    /^ricardochaves\/python-lint(@|$)/,
    [{ tool: "python-lint", roles: ["linter", "formatter", "typechecker"], language: PY }],
  ],
];

/** Inputs of wearerequired/lint-action that turn a tool on. */
const LINT_ACTION_INPUTS = ["black", "flake8", "pylint", "mypy", "autopep8", "eslint", "prettier", "xo", "oxlint"];

/** The tools a workflow `uses:` step runs: `astral-sh/ruff-action`, `psf/black`, `reviewdog/action-eslint`... */
export function recogniseAction(uses: string, inputs: Readonly<Record<string, string>> = {}): ToolUse[] {
  const ref = uses.toLowerCase();
  if (ref.startsWith("./") || ref.startsWith("docker://")) return [];
  for (const [re, tools] of SUITES) if (re.test(ref)) return [...tools];
  if (/^wearerequired\/lint-action(@|$)/.test(ref))
    return LINT_ACTION_INPUTS.filter((k) => /^(true|yes|1)$/i.test(inputs[k] ?? "")).flatMap((k) => recogniseArgv([k]));
  const name = ref.replace(/@.*$/, "");
  if (/(^|[/-])ruff([/-]|$)/.test(name)) {
    const args = inputs.args ?? "check";
    return recogniseArgv(["ruff", ...wordsOf(args)]);
  }
  if (/(^|[/-])biome([/-]|$)/.test(name) && !/setup-biome/.test(name)) return recogniseArgv(["biome", "ci"]);
  // Otherwise a tool's name as a word of the action's name: psf/black, py-actions/flake8, reviewdog/action-eslint.
  for (const word of name.split(/[/_-]/)) {
    if (word === "action" || word === "actions" || word === "setup") continue;
    const tool = PROGRAMS[word];
    if (tool) return [tool];
  }
  return [];
}
