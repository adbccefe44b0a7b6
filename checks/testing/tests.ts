/**
 * testing.tests: real tests for the main language, with a runner configured or run in CI.
 */
import {
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoFile,
  scored,
  warning,
} from "../../src/engine/check.js";
import { isOwnCode, type Language, languageOf, languages, NOTEBOOK_READ, noMainLanguage } from "../lib/languages.js";
import { hasNoSource } from "../lib/no-source.js";
import { PROJECT_READ, packageJsons, parseErrors } from "../lib/project.js";
import { REQUIREMENTS_READ } from "../lib/requirements.js";
import { NPM_DEFAULT_TEST } from "../lib/tasks.js";
import { COMMAND_READS } from "./commands.js";
import { mlEvidence } from "./ml-signals.js";
import { type RunnerKind, strongestRunner } from "./runners.js";
import { TEST_READS, testInventory, testPathKind } from "./test-inventory.js";

const DOCS: Record<Language, string> = {
  python: "https://docs.pytest.org/en/stable/getting-started.html",
  javascript: "https://vitest.dev/guide/",
};
const NAME: Record<Language, string> = { python: "Python", javascript: "JavaScript/TypeScript" };
const HOW: Record<Language, string> = {
  python: "Add pytest tests under tests/ (test_*.py) that exercise the project's own code, and run them with pytest.",
  javascript:
    "Add Vitest or Jest tests (*.test.ts) that exercise the project's own code, and a `test` script that runs them.",
};
/**
 * Score allowed by the strongest runner evidence. A runner only declared as a dependency, or
 * only imported by the tests, is neither configured nor run anywhere: partial (CHECKLIST.md).
 */
const RUNNER_SCORE: Record<RunnerKind | "none", number> = {
  ci: 1,
  config: 1,
  script: 1,
  dependency: 0.65,
  import: 0.6,
  none: 0.5,
};
/** Fewer real tests than this, in a code base of at least THIN_SOURCES modules, test only a sliver. */
const THIN_TESTS = 3;
const THIN_SOURCES = 15;

/** The project's own source files of a language, tests, notebooks and `__init__.py` apart. */
function sourceFiles(files: readonly RepoFile[], language: Language): number {
  return files.filter(
    (f) =>
      languageOf(f.path) === language &&
      isOwnCode(f) &&
      !f.path.endsWith(".ipynb") &&
      !/(^|\/)__init__\.py$/.test(f.path) &&
      !testPathKind(f.path),
  ).length;
}

