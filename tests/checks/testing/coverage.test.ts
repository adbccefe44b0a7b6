import { describe, expect, it } from "vitest";
import { coverageCheck } from "../../../checks/testing/coverage.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  CHURN_SRC,
  type CheckCase,
  MODEL_PY,
  NPM_DEFAULT,
  notebook,
  PYPROJECT_COV85,
  PYPROJECT_PLAIN,
  packageJson,
  REACT_APP,
  REACT_TEST,
  TEST_MODEL_PY,
  workflow,
} from "./fixtures.js";

const PYTHON: Tree = {
  ...CHURN_SRC,
  "tests/test_model.py": TEST_MODEL_PY,
};

const WEB: Tree = { "src/App.tsx": REACT_APP, "src/App.test.tsx": REACT_TEST };

const VITEST_CONFIG = `/// <reference types="vitest" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    setupFiles: ["./src/setupTests.ts"],
    coverage: {
      provider: "v8",
      reporter: ["text", "lcov"],
      thresholds: {
        lines: 85,
        branches: 75,
      },
    },
  },
});
`;

const COVERAGE_XML = (rate: string) => `<?xml version="1.0" ?>
<coverage version="7.6.1" timestamp="1722940000000" lines-valid="412" lines-covered="301" line-rate="${rate}" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0">
\t<sources>
\t\t<source>/home/runner/work/churn/churn/src</source>
\t</sources>
\t<packages>
\t\t<package name="churn" line-rate="${rate}" branch-rate="0" complexity="0">
\t\t</package>
\t</packages>
</coverage>
`;

const CODECOV_UPLOAD = `      - uses: codecov/codecov-action@v4
        with:
          token: \${{ secrets.CODECOV_TOKEN }}
          files: coverage.xml
`;

type Case = CheckCase;

const cases: Case[] = [
  {
    name: "src-layout package: pytest-cov with --cov-fail-under=85 in pyproject",
    tree: { ...PYTHON, "pyproject.toml": PYPROJECT_COV85 },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "tox.ini runs pytest --cov and coverage report --fail-under=90",
    tree: {
      ...PYTHON,
      "pyproject.toml": PYPROJECT_PLAIN,
      "tox.ini": `[tox]
envlist = py310, py311

[testenv]
deps =
    pytest
    pytest-cov
commands =
    pytest --cov=churn --cov-report=xml {posargs}
    coverage report --fail-under=90
`,
    },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "setup.cfg [coverage:report] fail_under with pytest-cov required",
    tree: {
      ...PYTHON,
      "setup.cfg":
        "[metadata]\nname = churn\n\n[coverage:run]\nsource = churn\n\n[coverage:report]\nfail_under = 90\nshow_missing = true\n",
      "requirements-dev.txt": "pytest==8.3.2\npytest-cov==5.0.0\n",
    },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "vitest config with coverage thresholds, run with --coverage",
    tree: {
      ...WEB,
      "package.json": packageJson({ test: "vitest run --coverage" }),
      "vitest.config.ts": VITEST_CONFIG,
    },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "jest coverageThreshold in package.json",
    tree: {
      ...WEB,
      "package.json": packageJson(
        { test: "jest --coverage" },
        { jest: { testEnvironment: "jsdom", coverageThreshold: { global: { lines: 90, statements: 90 } } } },
      ),
    },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "codecov.yml target 80% and the Codecov upload in CI",
    tree: {
      ...PYTHON,
      "pyproject.toml": PYPROJECT_PLAIN,
      ".github/workflows/ci.yml": workflow("pytest --cov=churn --cov-report=xml", CODECOV_UPLOAD),
      "codecov.yml": "coverage:\n  status:\n    project:\n      default:\n        target: 80%\n        threshold: 1%\n",
    },
    status: "pass",
    ids: ["coverage-tool", "threshold"],
  },
  {
    name: "--cov in CI without a threshold",
    tree: { ...PYTHON, "pyproject.toml": PYPROJECT_PLAIN, ".github/workflows/ci.yml": workflow("pytest --cov=churn") },
    status: "partial",
    ids: ["coverage-tool", "no-threshold"],
  },
  {
    name: "threshold of 60%",
    tree: { ...PYTHON, "pyproject.toml": PYPROJECT_COV85.replace("--cov-fail-under=85", "--cov-fail-under=60") },
    status: "partial",
    ids: ["coverage-tool", "low-threshold"],
  },
  {
    name: "fail_under configured but nothing runs coverage",
    tree: {
      ...PYTHON,
      "pyproject.toml": `${PYPROJECT_PLAIN}\n[tool.coverage.report]\nfail_under = 90\n`,
    },
    status: "partial",
    ids: ["coverage-tool", "threshold-not-run"],
  },
  {
    name: "committed coverage.xml (73%) and pytest-cov without a threshold",
    tree: { ...PYTHON, "requirements-dev.txt": "pytest\npytest-cov\n", "coverage.xml": COVERAGE_XML("0.7306") },
    status: "partial",
    ids: ["measured-coverage", "coverage-tool", "no-threshold"],
  },
  {
    name: "Codecov badge in the README and the upload action, no target",
    tree: {
      ...PYTHON,
      "README.md":
        "# churn\n\n[![codecov](https://codecov.io/gh/jdoe/churn/branch/main/graph/badge.svg?token=AB12CD)](https://codecov.io/gh/jdoe/churn)\n",
      ".github/workflows/ci.yml": workflow("pytest --cov=churn --cov-report=xml", CODECOV_UPLOAD),
    },
    status: "partial",
    ids: ["coverage-evidence", "coverage-tool", "no-threshold"],
  },
  {
    name: "a 90% gate contradicted by a committed report at 62%",
    tree: { ...PYTHON, "pyproject.toml": PYPROJECT_COV85.replace("=85", "=90"), "coverage.xml": COVERAGE_XML("0.62") },
    status: "partial",
    ids: ["measured-coverage", "coverage-tool", "threshold", "figure-below-threshold"],
  },
  {
    name: "a shields coverage badge with tests but no tooling",
    tree: {
      ...PYTHON,
      "README.md": "# churn\n\n![Coverage](https://img.shields.io/badge/coverage-92%25-brightgreen)\n",
    },
    status: "partial",
    ids: ["measured-coverage", "no-coverage"],
  },
  {
    name: "coverage configured in a template with no tests",
    tree: {
      "src/churn/__init__.py": '"""Churn prediction."""\n',
      "src/churn/model.py": MODEL_PY,
      "pyproject.toml": PYPROJECT_COV85,
    },
    status: "partial",
    ids: ["coverage-tool", "threshold", "no-tests-to-cover"],
  },
  {
    name: "notebook project without tests or coverage",
    tree: {
      "requirements.txt": "pandas\nscikit-learn\n",
      "analysis.ipynb": notebook("import pandas as pd\n", "df = pd.read_csv('data.csv')\n"),
    },
    status: "fail",
    ids: ["no-coverage"],
  },
  {
    name: "npm's default test script",
    tree: { "package.json": packageJson({ test: NPM_DEFAULT }), "src/App.tsx": REACT_APP },
    status: "fail",
    ids: ["no-coverage"],
  },
  {
    name: "a coverage badge in a repository without tests",
    tree: {
      "src/App.tsx": REACT_APP,
      "README.md": "# dash\n\n![coverage: 100%](https://img.shields.io/badge/coverage-100%25-green)\n",
    },
    status: "fail",
    ids: ["measured-coverage", "no-coverage"],
  },
  {
    name: "a pyproject.toml that is not TOML",
    tree: { ...PYTHON, "pyproject.toml": `${PYPROJECT_COV85}\n[tool.coverage.report\nfail_under = 90\n` },
    status: "fail",
    ids: ["manifest-unparsable", "no-coverage"],
  },
];

