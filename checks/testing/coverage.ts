/**
 * testing.coverage: coverage measured, with a threshold of at least 80% (the guide's bar).
 */
import {
  type At,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  scored,
  warning,
} from "../../src/engine/check.js";
import { languages, noMainLanguage } from "../lib/languages.js";
import { PROJECT_READ, parseErrors } from "../lib/project.js";
import { REQUIREMENTS_READ } from "../lib/requirements.js";
import { COMMAND_READS } from "./commands.js";
import { COVERAGE_READ, type CoverageFigure, coverageFigures, README_READ } from "./coverage-figures.js";
import { type CoverageTool, coverageTools } from "./coverage-tooling.js";
import { TEST_READS, testInventory } from "./test-inventory.js";

/** The guide's bar. */
const BAR = 80;
const PY_DOCS = "https://pytest-cov.readthedocs.io/en/latest/config.html";
const JS_DOCS = "https://vitest.dev/guide/coverage";

const where = (x: { path: string; line?: number }): At => ({
  path: x.path,
  ...(x.line !== undefined ? { line: x.line } : {}),
});

/** The testing.coverage check. */
export const coverageCheck = defineCheck({
  id: "testing.coverage",
  title: "Test coverage",
  criterion: "testing",
  weight: 2,
  looksFor:
    "Coverage measured (coverage.py config, `--cov`, Vitest/Jest/c8/nyc coverage, Codecov/Coveralls) with a threshold of at least 80%; committed reports and badges are reported.",
  why: "A coverage gate shows the tests are kept up with the code; a reviewer trusts a number the build enforces more than a claim.",
  remediation:
    "Measure coverage when the tests run and fail the build below 80%: `--cov=<pkg> --cov-fail-under=80` (pytest-cov), `[tool.coverage.report] fail_under = 80`, or Vitest `coverage.thresholds`.",
  effort: "low",
  docs: PY_DOCS,
  reads: [PROJECT_READ, REQUIREMENTS_READ, COVERAGE_READ, README_READ, ...TEST_READS, ...COMMAND_READS],
  evaluate(repo) {
    const { main } = languages(repo);
    if (main.length === 0)
      return notApplicable(info("no-code", `${noMainLanguage(languages(repo))}: coverage is not judged.`));
    const docs = main[0] === "javascript" ? JS_DOCS : PY_DOCS;
    const findings: Finding[] = [...parseErrors(repo)];
    const tools = coverageTools(repo);
    const figures = coverageFigures(repo);
    for (const f of figures) findings.push(figureFinding(f));

    const { totals } = testInventory(repo);
    const hasTests = totals.python.files + totals.javascript.files > 0;
    if (tools.length === 0) {
      // A figure with no tests behind it is a claim the repository contradicts.
      const measured = figures.length > 0 && hasTests;
      findings.push(
        failure(
          "no-coverage",
          measured
            ? "A coverage figure is shown, but nothing in the repository measures coverage."
            : "Coverage is not measured anywhere (no coverage config, no --cov, no coverage in CI).",
          undefined,
          {
            remediation:
              main[0] === "javascript"
                ? "Enable coverage in vitest.config.ts (`coverage: { provider: 'v8', thresholds: { lines: 80 } }`) and run `vitest run --coverage` in CI."
                : "Add pytest-cov and run `pytest --cov=<package> --cov-fail-under=80` (or set it in [tool.pytest.ini_options] addopts).",
            docs,
          },
        ),
      );
      return scored(measured ? 0.3 : 0, findings);
    }

    const gated = tools.filter((t) => t.threshold !== undefined);
    const best = gated.reduce<CoverageTool | undefined>(
      (a, t) => (a === undefined || (t.threshold ?? 0) > (a.threshold ?? 0) ? t : a),
      undefined,
    );
    const runs = tools.some((t) => t.runs);
    const shown = tools.find((t) => t.runs) ?? tools[0];
    if (shown) findings.push(info("coverage-tool", `Coverage measured with ${shown.tool}.`, where(shown)));

    let score: number;
    if (!best) {
      score = 0.5;
      findings.push(
        warning("no-threshold", "Coverage is measured but no minimum is enforced.", shown ? where(shown) : undefined, {
          remediation: `Fail the build below ${BAR}%: \`--cov-fail-under=${BAR}\`, \`fail_under = ${BAR}\`, or \`coverage.thresholds\`.`,
          docs,
        }),
      );
    } else if ((best.threshold ?? 0) < BAR) {
      score = (best.threshold ?? 0) >= 50 ? 0.6 : 0.5;
      findings.push(
        warning("low-threshold", `The coverage threshold is ${best.threshold}%, below the ${BAR}% bar.`, where(best), {
          remediation: `Raise the threshold to at least ${BAR}% and add the tests it takes.`,
          docs,
        }),
      );
    } else if (!runs) {
      score = 0.6;
      findings.push(
        warning(
          "threshold-not-run",
          `A ${best.threshold}% threshold is configured (${best.tool}), but nothing runs coverage: no --cov, no coverage command, no coverage plugin.`,
          where(best),
          {
            remediation: "Run the tests with coverage (`pytest --cov`, `vitest run --coverage`) locally and in CI.",
            docs,
          },
        ),
      );
    } else {
      score = 1;
      findings.push(info("threshold", `Coverage must reach ${best.threshold}% (${best.tool}).`, where(best)));
    }

    const lowFigure = figures.find(
      (f) => f.percent !== undefined && best?.threshold !== undefined && f.percent < best.threshold - 1,
    );
    if (lowFigure && score === 1) {
      score = 0.7;
      findings.push(
        warning(
          "figure-below-threshold",
          `${lowFigure.what} shows ${lowFigure.percent}%, below the configured ${best?.threshold}%: the gate is not holding or the figure is stale.`,
          where(lowFigure),
          { remediation: "Bring coverage up to the threshold, or update the committed figure.", docs },
        ),
      );
    }
    if (!hasTests) {
      score = Math.min(score, 0.3);
      findings.push(
        warning(
          "no-tests-to-cover",
          "Coverage is configured but the repository has no tests, so it measures nothing.",
          undefined,
          {
            remediation: "Write the tests the coverage gate is meant to measure.",
            docs,
          },
        ),
      );
    }
    return scored(score, findings);
  },
});

function figureFinding(f: CoverageFigure): Finding {
  const message =
    f.percent !== undefined ? `${f.what} shows ${f.percent}% coverage.` : `${f.what} found (no figure in it).`;
  return info(f.percent !== undefined ? "measured-coverage" : "coverage-evidence", message, where(f));
}