/** The testing.tests check. */
export const testsCheck = defineCheck({
  id: "testing.tests",
  title: "Automated tests",
  criterion: "testing",
  weight: 3,
  looksFor:
    "Test files for the main language (`tests/`, `test_*.py`, `*.test.ts`, `__tests__/`) with real test functions, and a runner configured or run in CI.",
  why: "Tests are the first evidence a reviewer looks for that the code works and that its author can keep it working.",
  remediation:
    "Write tests for the core code (data processing, model, API) with pytest or Vitest/Jest, configure the runner, and run them in CI.",
  effort: "high",
  docs: DOCS.python,
  reads: [PROJECT_READ, REQUIREMENTS_READ, NOTEBOOK_READ, ...TEST_READS, ...COMMAND_READS],
  evaluate(repo) {
    const { main } = languages(repo);
    const findings: Finding[] = [...parseErrors(repo)];
    // Nothing at all to test is not "another language": the first thing missing is the code and its tests.
    if (hasNoSource(repo))
      return scored(0, [
        ...findings,
        failure("no-source", "The repository holds no source code and no tests.", undefined, {
          remediation:
            "Add the project's code and tests beside it (tests/ run with pytest, or *.test.ts with Vitest), then run them in CI.",
          docs: DOCS.python,
        }),
      ]);
    if (main.length === 0)
      return notApplicable(info("no-code", `${noMainLanguage(languages(repo))}: tests are not judged.`));
    const { files, totals } = testInventory(repo);
    for (const pkg of packageJsons(repo)) {
      const test = pkg.value.scripts.test?.trim();
      if (test !== undefined && NPM_DEFAULT_TEST.test(test))
        findings.push(
          warning(
            "npm-default-test-script",
            `${pkg.path} keeps npm's placeholder test script, which runs no test.`,
            { path: pkg.path, line: pkg.text.slice(0, pkg.text.indexOf('"test"')).split("\n").length },
            { remediation: HOW.javascript, docs: DOCS.javascript },
          ),
        );
    }
    const testedLanguages = (["python", "javascript"] as const).filter((l) => totals[l].files > 0);
    if (testedLanguages.length === 0) {
      findings.push(
        failure("no-tests", `No test files for the ${main.map((l) => NAME[l]).join(" or ")} code.`, undefined, {
          remediation: HOW[main[0] as Language],
          docs: DOCS[main[0] as Language],
        }),
      );
      return scored(0, findings);
    }

    // In a Python ML project with a web frontend, the Python part is the one that must be tested.
    const primary: Language = main.includes("python") && mlEvidence(repo).length > 0 ? "python" : (main[0] as Language);
    const judged: Language = totals[primary].files > 0 ? primary : (testedLanguages[0] as Language);
    const t = totals[judged];
    const example = files.find((f) => f.named && f.language === judged);
    findings.push(
      info(
        "test-files",
        `${t.files} ${NAME[judged]} test file(s)` +
          (t.read > 0 ? ` with ${t.tests} test(s), ${t.real} of them real` : "") +
          (t.unread > 0 ? ` (${t.unread} not read)` : ""),
        example ? { path: example.path } : undefined,
      ),
    );
    let score = 1;
    if (judged !== primary) {
      score = 0.5;
      findings.push(
        warning(
          "minor-part-tested",
          `Only the ${NAME[judged]} part has tests; the ${NAME[primary]} code, the heart of the project, has none.`,
          undefined,
          { remediation: HOW[primary], docs: DOCS[primary] },
        ),
      );
    } else if (t.read > 0 && t.unread === 0 && t.real === 0) {
      score = 0.3;
      const id = t.tests > 0 ? "placeholder-tests" : "empty-test-files";
      const what =
        t.tests > 0
          ? "only placeholder tests (they assert constants, pass, or are a framework template's stock test)"
          : "no test functions at all";
      findings.push(
        warning(id, `The ${NAME[judged]} test files hold ${what}.`, example ? { path: example.path } : undefined, {
          remediation: HOW[judged],
          docs: DOCS[judged],
        }),
      );
    }
    for (const l of main)
      if (l !== judged && totals[l].files === 0 && l !== primary)
        findings.push(info("untested-language", `The ${NAME[l]} code has no tests of its own.`));

    const runner = strongestRunner(repo, judged);
    const runnerScore = RUNNER_SCORE[runner?.kind ?? "none"];
    if (runner && runnerScore === 1)
      findings.push(
        info(
          "test-runner",
          `${runner.tool} ${runner.kind === "ci" ? "runs in CI" : "is configured"}.`,
          runner.line !== undefined ? { path: runner.path, line: runner.line } : { path: runner.path },
        ),
      );
    else
      findings.push(
        warning(
          runner ? "tests-not-run" : "no-runner",
          runner
            ? `${runner.tool} is only ${runner.kind === "dependency" ? "declared as a dependency" : "imported by the tests"}: no runner configuration and no CI job runs the tests.`
            : "Nothing configures a test runner or runs these tests (no pytest/Jest/Vitest config, test script or CI step).",
          runner ? { path: runner.path, ...(runner.line !== undefined ? { line: runner.line } : {}) } : undefined,
          {
            remediation:
              judged === "python"
                ? "Configure pytest ([tool.pytest.ini_options] in pyproject.toml) and run `pytest` in a CI workflow."
                : "Add a `test` script that runs Vitest or Jest, and run it in a CI workflow.",
            docs: DOCS[judged],
          },
        ),
      );
    score = Math.min(score, runnerScore);

    const sources = t.unread === 0 && t.real > 0 && t.real < THIN_TESTS ? sourceFiles(repo.files, judged) : 0;
    if (sources >= THIN_SOURCES) {
      score = Math.min(score, 0.6);
      findings.push(
        warning(
          "few-tests",
          `${t.real} real test(s) for ${sources} source files: most of the code is untested.`,
          undefined,
          {
            remediation: HOW[judged],
            docs: DOCS[judged],
          },
        ),
      );
    }
    return scored(score, findings);
  },
});
