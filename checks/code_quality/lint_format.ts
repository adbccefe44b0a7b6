import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  scored,
  warning,
} from "../../src/engine/check.js";
import { type Language, languages, noMainLanguage } from "../lib/languages.js";
import { EVIDENCE_READS, type Strength, strongest, type ToolEvidence, toolEvidence } from "./evidence.js";
import type { ToolRole } from "./tools.js";

const DOCS = "https://docs.astral.sh/ruff/";

/** The fix and the docs, per language. */
const ADVICE: Record<Language, { name: string; linter: string; formatter: string; docs: string }> = {
  python: {
    name: "Python",
    linter:
      "Configure Ruff in pyproject.toml ([tool.ruff]) and run `ruff check` in CI and in pre-commit (astral-sh/ruff-pre-commit, hook ruff-check).",
    formatter:
      "Format with Ruff (or Black): run `ruff format --check` in CI and the ruff-format pre-commit hook, with settings under [tool.ruff.format].",
    docs: DOCS,
  },
  javascript: {
    name: "JavaScript/TypeScript",
    linter:
      "Add ESLint (eslint.config.js) or Biome (biome.json) and run `npx eslint .` / `npx biome ci` in CI and through husky + lint-staged.",
    formatter: "Add Prettier (or Biome's formatter) and run `npx prettier --check .` / `npx biome ci` in CI.",
    docs: "https://biomejs.dev/guides/getting-started/",
  },
};

/** What each strength of evidence is worth: a tool that runs beats one only configured or installed. */
const LEVEL: Record<Strength, number> = { run: 1, config: 0.6, dependency: 0.35 };

const HOW: Record<ToolEvidence["how"], string> = {
  ci: "run in CI",
  hook: "run by a git hook",
  script: "run by a project script",
  config: "configured",
  dependency: "declared as a dependency",
};

function where(e: ToolEvidence): string {
  return `${e.path}${e.line ? `:${e.line}` : ""}`;
}

function roleVerdict(
  evidence: readonly ToolEvidence[],
  language: Language,
  role: ToolRole,
): { level: number; finding: Finding } {
  const advice = ADVICE[language];
  const fix = { remediation: role === "linter" ? advice.linter : advice.formatter, docs: advice.docs };
  const best = strongest(evidence, language, role);
  if (!best)
    return {
      level: 0,
      finding: failure(`no-${role}`, `No ${role} is configured or run for the ${advice.name} code.`, {}, fix),
    };
  const at = { path: best.path, ...(best.line ? { line: best.line } : {}) };
  if (best.strength === "run")
    return {
      level: 1,
      finding: info(
        role,
        `${advice.name} ${role}: ${best.tool}, ${HOW[best.how]} (${where(best)}: ${best.detail}).`,
        at,
      ),
    };
  return {
    level: LEVEL[best.strength],
    finding: warning(
      `${role}-not-run`,
      `${advice.name} ${role}: ${best.tool} is ${HOW[best.how]} (${where(best)}: ${best.detail}) but no CI step, git hook or project script runs it.`,
      at,
      {
        remediation: `Run ${best.tool} where it cannot be skipped: a CI workflow step (or the make/tox/npm task CI calls) and a pre-commit hook.`,
        docs: advice.docs,
      },
    ),
  };
}

function languageVerdict(
  evidence: readonly ToolEvidence[],
  language: Language,
): { score: number; findings: Finding[] } {
  const linter = roleVerdict(evidence, language, "linter");
  const formatter = roleVerdict(evidence, language, "formatter");
  return { score: (linter.level + formatter.level) / 2, findings: [linter.finding, formatter.finding] };
}

/** code_quality.lint_format: a linter and a formatter for the main language(s), configured and run. */
export const lintFormat: Check = defineCheck({
  id: "code_quality.lint_format",
  title: "Linter and formatter",
  criterion: "code_quality",
  weight: 3,
  looksFor:
    "A linter and a formatter for the main language (Ruff, Flake8, Pylint, Black, isort; ESLint, Prettier, Biome) configured and run in CI, a git hook or a project script.",
  why: "Automated linting and formatting keep a codebase consistent and catch bugs early; a reviewer reads them as professional habits.",
  remediation:
    "Python: Ruff for both (`ruff check`, `ruff format --check`); JS/TS: ESLint + Prettier or Biome. Configure them in the project's config and run them in CI and pre-commit.",
  effort: "low",
  docs: DOCS,
  reads: EVIDENCE_READS,
  evaluate(repo) {
    const profile = languages(repo);
    const main = profile.main;
    if (main.length === 0) return notApplicable(info("no-code", `${noMainLanguage(profile)}: linting is not judged.`));
    const evidence = toolEvidence(repo);
    const verdicts = main.map((l) => languageVerdict(evidence, l));
    const [first, second] = verdicts;
    let score = second ? 0.75 * (first?.score ?? 0) + 0.25 * second.score : (first?.score ?? 0);
    const findings = verdicts.flatMap((v) => v.findings);

    // Tooling for a minor part only (say the web frontend of a Python project) is some signal.
    const minor = (["python", "javascript"] as const).filter((l) => profile[l] > 0 && !main.includes(l));
    for (const l of minor) {
      const v = languageVerdict(evidence, l);
      // Configured but never run, for the minor part only, is still some of the habit: partial.
      if (v.score >= 0.25 && score < 0.3) {
        score = v.score >= 0.5 ? 0.3 : 0.25;
        findings.push(
          warning(
            "secondary-only",
            `Linting/formatting is set up only for the ${ADVICE[l].name} part, not for the main ${ADVICE[main[0] as Language].name} code.`,
            {},
            { remediation: ADVICE[main[0] as Language].linter, docs: ADVICE[main[0] as Language].docs },
          ),
        );
      }
    }
    if (second && (first?.score ?? 0) < 0.5 && second.score >= 0.25 && score < 0.5) {
      // Set up for the secondary part only is partial (CHECKLIST.md), as for a minor language.
      score = Math.max(score, second.score >= 0.5 ? 0.3 : 0.25);
      findings.push(
        warning(
          "secondary-only",
          `Linting/formatting covers the ${ADVICE[main[1] as Language].name} part better than the main ${ADVICE[main[0] as Language].name} code.`,
          {},
          { remediation: ADVICE[main[0] as Language].linter, docs: ADVICE[main[0] as Language].docs },
        ),
      );
    }
    return scored(score, findings);
  },
});
