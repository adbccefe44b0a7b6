import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { languages, noMainLanguage } from "../lib/languages.js";
import { parseJson } from "../lib/parse.js";
import { type GitHook, HOOKS_READ, type HookSetup, hookSetups } from "./hooks.js";

const DOCS = "https://pre-commit.com/";
const REMEDIATION =
  "Add a .pre-commit-config.yaml that runs your linter and formatter (for Python: ruff-pre-commit's ruff-check and ruff-format hooks; for JS/TS: husky with lint-staged running ESLint/Prettier or Biome), then `pre-commit install`.";
const FIX = { remediation: REMEDIATION, docs: DOCS };

/**
 * Hooks of pre-commit/pre-commit-hooks that tidy files without judging the code: `pre-commit
 * sample-config` writes the first four, which is why a config of only these reads as a template.
 */
const SAMPLE_HOOKS = new Set(["trailing-whitespace", "end-of-file-fixer", "check-yaml", "check-added-large-files"]);
const HYGIENE_HOOKS = new Set([
  ...SAMPLE_HOOKS,
  "check-toml",
  "check-json",
  "check-xml",
  "mixed-line-ending",
  "check-merge-conflict",
  "check-case-conflict",
  "check-executables-have-shebangs",
  "check-shebang-scripts-are-executable",
  "check-symlinks",
  "destroyed-symlinks",
  "fix-byte-order-marker",
  "check-byte-order-marker",
  "check-vcs-permalinks",
  "pretty-format-json",
  "requirements-txt-fixer",
  "sort-simple-yaml",
  "file-contents-sorter",
  "no-commit-to-branch",
  "forbid-new-submodules",
  "check-illegal-windows-names",
  "fix-encoding-pragma",
  "double-quote-string-fixer",
  "check-docstring-first",
  "check-ast",
  "check-builtin-literals",
  "debug-statements",
  "detect-private-key",
  "detect-aws-credentials",
  "name-tests-test",
  "check-hooks-apply",
  "check-useless-excludes",
  "identity",
]);

/** A husky/lefthook line that runs nothing: an echo, `true`, `exit`. */
const HOLLOW_COMMAND = /^(echo|printf|true|:|exit)\b/;
const LINT_STAGED_CALL = /(^|\s|\/)lint-staged(\s|$)/;

type Verdict = { score: number; findings: Finding[] };

function describe(hooks: readonly GitHook[]): string {
  const names = [...new Set(hooks.map((h) => h.id))];
  return names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ");
}

function judgePreCommit(setup: HookSetup): Verdict {
  const hooks = setup.hooks.filter((h) => h.repo !== "meta");
  if (hooks.length === 0) {
    return {
      score: 0.3,
      findings: [warning("empty-config", `${setup.path} defines no hooks.`, { path: setup.path }, FIX)],
    };
  }
  const real = hooks.filter((h) => !HYGIENE_HOOKS.has(h.id));
  if (real.length > 0) {
    return {
      score: 1,
      findings: [info("hooks", `${setup.path} runs ${describe(real)}.`, { path: setup.path, line: real[0]?.line })],
    };
  }
  const template = hooks.every((h) => SAMPLE_HOOKS.has(h.id));
  return {
    score: template ? 0.5 : 0.6,
    findings: [
      warning(
        template ? "template-only" : "hygiene-only",
        template
          ? `${setup.path} holds only the sample hooks (${describe(hooks)}): nothing lints, formats or type-checks the code.`
          : `${setup.path} only tidies files (${describe(hooks)}): no linter, formatter or type checker runs.`,
        { path: setup.path, line: hooks[0]?.line },
        FIX,
      ),
    ],
  };
}

