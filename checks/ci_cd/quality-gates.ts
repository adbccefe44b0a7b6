import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { languages } from "../lib/languages.js";
import { parseYaml } from "../lib/parse.js";
import { PROJECT_READ, pythonToolConfig } from "../lib/project.js";
import { settingText } from "../lib/project-tools.js";
import { preCommitHooks } from "../lib/tasks/other-runners.js";
import { unwrap, wordsOf } from "../lib/tasks/shell.js";
import { ciCommands, TASK_READ } from "../lib/tasks.js";
import { primaryWorkflow, WORKFLOW_READ, workflows } from "../lib/workflows.js";
import { actionGates, commandGates, GATE_KINDS, type GateKind, testRunner } from "./commands.js";

const DOCS =
  "https://docs.github.com/en/actions/use-cases-and-examples/building-and-testing/building-and-testing-python";

/** The tool to suggest for each missing gate, by language. */
const SUGGEST: Record<"python" | "javascript", Record<GateKind, { tool: string; docs: string }>> = {
  python: {
    lint: { tool: "`ruff check .`", docs: "https://docs.astral.sh/ruff/integrations/#github-actions" },
    format: { tool: "`ruff format --check .` (or `black --check .`)", docs: "https://docs.astral.sh/ruff/formatter/" },
    types: { tool: "`mypy` (or `pyright`)", docs: "https://mypy.readthedocs.io/en/stable/running_mypy.html" },
    coverage: {
      tool: "`pytest --cov --cov-fail-under=80` or codecov/codecov-action",
      docs: "https://pytest-cov.readthedocs.io/en/latest/config.html",
    },
  },
  javascript: {
    lint: { tool: "`eslint .` (or `biome lint`)", docs: "https://eslint.org/docs/latest/use/command-line-interface" },
    format: { tool: "`prettier --check .` (or `biome ci`)", docs: "https://prettier.io/docs/cli#--check" },
    types: { tool: "`tsc --noEmit`", docs: "https://www.typescriptlang.org/docs/handbook/compiler-options.html" },
    coverage: {
      tool: "`vitest run --coverage` with thresholds, or codecov/codecov-action",
      docs: "https://vitest.dev/guide/coverage",
    },
  },
};

/** How many kinds of gate give which score: one is a start, three or more is a real gate. */
const SCORE_BY_KINDS = [0, 0.5, 0.75, 1, 1];

interface Gate {
  readonly kind: GateKind;
  readonly what: string;
  readonly path: string;
  readonly line?: number;
}

/** pytest measures coverage on every run when its config adds `--cov` (addopts). */
function pytestAddsCoverage(repo: RepoView): boolean {
  return pythonToolConfig(repo, "pytest").some((c) => /(^|\s)--cov(=|\s|$)/.test(settingText(c.settings.addopts)));
}

/** pre-commit.ci runs the hooks on every pull request when the config has a `ci:` section. */
function preCommitCiGates(repo: RepoView): Gate[] {
  for (const path of [".pre-commit-config.yaml", ".pre-commit-config.yml"]) {
    const text = repo.text(path);
    if (text === undefined) continue;
    const parsed = parseYaml(text);
    const root = parsed.ok ? (parsed.value.value as Record<string, unknown> | null) : null;
    if (!root || typeof root.ci !== "object" || root.ci === null) return [];
    return preCommitHooks(text).flatMap((h) =>
      commandGates(unwrap(wordsOf(h.command)), true).map((kind) => ({
        kind,
        what: `pre-commit.ci hook ${h.id}`,
        path,
        line: h.line,
      })),
    );
  }
  return [];
}

