import { describe, expect, it } from "vitest";
import { types } from "../../../checks/code_quality/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const ANNOTATED = `"""Feature engineering."""
from pathlib import Path

import pandas as pd


def load(path: Path) -> pd.DataFrame:
    """Read the raw CSV."""
    return pd.read_csv(path)


def add_ratios(df: pd.DataFrame, *, eps: float = 1e-9) -> pd.DataFrame:
    """Add ratio features."""
    df["spend_ratio"] = df["spend"] / (df["income"] + eps)
    return df


class Scaler:
    def fit(self, df: pd.DataFrame) -> "Scaler":
        self.mean_ = df.mean()
        return self

    def _private(self, x):
        return x
`;
const UNANNOTATED = `import pandas as pd


def load(path):
    return pd.read_csv(path)


def add_ratios(df, eps=1e-9):
    df["spend_ratio"] = df["spend"] / (df["income"] + eps)
    return df


def train(df):
    return df.mean()
`;
const TESTS = "def test_load(tmp_path) -> None:\n    assert True\n";
const PY_TYPED: Tree = { "src/churn/features.py": ANNOTATED, "tests/test_features.py": TESTS };
const PY_UNTYPED: Tree = { "src/churn/features.py": UNANNOTATED };

const workflow = (run: string) => `name: CI
on: [push, pull_request]
jobs:
  types:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ${run}
`;

const TS: Tree = {
  "src/index.ts": "export function add(a: number, b: number): number {\n  return a + b;\n}\n",
  "src/server.ts": 'import { add } from "./index.js";\nexport const two = add(1, 1);\n',
};

const VITE_SOLUTION = `{
  "files": [],
  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }]
}
`;
const VITE_APP = `{
  "compilerOptions": {
    "target": "ES2020",
    "useDefineForClassFields": true,
    "lib": ["ES2020", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "skipLibCheck": true,

    /* Bundler mode */
    "moduleResolution": "bundler",
    "allowImportingTsExtensions": true,
    "noEmit": true,
    "jsx": "react-jsx",

    /* Linting */
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
  },
  "include": ["src"],
}
`;

const cases: { name: string; tree: Tree; status: string; ids: string[] }[] = [
  {
    name: "mypy configured in pyproject and run in CI",
    tree: {
      ...PY_TYPED,
      "pyproject.toml": '[project]\nname = "churn"\n\n[tool.mypy]\nstrict = true\nfiles = ["src"]\n',
      ".github/workflows/ci.yml": workflow("uv run mypy src"),
    },
    status: "pass",
    ids: ["checker"],
  },
  {
    name: "mypy through pre-commit (mirrors-mypy)",
    tree: {
      ...PY_UNTYPED,
      ".pre-commit-config.yaml":
        "repos:\n  - repo: https://github.com/pre-commit/mirrors-mypy\n    rev: v1.11.2\n    hooks:\n      - id: mypy\n        additional_dependencies: [pandas-stubs]\n",
    },
    status: "pass",
    ids: ["checker"],
  },
  {
    name: "ty check in CI",
    tree: { ...PY_TYPED, ".github/workflows/ci.yml": workflow("uvx ty check") },
    status: "pass",
    ids: ["checker"],
  },
  {
    name: "pyrightconfig.json, never run",
    tree: { ...PY_TYPED, "pyrightconfig.json": '{ "typeCheckingMode": "strict", "include": ["src"] }' },
    status: "pass",
    ids: ["checker-not-run"],
  },
  { name: "type hints without a checker", tree: PY_TYPED, status: "partial", ids: ["hints-without-checker"] },
  { name: "no annotations, no checker", tree: PY_UNTYPED, status: "fail", ids: ["no-annotations"] },
  {
    name: "annotated tests alone do not count",
    tree: { ...PY_UNTYPED, "tests/test_a.py": TESTS.repeat(3) },
    status: "fail",
    ids: ["no-annotations"],
  },
  {
    name: "mypy only declared in requirements-dev.txt",
    tree: { ...PY_UNTYPED, "requirements-dev.txt": "pytest==8.3.3\nmypy==1.11.2\n" },
    status: "partial",
    ids: ["checker-not-run", "no-annotations"],
  },
  {
    name: "tsconfig strict via extends @tsconfig/strictest",
    tree: { ...TS, "tsconfig.json": '{\n  "extends": "@tsconfig/strictest/tsconfig.json",\n  "include": ["src"]\n}\n' },
    status: "pass",
    ids: ["strict"],
  },
  {
    name: "Vite solution tsconfig whose reference is strict (JSONC, trailing commas)",
    tree: {
      ...TS,
      "tsconfig.json": VITE_SOLUTION,
      "tsconfig.app.json": VITE_APP,
      "tsconfig.node.json":
        '{ "compilerOptions": { "composite": true, "module": "ESNext" }, "include": ["vite.config.ts"] }',
    },
    status: "pass",
    ids: ["strict"],
  },
  {
    name: "strict from a repository base file",
    tree: {
      ...TS,
      "tsconfig.base.json": '{ "compilerOptions": { "strict": true } }',
      "packages/api/tsconfig.json": '{ "extends": "../../tsconfig.base.json" }',
      "packages/api/src/a.ts": "export const a: number = 1;\n",
    },
    status: "pass",
    ids: ["strict"],
  },
  {
    name: "extends a base through ./node_modules",
    tree: { ...TS, "tsconfig.json": '{ "extends": "./node_modules/@tsconfig/node20/tsconfig.json" }' },
    status: "pass",
    ids: ["strict"],
  },
  {
    name: "root tsconfig.json preferred over tsconfig.build.json when both are strict",
    tree: {
      ...TS,
      "tsconfig.build.json": '{ "extends": "./tsconfig.json", "exclude": ["tests"] }',
      "tsconfig.json": '{ "compilerOptions": { "strict": true } }',
    },
    status: "pass",
    ids: ["strict"],
  },
  {
    name: "strict: false",
    tree: { ...TS, "tsconfig.json": '{ "compilerOptions": { "strict": false, "target": "ES2022" } }' },
    status: "partial",
    ids: ["not-strict"],
  },
  {
    name: "strict absent",
    tree: { ...TS, "tsconfig.json": '{ "compilerOptions": { "target": "ES2022" } }' },
    status: "partial",
    ids: ["not-strict"],
  },
  {
    name: "strict turned off over a strict base",
    tree: {
      ...TS,
      "tsconfig.json": '{ "extends": "@tsconfig/node20/tsconfig.json", "compilerOptions": { "strict": false } }',
    },
    status: "partial",
    ids: ["not-strict"],
  },
  {
    name: "@tsconfig/svelte is not strict",
    tree: { ...TS, "tsconfig.json": '{ "extends": "@tsconfig/svelte/tsconfig.json" }' },
    status: "partial",
    ids: ["not-strict"],
  },
  {
    name: "an unknown shared base cannot be verified",
    tree: { ...TS, "tsconfig.json": '{ "extends": "@acme/tsconfig" }' },
    status: "partial",
    ids: ["strict-unverified"],
  },
  {
    name: "a tsconfig that does not parse",
    tree: { ...TS, "tsconfig.json": '{ "compilerOptions": { "strict": true }\n  "include": ["src"] }' },
    status: "partial",
    ids: ["invalid-tsconfig", "no-tsconfig"],
  },
  {
    name: "plain JavaScript is not judged",
    tree: { "src/index.js": "export const a = 1;\n", "package.json": '{ "name": "x" }' },
    status: "not_applicable",
    ids: ["plain-javascript"],
  },
  {
    name: "JavaScript with checkJs in strict mode",
    tree: {
      "src/index.js": "// @ts-check\nexport const a = 1;\n",
      "jsconfig.json": '{ "compilerOptions": { "checkJs": true, "strict": true } }',
    },
    status: "pass",
    ids: ["check-js"],
  },
  {
    name: "full stack: mypy in CI, strict TS frontend",
    tree: {
      ...PY_TYPED,
      ".github/workflows/ci.yml": workflow("mypy src"),
      "web/src/App.tsx": "export const App = (): null => null;\n".repeat(10),
      "web/tsconfig.json": '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }',
    },
    status: "pass",
    ids: ["checker", "strict"],
  },
  {
    name: "ML backend with hints but no checker beside a larger strict TS frontend: the backend weighs most",
    tree: {
      ...PY_TYPED,
      "backend/requirements.txt": "fastapi==0.110.2\ntorch==2.3.0\n",
      "web/src/App.tsx": "export const App = (): null => null;\n".repeat(60),
      "web/tsconfig.json": '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }',
    },
    status: "partial",
    ids: ["hints-without-checker", "strict"],
  },
  {
    name: "no ML: the larger strict TS part leads a small hinted Python helper",
    tree: {
      ...PY_TYPED,
      "web/src/App.tsx": "export const App = (): null => null;\n".repeat(60),
      "web/tsconfig.json": '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }',
    },
    status: "pass",
    ids: ["strict", "hints-without-checker"],
  },
  { name: "no judged code", tree: { "README.md": "# Slides\n" }, status: "not_applicable", ids: ["no-code"] },
];

describe("code_quality.types", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const run = runCheck(types, tree);
    expect(run.status).toBe(status);
    expect(run.ids).toEqual(ids);
  });

  it("reports the share of annotated public functions (private ones and tests left out)", () => {
    const run = runCheck(types, PY_TYPED);
    expect(run.findings[0]?.message).toContain("3 of 3 public Python functions (100%)");
  });

  it("counts functions defined in notebooks", () => {
    const nb = JSON.stringify({
      cells: [
        {
          cell_type: "code",
          metadata: {},
          outputs: [],
          execution_count: 1,
          source: ["def score(y: list[int]) -> float:\n", "    return sum(y) / len(y)\n"],
        },
      ],
      metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
      nbformat: 4,
      nbformat_minor: 5,
    });
    const run = runCheck(types, { "analysis.ipynb": nb });
    expect(run.ids).toEqual(["hints-without-checker"]);
  });

  it("points at the root tsconfig.json", () => {
    const run = runCheck(types, {
      ...TS,
      "tsconfig.build.json": '{ "extends": "./tsconfig.json" }',
      "tsconfig.json": '{ "compilerOptions": { "strict": true } }',
    });
    expect(run.findings[0]?.path).toBe("tsconfig.json");
  });

  it("names the file a strict setting comes from", () => {
    const run = runCheck(types, { ...TS, "tsconfig.json": '{ "extends": "@tsconfig/node20/tsconfig.json" }' });
    expect(run.findings[0]?.message).toContain("from @tsconfig/node20/tsconfig.json");
  });
});
