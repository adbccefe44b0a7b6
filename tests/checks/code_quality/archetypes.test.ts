/**
 * The kinds of repository the checklist is judged on, each as a realistic tree, with the verdict
 * a careful reviewer gives on every code_quality check this file's owner wrote.
 */
import { describe, expect, it } from "vitest";
import { gitignore } from "../../../checks/code_quality/gitignore.js";
import { lintFormat } from "../../../checks/code_quality/lint_format.js";
import { precommit } from "../../../checks/code_quality/precommit.js";
import { types } from "../../../checks/code_quality/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const notebook = (...sources: string[]) =>
  JSON.stringify({
    cells: sources.map((source, i) => ({
      cell_type: "code",
      execution_count: i + 1,
      metadata: {},
      outputs: [
        {
          output_type: "display_data",
          data: { "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" },
        },
      ],
      source,
    })),
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
    nbformat: 4,
    nbformat_minor: 5,
  });

/** A Kaggle-style student project: notebooks, a CSV, a frozen requirements file, checkpoints committed. */
const STUDENT: Tree = {
  "README.md": "# Titanic survival\n\nMy submission for the Kaggle competition.\n",
  "Titanic.ipynb": notebook(
    "import pandas as pd\nimport seaborn as sns\ndf = pd.read_csv('train.csv')\ndf.head()",
    "def clean(df):\n    df['Age'] = df['Age'].fillna(df['Age'].median())\n    return df\n",
    "model.fit(X, y)",
  ),
  ".ipynb_checkpoints/Titanic-checkpoint.ipynb": notebook("import pandas as pd"),
  "train.csv": "PassengerId,Survived,Pclass\n1,0,3\n2,1,1\n",
  "requirements.txt": "pandas\nseaborn\nscikit-learn\n",
};

/** A FastAPI model service done carefully. */
const SERVICE: Tree = {
  "pyproject.toml": `[project]
name = "churn-api"
version = "1.2.0"
requires-python = ">=3.11"
dependencies = ["fastapi>=0.115", "pydantic>=2.8", "scikit-learn>=1.5", "uvicorn>=0.30"]

[dependency-groups]
dev = ["mypy>=1.11", "pytest>=8.3", "ruff>=0.6"]

[tool.ruff]
line-length = 100

[tool.ruff.lint]
select = ["E", "F", "I", "B", "UP", "SIM"]

[tool.mypy]
strict = true
plugins = ["pydantic.mypy"]
`,
  "src/churn_api/__init__.py": '"""Churn prediction API."""\n',
  "src/churn_api/main.py": `"""HTTP entry point."""
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Customer(BaseModel):
    tenure: int
    monthly_charges: float


@app.post("/predict")
def predict(customer: Customer) -> dict[str, float]:
    """Score one customer."""
    return {"churn": 0.1 * customer.tenure}
`,
  "tests/test_main.py": "from churn_api.main import predict\n\n\ndef test_predict() -> None:\n    assert predict\n",
  ".pre-commit-config.yaml": `repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks:
      - id: end-of-file-fixer
      - id: trailing-whitespace
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.6.9
    hooks:
      - id: ruff
        args: [--fix]
      - id: ruff-format
  - repo: https://github.com/pre-commit/mirrors-mypy
    rev: v1.11.2
    hooks:
      - id: mypy
        additional_dependencies: [pydantic]
`,
  ".github/workflows/ci.yml": `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/setup-uv@v3
      - run: uv sync --all-groups
      - run: uv run ruff check .
      - run: uv run ruff format --check .
      - run: uv run mypy src
      - run: uv run pytest
`,
  ".gitignore": "__pycache__/\n*.py[cod]\n.venv/\n.env\n.mypy_cache/\n.ruff_cache/\n.pytest_cache/\n",
};