/** Every gate CI holds, from commands (followed through runners) and from actions. */
function gates(repo: RepoView): Gate[] {
  const out: Gate[] = [];
  const commands = ciCommands(repo);
  for (const c of commands)
    if (!c.failureIgnored)
      for (const kind of commandGates(c.argv, c.preCommit ?? false))
        out.push({
          kind,
          what: `\`${c.command}\`${c.via.length ? ` (via ${c.via.join(" -> ")})` : ""}`,
          path: c.path,
          line: c.line,
        });
  for (const w of workflows(repo).parsed)
    for (const job of w.jobs)
      for (const step of job.steps)
        if (step.uses)
          for (const kind of actionGates(step.uses)) out.push({ kind, what: step.uses, path: w.path, line: step.line });
  if (!out.some((g) => g.kind === "coverage")) {
    const pytest = commands.find((c) => testRunner(c.argv) === "pytest");
    if (pytest && pytestAddsCoverage(repo))
      out.push({
        kind: "coverage",
        what: `\`${pytest.command}\` with --cov in pytest's addopts`,
        path: pytest.path,
        line: pytest.line,
      });
  }
  out.push(...preCommitCiGates(repo));
  return out;
}

/** `ci_cd.quality_gates`: lint, format check, type check and coverage run in CI. */
export const qualityGates: Check = defineCheck({
  id: "ci_cd.quality_gates",
  title: "CI quality gates",
  criterion: "ci_cd",
  weight: 2,
  looksFor:
    "Lint, format check, type check and coverage measurement or upload run in CI (ruff, flake8, pylint, black --check, mypy, pyright, ESLint, Biome, Prettier --check, tsc, codecov), directly, through pre-commit or through a task runner.",
  why: "A gate that CI enforces keeps the whole history clean, not only the commits of people who ran the tools locally. The score counts kinds of gate: lint, format, types, coverage; one kind is partial, two pass, three or more are full marks.",
  remediation:
    "Run the linter, a format check, the type checker and coverage in the CI workflow (or run `pre-commit run --all-files` there).",
  effort: "low",
  docs: DOCS,
  reads: [WORKFLOW_READ, TASK_READ, PROJECT_READ],
  evaluate(repo) {
    const { parsed } = workflows(repo);
    const found = gates(repo);
    const findings: Finding[] = [];
    const kinds = GATE_KINDS.filter((k) => found.some((g) => g.kind === k));
    for (const kind of kinds) {
      const g = found.find((x) => x.kind === kind) as Gate;
      findings.push(info(`gate-${kind}`, `${kind}: ${g.what}`, { path: g.path, ...(g.line ? { line: g.line } : {}) }));
    }
    const lang = languages(repo).main[0] === "javascript" ? "javascript" : "python";
    const missing = GATE_KINDS.filter((k) => !kinds.includes(k));
    const where = { path: primaryWorkflow(parsed)?.path ?? ".github/workflows" };
    if (parsed.length === 0 && kinds.length === 0) {
      findings.push(
        failure(
          "no-workflows",
          "No usable GitHub Actions workflow, so CI holds no quality gate",
          {},
          {
            remediation: "Add a workflow that lints, checks formatting and types, and measures coverage.",
            docs: DOCS,
          },
        ),
      );
      return scored(0, findings);
    }
    const fix = (k: GateKind): { remediation: string; docs: string } => ({
      remediation: `Add ${SUGGEST[lang][k].tool} to the CI workflow.`,
      docs: SUGGEST[lang][k].docs,
    });
    if (kinds.length === 0) {
      findings.push(failure("no-gates", "CI runs no linter, format check, type check or coverage", where, fix("lint")));
      return scored(0, findings);
    }
    const score = SCORE_BY_KINDS[kinds.length] ?? 1;
    // With three kinds the score is full; the fourth is worth mentioning, not a shortfall.
    for (const k of missing) {
      const message = `CI has no ${k === "types" ? "type check" : k === "format" ? "format check" : k} step`;
      findings.push(score < 1 ? warning(`missing-${k}`, message, where, fix(k)) : info(`missing-${k}`, message, where));
    }
    return scored(score, findings);
  },
});
