import { describe, expect, it } from "vitest";
import { lintFormat } from "../../../checks/code_quality/lint_format.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const TRAIN = `"""Train the churn model."""
import logging

import pandas as pd
from sklearn.ensemble import RandomForestClassifier

logger = logging.getLogger(__name__)


def train(path: str) -> RandomForestClassifier:
    """Fit a forest on the CSV at path."""
    df = pd.read_csv(path)
    model = RandomForestClassifier(n_estimators=200)
    model.fit(df.drop(columns=["churn"]), df["churn"])
    logger.info("trained on %d rows", len(df))
    return model
`;
const PY: Tree = { "src/churn/__init__.py": '"""Churn."""\n', "src/churn/train.py": TRAIN };

const PYPROJECT_RUFF = `[project]
name = "churn"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = ["pandas>=2.0", "scikit-learn>=1.3"]

[project.optional-dependencies]
dev = ["pytest>=8", "ruff>=0.6"]

[tool.ruff]
line-length = 100
target-version = "py310"

[tool.ruff.lint]
select = ["E", "F", "I", "B", "UP"]
`;
const PYPROJECT_RUFF_FORMAT = `${PYPROJECT_RUFF}
[tool.ruff.format]
quote-style = "double"
`;

const workflow = (steps: string) => `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  quality:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
${steps}`;

const CI_RUFF_BOTH = workflow(`      - run: pip install ruff
      - run: ruff check .
      - run: ruff format --check .
`);

const PRECOMMIT_BLACK_FLAKE8 = `repos:
  - repo: https://github.com/psf/black
    rev: 24.8.0
    hooks:
      - id: black
  - repo: https://github.com/PyCQA/flake8
    rev: 7.1.1
    hooks:
      - id: flake8
        additional_dependencies: [flake8-bugbear]
`;

const APP_TSX = `import { useState } from "react";

export function Counter(): JSX.Element {
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>{count}</button>;
}
`;
const WEB: Tree = {
  "src/App.tsx": APP_TSX,
  "src/main.tsx": 'import { Counter } from "./App";\nconsole.log(Counter);\n',
};
const pkg = (extra: object) => JSON.stringify({ name: "web", private: true, type: "module", ...extra }, null, 2);

const ESLINT_CONFIG = `import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(js.configs.recommended, ...tseslint.configs.recommended);
`;

const cases: { name: string; tree: Tree; status: string; ids: string[] }[] = [
  {
    name: "ruff-only pyproject, never run",
    tree: { ...PY, "pyproject.toml": PYPROJECT_RUFF },
    status: "partial",
    ids: ["linter-not-run", "no-formatter"],
  },
  {
    name: "flake8 only in a workflow GitHub refuses (needs: names no job): set up, never run",
    tree: {
      ...PY,
      ".github/workflows/ci.yml":
        "on: [push]\njobs:\n  linting:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install flake8\n      - run: flake8 . --count --select=E9,F63,F7,F82 --show-source\n  test:\n    needs: lint\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n",
    },
    status: "partial",
    ids: ["linter-not-run", "no-formatter"],
  },
  {
    name: "flake8 and black configured, run by a project script (scripts/linting.sh)",
    tree: {
      ...PY,
      ".flake8": "[flake8]\nmax-line-length = 88\n",
      "pyproject.toml": `${PYPROJECT_RUFF.replace(/\[tool\.ruff[\s\S]*$/, "")}[tool.black]\nline-length = 88\n`,
      "scripts/linting.sh": "#!/bin/bash\nset -e\nisort src\nblack src\nflake8 src\n",
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "full stack: ESLint run for the TypeScript front end only, nothing for the Python backend",
    tree: {
      ...PY,
      "frontend/package.json": JSON.stringify({ scripts: { lint: "eslint ." }, devDependencies: { eslint: "9.13.0" } }),
      "frontend/eslint.config.js": ESLINT_CONFIG,
      "frontend/src/api.ts": `${"export const predict = async (x: number): Promise<number> => x * 2;\n".repeat(3)}`,
    },
    status: "partial",
    ids: ["no-linter", "no-formatter", "linter", "no-formatter", "secondary-only"],
  },
  {
    name: "ESLint configured (never run) for a small React front end only: partial, not fail",
    tree: {
      ...PY,
      "frontend/package.json": JSON.stringify({
        eslintConfig: { extends: ["react-app"] },
        dependencies: { react: "18.2.0" },
      }),
      "frontend/src/App.js": "export default function App() {\n  return null;\n}\n",
    },
    status: "partial",
    ids: ["no-linter", "no-formatter", "secondary-only"],
  },
  {
    name: "ruff check and ruff format in CI",
    tree: { ...PY, "pyproject.toml": PYPROJECT_RUFF, ".github/workflows/ci.yml": CI_RUFF_BOTH },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "[tool.ruff.format] counts as a formatter; Makefile runs ruff check",
    tree: { ...PY, "pyproject.toml": PYPROJECT_RUFF_FORMAT, Makefile: "lint:\n\truff check src tests\n" },
    status: "pass",
    ids: ["linter", "formatter-not-run"],
  },
  {
    name: "black + flake8 in pre-commit",
    tree: { ...PY, ".pre-commit-config.yaml": PRECOMMIT_BLACK_FLAKE8 },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "CI runs make lint, the Makefile runs flake8 and black",
    tree: {
      ...PY,
      Makefile: ".PHONY: lint\nlint:\n\tpython -m flake8 src\n\tpython -m black --check src\n",
      ".github/workflows/ci.yml": workflow("      - run: make lint\n"),
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "pre-commit/action in CI runs the ruff hooks",
    tree: {
      ...PY,
      ".pre-commit-config.yaml":
        "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.9\n    hooks:\n      - id: ruff-check\n      - id: ruff-format\n",
      ".github/workflows/lint.yml": workflow("      - uses: pre-commit/action@v3.0.1\n"),
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "astral-sh/ruff-action lints only",
    tree: { ...PY, ".github/workflows/lint.yml": workflow("      - uses: astral-sh/ruff-action@v1\n") },
    status: "partial",
    ids: ["linter", "no-formatter"],
  },
  {
    name: "ESLint + Prettier with npm scripts",
    tree: {
      ...WEB,
      "package.json": pkg({
        scripts: { lint: "eslint .", format: "prettier --check ." },
        devDependencies: { eslint: "^9.12.0", prettier: "^3.3.3", "typescript-eslint": "^8.8.0" },
      }),
      "eslint.config.js": ESLINT_CONFIG,
      ".prettierrc": '{ "singleQuote": true }\n',
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "ESLint + Prettier configured, no script, hook or CI",
    tree: {
      ...WEB,
      "package.json": pkg({ devDependencies: { eslint: "^9.12.0", prettier: "^3.3.3" } }),
      "eslint.config.js": ESLINT_CONFIG,
      ".prettierrc.json": '{ "semi": false }\n',
    },
    status: "partial",
    ids: ["linter-not-run", "formatter-not-run"],
  },
  {
    name: "Biome run in CI",
    tree: {
      ...WEB,
      "package.json": pkg({ devDependencies: { "@biomejs/biome": "2.2.4" } }),
      "biome.json":
        '{\n  // the whole repo\n  "formatter": { "indentStyle": "space" },\n  "linter": { "enabled": true },\n}\n',
      ".github/workflows/ci.yml": workflow("      - run: npx @biomejs/biome ci .\n"),
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  {
    name: "Biome with its formatter disabled, lint script",
    tree: {
      ...WEB,
      "package.json": pkg({ scripts: { lint: "biome lint ./src" } }),
      "biome.json": '{ "formatter": { "enabled": false } }',
    },
    status: "partial",
    ids: ["linter", "no-formatter"],
  },
  {
    name: "flake8 only in requirements-dev.txt",
    tree: { ...PY, "requirements-dev.txt": "pytest==8.3.3\nflake8==7.1.1\n" },
    status: "fail",
    ids: ["linter-not-run", "no-formatter"],
  },
  {
    name: "tools inside a 200-line environment dump say nothing",
    tree: {
      ...PY,
      "requirements.txt": `${Array.from({ length: 200 }, (_, i) => `package${i}==1.0.${i}`).join("\n")}\nblack==22.3.0\npylint==2.13.5\n`,
    },
    status: "fail",
    ids: ["no-linter", "no-formatter"],
  },
  {
    name: "no tooling at all",
    tree: { ...PY, "README.md": "# Churn\n" },
    status: "fail",
    ids: ["no-linter", "no-formatter"],
  },
  {
    name: "only the small frontend is linted",
    tree: {
      "src/churn/train.py": TRAIN.repeat(12),
      "web/package.json": pkg({ scripts: { lint: "eslint .", fmt: "prettier -w ." } }),
      "web/eslint.config.js": ESLINT_CONFIG,
      "web/src/app.js": "export const x = 1;\n",
    },
    status: "partial",
    ids: ["no-linter", "no-formatter", "secondary-only"],
  },
  {
    name: "full stack: Python fully linted, TS frontend not at all",
    tree: {
      ...PY,
      "pyproject.toml": PYPROJECT_RUFF,
      ".github/workflows/ci.yml": CI_RUFF_BOTH,
      "frontend/src/App.tsx": APP_TSX.repeat(2),
    },
    status: "pass",
    ids: ["linter", "formatter", "no-linter", "no-formatter"],
  },
  {
    name: "nbqa runs black and ruff on notebooks",
    tree: {
      "notebooks/eda.ipynb": JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }),
      "src/features.py": TRAIN,
      ".pre-commit-config.yaml":
        "repos:\n  - repo: https://github.com/nbQA-dev/nbQA\n    rev: 1.8.7\n    hooks:\n      - id: nbqa-black\n      - id: nbqa-ruff\n",
    },
    status: "pass",
    ids: ["linter", "formatter"],
  },
  { name: "no judged code", tree: { "README.md": "# Notes\n" }, status: "not_applicable", ids: ["no-code"] },
];

describe("code_quality.lint_format", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const run = runCheck(lintFormat, tree);
    expect(run.status).toBe(status);
    expect(run.ids).toEqual(ids);
  });

  it("cites the CI chain that runs the tool, with file and line", () => {
    const run = runCheck(lintFormat, {
      ...PY,
      Makefile: "lint:\n\truff check src\n\truff format --check src\n",
      ".github/workflows/ci.yml": workflow("      - run: make lint\n"),
    });
    const linter = run.findings.find((f) => f.id === "linter");
    expect(linter?.message).toContain("ruff, run in CI");
    expect(linter?.message).toContain("make lint");
    expect(linter?.path).toBe("Makefile");
    expect(linter?.line).toBe(2);
  });

  it("gives the tool's docs with every shortfall", () => {
    const run = runCheck(lintFormat, { ...PY, "pyproject.toml": PYPROJECT_RUFF });
    for (const f of run.findings.filter((x) => x.level !== "info")) {
      expect(f.docs).toMatch(/^https:\/\//);
      expect(f.remediation).toBeTruthy();
    }
  });
});