function judgeScripted(setup: HookSetup, lintStaged: readonly GitHook[]): Verdict {
  const commands = setup.hooks.filter((h) => !HOLLOW_COMMAND.test(h.command ?? h.id));
  const callsLintStaged = commands.filter((h) => LINT_STAGED_CALL.test(h.command ?? ""));
  const direct = commands.filter((h) => !LINT_STAGED_CALL.test(h.command ?? ""));
  const findings: Finding[] = [];
  if (callsLintStaged.length > 0 && lintStaged.length === 0) {
    findings.push(
      warning(
        "lint-staged-unconfigured",
        `${setup.path} runs lint-staged, but no lint-staged configuration says what to run.`,
        { path: setup.path, line: callsLintStaged[0]?.line },
        {
          remediation:
            'Add a "lint-staged" section to package.json (or .lintstagedrc) mapping globs to ESLint/Prettier/Biome commands.',
          docs: "https://github.com/lint-staged/lint-staged#configuration",
        },
      ),
    );
  }
  const effective = [...direct, ...(callsLintStaged.length > 0 ? lintStaged : [])];
  if (effective.length === 0) {
    if (findings.length === 0)
      findings.push(
        warning("empty-config", `${setup.path} defines no hook that runs a command.`, { path: setup.path }, FIX),
      );
    return { score: 0.3, findings };
  }
  if (effective.every((h) => h.stage === "commit-msg")) {
    findings.push(
      warning(
        "commit-msg-only",
        `${setup.path} only checks commit messages (${describe(effective)}); no hook checks the code.`,
        { path: setup.path },
        FIX,
      ),
    );
    return { score: 0.5, findings };
  }
  findings.push(
    info("hooks", `${setup.path} runs ${describe(effective)}.`, { path: setup.path, line: effective[0]?.line }),
  );
  return { score: 1, findings };
}

/** Husky or lefthook listed in package.json with no hook files: installed, never wired. */
function installedOnly(repo: RepoView): Finding | undefined {
  const text = repo.text("package.json");
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== "object") return undefined;
  const pkg = parsed.value as Record<string, Record<string, unknown> | undefined>;
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const tool = ["husky", "lefthook", "simple-git-hooks"].find((t) => t in deps);
  if (!tool) return undefined;
  return warning(
    "manager-without-hooks",
    `package.json installs ${tool}, but no hook is defined for it.`,
    { path: "package.json" },
    FIX,
  );
}

/** code_quality.precommit: git hooks that lint/format before a commit lands. */
export const precommit: Check = defineCheck({
  id: "code_quality.precommit",
  title: "Pre-commit hooks",
  criterion: "code_quality",
  weight: 1,
  looksFor:
    "A .pre-commit-config.yaml, lefthook config, or husky hooks (with lint-staged) that run real checks, not only whitespace fixers.",
  why: "Hooks catch lint and format problems before they reach a commit, and show a reviewer the quality bar is automated rather than remembered.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [HOOKS_READ],
  evaluate(repo) {
    const setups = hookSetups(repo);
    const findings: Finding[] = [];
    let best = 0;
    for (const setup of setups) {
      if (setup.error) {
        findings.push(
          failure(
            "invalid-config",
            `${setup.path} does not parse: ${setup.error.message}`,
            { path: setup.path, line: setup.error.line },
            { remediation: "Fix the syntax; `pre-commit validate-config` reports the exact problem.", docs: DOCS },
          ),
        );
        best = Math.max(best, 0.25);
      }
    }
    const lintStaged = setups.filter((s) => s.manager === "lint-staged").flatMap((s) => s.hooks);
    for (const setup of setups) {
      if (setup.error || setup.manager === "lint-staged") continue;
      const verdict = setup.manager === "pre-commit" ? judgePreCommit(setup) : judgeScripted(setup, lintStaged);
      findings.push(...verdict.findings);
      best = Math.max(best, verdict.score);
    }
    if (setups.every((s) => s.manager === "lint-staged")) {
      // A .husky folder with only husky's own loader, or lint-staged with nothing to call it.
      if (repo.glob(".husky/**").length > 0)
        findings.push(
          warning("manager-without-hooks", "A .husky folder exists but holds no hook script.", { path: ".husky" }, FIX),
        );
      else if (lintStaged.length > 0)
        findings.push(
          warning(
            "lint-staged-without-runner",
            `lint-staged is configured (${lintStaged[0]?.path}) but no git hook (husky, lefthook, simple-git-hooks) runs it.`,
            { path: lintStaged[0]?.path },
            FIX,
          ),
        );
      if (findings.length > 0) best = Math.max(best, 0.25);
    }
    if (best === 0) {
      const installed = installedOnly(repo);
      if (installed) return scored(0.25, [installed]);
      if (languages(repo).main.length === 0)
        return notApplicable(info("no-code", `${noMainLanguage(languages(repo))}: hooks are not judged.`));
      return scored(0, [failure("missing", "No pre-commit, lefthook or husky hooks are configured.", {}, FIX)]);
    }
    return scored(best, findings);
  },
});
