import { describe, expect, it } from "vitest";
import { precommit } from "../../../checks/code_quality/precommit.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const PY = { "src/pkg/__init__.py": '"""Package."""\n', "src/pkg/train.py": "def train():\n    return 1\n" };
const TS = { "src/index.ts": "export const x = 1;\n" };

const RUFF_HOOKS = `# See https://pre-commit.com for more information
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks:
      - id: trailing-whitespace
      - id: end-of-file-fixer
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.6.9
    hooks:
      - id: ruff
        args: [--fix]
      - id: ruff-format
`;

const SAMPLE_CONFIG = `# See https://pre-commit.com for more information
# See https://pre-commit.com/hooks.html for more hooks
repos:
-   repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v3.2.0
    hooks:
    -   id: trailing-whitespace
    -   id: end-of-file-fixer
    -   id: check-yaml
    -   id: check-added-large-files
`;

const HYGIENE = `repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks:
      - id: trailing-whitespace
      - id: check-ast
      - id: debug-statements
      - id: detect-private-key
      - id: check-merge-conflict
`;

const LOCAL_MYPY = `repos:
  - repo: local
    hooks:
      - id: mypy
        name: mypy
        entry: poetry run mypy src
        language: system
        types: [python]
        pass_filenames: false
  - repo: meta
    hooks:
      - id: check-hooks-apply
`;

const PACKAGE_LINT_STAGED = JSON.stringify(
  {
    name: "web",
    private: true,
    scripts: { prepare: "husky", lint: "eslint ." },
    devDependencies: { husky: "^9.1.6", "lint-staged": "^15.2.10", eslint: "^9.12.0", prettier: "^3.3.3" },
    "lint-staged": { "*.{ts,tsx}": ["eslint --fix", "prettier --write"], "*.{json,md}": "prettier --write" },
  },
  null,
  2,
);
const PACKAGE_HUSKY_ONLY = JSON.stringify(
  { name: "web", scripts: { prepare: "husky" }, devDependencies: { husky: "^9.1.6" } },
  null,
  2,
);

const cases: { name: string; tree: Tree; status: string; ids: string[] }[] = [
  {
    name: "ruff hooks beside whitespace fixers",
    tree: { ...PY, ".pre-commit-config.yaml": RUFF_HOOKS },
    status: "pass",
    ids: ["hooks"],
  },
  {
    name: "local mypy hook (meta hooks ignored)",
    tree: { ...PY, ".pre-commit-config.yaml": LOCAL_MYPY },
    status: "pass",
    ids: ["hooks"],
  },
  {
    name: "husky + lint-staged in package.json",
    tree: {
      ...TS,
      "package.json": PACKAGE_LINT_STAGED,
      ".husky/pre-commit": "npx lint-staged\n",
      ".husky/_/husky.sh": "#!/usr/bin/env sh\n",
    },
    status: "pass",
    ids: ["hooks"],
  },
  {
    name: "husky v8 script with boilerplate running npm test",
    tree: {
      ...TS,
      "package.json": PACKAGE_HUSKY_ONLY,
      ".husky/pre-commit": '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpm test\n',
    },
    status: "pass",
    ids: ["hooks"],
  },
  {
    name: "lefthook running ruff",
    tree: {
      ...PY,
      "lefthook.yml":
        "pre-commit:\n  parallel: true\n  commands:\n    lint:\n      glob: '*.py'\n      run: ruff check {staged_files}\n    format:\n      run: ruff format --check {staged_files}\n",
    },
    status: "pass",
    ids: ["hooks"],
  },
  {
    name: "sample-config template only",
    tree: { ...PY, ".pre-commit-config.yaml": SAMPLE_CONFIG },
    status: "partial",
    ids: ["template-only"],
  },
  {
    name: "generic hygiene hooks only",
    tree: { ...PY, ".pre-commit-config.yaml": HYGIENE },
    status: "partial",
    ids: ["hygiene-only"],
  },
  {
    name: "empty repos list",
    tree: { ...PY, ".pre-commit-config.yaml": "repos: []\n" },
    status: "partial",
    ids: ["empty-config"],
  },
  {
    name: "invalid YAML is reported with its line",
    tree: {
      ...PY,
      ".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/psf/black\n    hooks: [\n      - id: black\n",
    },
    status: "partial",
    ids: ["invalid-config"],
  },
  {
    name: "husky calls lint-staged but lint-staged has no config",
    tree: { ...TS, "package.json": PACKAGE_HUSKY_ONLY, ".husky/pre-commit": "npx lint-staged\n" },
    status: "partial",
    ids: ["lint-staged-unconfigured"],
  },
  {
    name: "husky hook that only echoes",
    tree: { ...TS, "package.json": PACKAGE_HUSKY_ONLY, ".husky/pre-commit": 'echo "remember to lint"\n' },
    status: "partial",
    ids: ["empty-config"],
  },
  {
    name: "only a commitlint commit-msg hook",
    tree: { ...TS, "package.json": PACKAGE_HUSKY_ONLY, ".husky/commit-msg": "npx --no -- commitlint --edit $1\n" },
    status: "partial",
    ids: ["commit-msg-only"],
  },
  {
    name: "husky installed, no hooks",
    tree: { ...TS, "package.json": PACKAGE_HUSKY_ONLY },
    status: "partial",
    ids: ["manager-without-hooks"],
  },
  {
    name: "lint-staged configured with no runner",
    tree: { ...TS, "package.json": PACKAGE_LINT_STAGED.replace('"husky": "^9.1.6",', "") },
    status: "partial",
    ids: ["lint-staged-without-runner"],
  },
  { name: "nothing at all", tree: { ...PY, "README.md": "# Project\n" }, status: "fail", ids: ["missing"] },
  {
    name: "no judged code",
    tree: { "README.md": "# Notes\n", "main.go": "package main\n" },
    status: "not_applicable",
    ids: ["no-code"],
  },
];

describe("code_quality.precommit", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const run = runCheck(precommit, tree);
    expect(run.status).toBe(status);
    expect(run.ids).toEqual(ids);
  });

  it("points at the line of a YAML error", () => {
    const run = runCheck(precommit, {
      ...PY,
      ".pre-commit-config.yaml": "repos:\n  - repo: x\n    hooks: [\n      - id: black\n",
    });
    const finding = run.findings.find((f) => f.id === "invalid-config");
    expect(finding?.path).toBe(".pre-commit-config.yaml");
    expect(finding?.line).toBeGreaterThan(1);
    expect(finding?.docs).toBe("https://pre-commit.com/");
  });

  it("names the hooks it found, with the line of the first real one", () => {
    const run = runCheck(precommit, { ...PY, ".pre-commit-config.yaml": RUFF_HOOKS });
    expect(run.findings[0]?.message).toContain("ruff-format");
    expect(run.findings[0]?.line).toBe(11);
  });
});