/** cookiecutter-data-science v2: Makefile lint target, black/isort in pyproject, flake8 in setup.cfg. */
const CCDS: Tree = {
  Makefile: `## Lint using flake8, black, and isort (use \`make format\` to do formatting)
.PHONY: lint
lint:
\tflake8 churn
\tisort --check --diff churn
\tblack --check churn

## Format source code with black
.PHONY: format
format:
\tisort churn
\tblack churn
`,
  "pyproject.toml": `[project]
name = "churn"
version = "0.0.1"

[tool.black]
line-length = 99
include = '\\.pyi?$'

[tool.isort]
profile = "black"
known_first_party = ["churn"]
force_sort_within_sections = true
`,
  "setup.cfg":
    "[flake8]\nignore = E731,E266,E501,C901,W503\nmax-line-length = 99\nexclude = .git,notebooks,references,models,data\n",
  "churn/__init__.py": "",
  "churn/dataset.py":
    "from pathlib import Path\n\n\ndef main(input_path: Path, output_path: Path) -> None:\n    output_path.write_text(input_path.read_text())\n",
  "churn/features.py": "def build(df):\n    return df\n",
  "notebooks/1.0-jqp-initial-data-exploration.ipynb": notebook("import pandas as pd"),
  "data/raw/.gitkeep": "",
  "models/.gitkeep": "",
  ".gitignore":
    "# Data\n/data/\n!/data/raw/.gitkeep\n/models/*\n!/models/.gitkeep\n\n# Byte-compiled\n__pycache__/\n*.py[cod]\n\n# Environments\n.env\n.venv\nenv/\nvenv/\n\n# Jupyter\n.ipynb_checkpoints\n",
};

/** A full-stack app: FastAPI backend and a Vite React TypeScript frontend. */
const FULL_STACK: Tree = {
  "backend/app/main.py":
    `from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health() -> dict[str, str]:\n    return {"status": "ok"}\n\n\ndef load_model(path: str) -> object:\n    return open(path, "rb").read()\n`.repeat(
      3,
    ),
  "backend/requirements.txt": "fastapi==0.115.0\nuvicorn==0.30.6\nruff==0.6.9\n",
  "frontend/package.json": JSON.stringify(
    {
      name: "frontend",
      private: true,
      type: "module",
      scripts: { dev: "vite", build: "tsc -b && vite build", lint: "eslint ." },
      devDependencies: { eslint: "^9.9.0", typescript: "^5.5.3", vite: "^5.4.1" },
    },
    null,
    2,
  ),
  "frontend/eslint.config.js": 'import js from "@eslint/js";\nexport default [js.configs.recommended];\n',
  "frontend/tsconfig.json":
    '{\n  "files": [],\n  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }]\n}\n',
  "frontend/tsconfig.app.json":
    '{\n  "compilerOptions": {\n    "jsx": "react-jsx",\n    /* Linting */\n    "strict": true,\n  },\n  "include": ["src"],\n}\n',
  "frontend/tsconfig.node.json": '{ "compilerOptions": { "strict": true }, "include": ["vite.config.ts"] }',
  "frontend/src/App.tsx": "export default function App(): JSX.Element {\n  return <h1>Churn</h1>;\n}\n".repeat(4),
  "frontend/.gitignore": "node_modules\ndist\n*.local\n",
  ".gitignore": "__pycache__/\n.venv/\n.env\n",
  ".github/workflows/backend.yml":
    "on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r backend/requirements.txt\n      - run: ruff check backend\n",
};

const cases: { name: string; tree: Tree; expected: Record<string, string> }[] = [
  {
    name: "Kaggle-style notebook project",
    tree: STUDENT,
    expected: { lint_format: "fail", types: "fail", precommit: "fail", gitignore: "fail" },
  },
  {
    name: "carefully engineered FastAPI service",
    tree: SERVICE,
    expected: { lint_format: "pass", types: "pass", precommit: "pass", gitignore: "pass" },
  },
  {
    name: "cookiecutter-data-science template",
    tree: CCDS,
    expected: { lint_format: "pass", types: "partial", precommit: "fail", gitignore: "pass" },
  },
  {
    name: "full-stack app with an ML backend",
    tree: FULL_STACK,
    expected: { lint_format: "partial", types: "partial", precommit: "fail", gitignore: "pass" },
  },
];

describe("code_quality on repository archetypes", () => {
  it.each(cases)("$name", ({ tree, expected }) => {
    const got = {
      lint_format: runCheck(lintFormat, tree).status,
      types: runCheck(types, tree).status,
      precommit: runCheck(precommit, tree).status,
      gitignore: runCheck(gitignore, tree).status,
    };
    expect(got).toEqual(expected);
  });

  it("names the whole-file formatter rather than the import sorter", () => {
    const formatter = runCheck(lintFormat, CCDS).findings.find((f) => f.id === "formatter");
    expect(formatter?.message).toContain("black, run by a project script");
    expect(formatter?.line).toBe(6);
  });

  it("the student project's committed checkpoints are named", () => {
    const run = runCheck(gitignore, STUDENT);
    expect(run.ids).toEqual(["missing", "committed-run-dir"]);
    expect(run.findings[1]?.message).toContain(".ipynb_checkpoints/");
  });
});