describe("testing.coverage", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const result = runCheck(coverageCheck, tree);
    expect({ status: result.status, ids: result.ids }).toEqual({ status, ids });
  });

  it.each([
    ["coverage.xml", { "coverage.xml": COVERAGE_XML("0.8732") }, 87.3],
    [
      "lcov.info",
      { "coverage/lcov.info": "SF:src/a.ts\nLF:40\nLH:30\nend_of_record\nSF:src/b.ts\nLF:10\nLH:10\nend_of_record\n" },
      80,
    ],
    [
      "coverage-summary.json",
      { "coverage/coverage-summary.json": '{"total":{"lines":{"total":10,"covered":9,"pct":90}}}' },
      90,
    ],
    ["htmlcov", { "htmlcov/index.html": '<h1>Coverage report: <span class="pc_cov">71%</span></h1>' }, 71],
    ["shields badge", { "README.md": "[![cov](https://img.shields.io/badge/Coverage-88.5%25-green.svg)](x)\n" }, 88.5],
  ])("reports the figure of %s", (_name, extra, percent) => {
    const result = runCheck(coverageCheck, { ...PYTHON, "requirements.txt": "pytest-cov\n", ...extra });
    const figure = result.findings.find((f) => f.id === "measured-coverage");
    expect(figure?.message).toContain(`${percent}%`);
    expect(figure?.path).toBeTruthy();
  });

  it("points at the line of the threshold", () => {
    const result = runCheck(coverageCheck, { ...PYTHON, "pyproject.toml": PYPROJECT_COV85 });
    expect(result.findings.find((f) => f.id === "threshold")).toMatchObject({ path: "pyproject.toml", line: 21 });
  });

  it("every shortfall carries a remediation and a docs link", () => {
    for (const { tree } of cases)
      for (const f of runCheck(coverageCheck, tree).findings.filter((x) => x.level !== "info")) {
        expect(f.remediation, f.id).toBeTruthy();
        expect(f.docs, f.id).toMatch(/^https:\/\//);
      }
  });
});
