import { describe, expect, it } from "vitest";
import { actionGates, commandGates } from "../../../checks/ci_cd/commands.js";
import { qualityGates } from "../../../checks/ci_cd/quality-gates.js";
import { unwrap, wordsOf } from "../../../checks/lib/tasks.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  DOCS_DEPLOY,
  FULLSTACK_BACKEND,
  FULLSTACK_FRONTEND,
  FULLSTACK_FRONTEND_PACKAGE,
  FULLSTACK_MAKEFILE,
  MAKE_CI,
  MAKEFILE,
  NODE_CI,
  NODE_PACKAGE,
  PRE_COMMIT_CI,
  PRE_COMMIT_CONFIG,
  PYTHON_MATRIX,
  PYTHON_STARTER,
  TOX_CI,
  TOX_INI,
} from "./fixtures.js";

const step = (...runs: string[]): string =>
  `on: [push, pull_request]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${runs.map((r) => `      - run: ${r}\n`).join("")}`;

describe("commandGates", () => {
  it.each([
    ["ruff check .", ["lint"]],
    ["ruff format --check .", ["format"]],
    ["ruff format .", []],
    ["black --check src", ["format"]],
    ["black src", []],
    ["isort --check-only --diff .", ["format"]],
    ["python -m mypy --strict src", ["types"]],
    ["npx tsc --noEmit", ["types"]],
    ["npx eslint . --max-warnings=0", ["lint"]],
    ["npx prettier --check .", ["format"]],
    ["npx biome ci .", ["lint", "format"]],
    ["pytest --cov=src --cov-fail-under=80", ["coverage"]],
    ["coverage report --fail-under=90", ["coverage"]],
    ["vitest run --coverage", ["coverage"]],
    ["nbqa ruff notebooks/", ["lint"]],
    ["flake8 --version", []],
    ["Rscript -e 'lintr::lint_dir(\"R\")'", ["lint"]],
    ['Rscript -e \'styler::style_dir("R", dry = "fail")\'', ["format"]],
    ["Rscript -e 'styler::style_dir(\"R\")'", []],
    ["Rscript -e 'covr::codecov()'", ["coverage"]],
    ["Rscript -e 'testthat::test_dir(\"tests\")'", []],
  ])("%s -> %j", (command, kinds) => {
    expect(commandGates(unwrap(wordsOf(command)))).toEqual(kinds);
  });

  it("counts a formatter run by pre-commit as a check: pre-commit fails when it changes files", () => {
    expect(commandGates(["black"], true)).toEqual(["format"]);
    expect(commandGates(["ruff-format"], true)).toEqual(["format"]);
  });

  it.each([
    ["codecov/codecov-action@v4", ["coverage"]],
    ["astral-sh/ruff-action@v1", ["lint"]],
    ["psf/black@stable", ["format"]],
    ["jakebailey/pyright-action@v2", ["types"]],
    ["actions/checkout@v4", []],
  ])("action %s -> %j", (uses, kinds) => {
    expect(actionGates(uses)).toEqual(kinds);
  });
});

describe("ci_cd.quality_gates", () => {
  it.each<[string, Tree, string, string[]]>([
    [
      "ruff, mypy, pytest --cov and codecov",
      { ".github/workflows/ci.yml": PYTHON_MATRIX },
      "pass",
      ["gate-lint", "gate-types", "gate-coverage", "missing-format"],
    ],
    [
      "everything through make targets",
      { ".github/workflows/ci.yml": MAKE_CI, Makefile: MAKEFILE },
      "pass",
      ["gate-lint", "gate-format", "gate-types", "gate-coverage"],
    ],
    [
      "pre-commit action with ruff, ruff-format and mypy",
      { ".github/workflows/lint.yml": PRE_COMMIT_CI, ".pre-commit-config.yaml": PRE_COMMIT_CONFIG },
      "pass",
      ["gate-lint", "gate-format", "gate-types", "missing-coverage"],
    ],
    [
      "eslint and prettier --check through npm run lint, coverage through npm test",
      { ".github/workflows/ci.yml": NODE_CI, "package.json": NODE_PACKAGE },
      "pass",
      ["gate-lint", "gate-format", "gate-coverage", "missing-types"],
    ],
    [
      "lint and format in tox, coverage in the tests env",
      { ".github/workflows/ci.yml": TOX_CI, "tox.ini": TOX_INI },
      "pass",
      ["gate-lint", "gate-format", "gate-coverage", "missing-types"],
    ],
    [
      "pytest with --cov in pyproject's addopts",
      {
        ".github/workflows/ci.yml": step("ruff check .", "pytest"),
        "pyproject.toml":
          '[project]\nname = "x"\n\n[tool.pytest.ini_options]\naddopts = "-ra --cov=x --cov-report=term"\n',
      },
      "pass",
      ["gate-lint", "gate-coverage", "missing-format", "missing-types"],
    ],
    [
      "full-stack: coverage in the backend, next lint in the frontend",
      {
        ".github/workflows/backend.yml": FULLSTACK_BACKEND,
        ".github/workflows/frontend.yml": FULLSTACK_FRONTEND,
        "backend/Makefile": FULLSTACK_MAKEFILE,
        "frontend/package.json": FULLSTACK_FRONTEND_PACKAGE,
      },
      "pass",
      ["gate-lint", "gate-coverage", "missing-format", "missing-types"],
    ],
    [
      "pre-commit.ci (a ci: section) with no workflow of its own",
      { ".pre-commit-config.yaml": `ci:\n  autofix_prs: true\n${PRE_COMMIT_CONFIG}` },
      "pass",
      ["gate-lint", "gate-format", "gate-types", "missing-coverage"],
    ],
    [
      "lint only",
      {
        ".github/workflows/ci.yml": step(
          "pip install flake8 pytest",
          "flake8 . --count --max-line-length=120",
          "pytest",
        ),
      },
      "partial",
      ["gate-lint", "missing-format", "missing-types", "missing-coverage"],
    ],
    [
      "GitHub's Python starter workflow: flake8 on syntax errors",
      { ".github/workflows/python-app.yml": PYTHON_STARTER },
      "partial",
      ["gate-lint", "missing-format", "missing-types", "missing-coverage"],
    ],
    [
      "lint that cannot fail: --exit-zero and || true",
      { ".github/workflows/ci.yml": step("flake8 . --exit-zero", "mypy src || true", "pytest") },
      "fail",
      ["no-gates"],
    ],
    [
      "black without --check reformats instead of checking",
      { ".github/workflows/ci.yml": step("black .", "pytest") },
      "fail",
      ["no-gates"],
    ],
    ["a docs deploy only", { ".github/workflows/docs.yml": DOCS_DEPLOY }, "fail", ["no-gates"]],
    ["no workflows", { "src/app.py": "x = 1\n" }, "fail", ["no-workflows"]],
  ])("%s -> %s", (_name, tree, status, ids) => {
    const r = runCheck(qualityGates, tree);
    expect(r.status).toBe(status);
    expect(r.ids).toEqual(ids);
  });

  it("suggests JavaScript tools for a JavaScript project", () => {
    const r = runCheck(qualityGates, {
      ".github/workflows/ci.yml": step("npm ci", "npm test"),
      "src/index.ts": "export const x = 1;\n",
    });
    const f = r.findings.find((x) => x.id === "no-gates");
    expect(f?.remediation).toContain("eslint");
    expect(f?.docs).toContain("eslint.org");
  });
});
