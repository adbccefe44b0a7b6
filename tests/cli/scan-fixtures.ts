/**
 * Fixtures for the recruiter scan: candidate repositories of different quality as literal trees,
 * a raw-file route for the fake GitHub (scans without a token read files from there), and a
 * CLI io that records what is written.
 */
import type { ScanIO } from "../../src/cli/scan-command.js";
import type { FakeGitHub, FakeResponse, RecordedRequest } from "../helpers/fake-github.js";
import type { Tree } from "../helpers/tree.js";

const README = `# Churn prediction

Predicts which customers will cancel, from usage logs, and serves the model over HTTP.

## Installation

\`\`\`bash
pip install -r requirements.txt
\`\`\`

## Usage

\`\`\`bash
python -m churn.train --config configs/train.yaml
uvicorn churn.api:app
\`\`\`

## Tests

\`\`\`bash
pytest --cov=churn
\`\`\`

## License

MIT
`;

const WORKFLOW = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt
      - run: ruff check .
      - run: pytest --cov=churn --cov-fail-under=85
`;

/** A well-kept ML service: package, tests, CI, Dockerfile, logging. */
export const STRONG: Tree = {
  "README.md": README,
  LICENSE: "MIT License\n\nCopyright (c) 2024 Ada\n\nPermission is hereby granted, free of charge, to any person...\n",
  "requirements.txt": "fastapi==0.115.0\npydantic==2.9.2\nscikit-learn==1.5.2\nmlflow==2.17.0\n",
  "pyproject.toml":
    '[project]\nname = "churn"\nversion = "1.0.0"\n\n[tool.pytest.ini_options]\naddopts = "--cov=churn --cov-fail-under=85"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n',
  ".github/workflows/ci.yml": WORKFLOW,
  ".pre-commit-config.yaml":
    "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.7.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n",
  ".gitignore": "__pycache__/\n.venv/\n.env\n",
  Dockerfile:
    'FROM python:3.12.7-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY churn ./churn\nUSER 1000\nCMD ["uvicorn", "churn.api:app", "--host", "0.0.0.0"]\n',
  ".dockerignore": ".git\n.venv\n",
  "configs/train.yaml": "model:\n  n_estimators: 200\n",
  "churn/__init__.py": '"""Churn prediction."""\n',
  "churn/train.py":
    '"""Train the churn model."""\nimport logging\n\nimport mlflow\n\nlogger = logging.getLogger(__name__)\n\n\ndef train(n_estimators: int) -> float:\n    """Fit the model and return its AUC."""\n    logger.info("training with %d trees", n_estimators)\n    mlflow.log_metric("auc", 0.91)\n    return 0.91\n',
  "churn/api.py":
    '"""HTTP API."""\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(features: dict) -> dict:\n    """Score one customer."""\n    return {"churn": 0.1}\n',
  "tests/test_train.py":
    "from churn.train import train\n\n\ndef test_train_returns_auc():\n    assert 0.5 < train(10) <= 1.0\n",
};

/** A notebook and a one-paragraph README. */
export const WEAK: Tree = {
  "README.md": "# titanic\n\nMy Kaggle notebook.\n",
  "titanic.ipynb": JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "code",
        metadata: {},
        execution_count: 1,
        outputs: [],
        source: ["import pandas as pd\n", "df = pd.read_csv('train.csv')\n", "print(df.head())"],
      },
    ],
  }),
};

/** Somewhere in between: a package with tests, no CI, no container. */
export const MIDDLE: Tree = {
  "README.md": README,
  "requirements.txt": "scikit-learn==1.5.2\npandas==2.2.3\n",
  "churn/__init__.py": '"""Churn prediction."""\n',
  "churn/train.py":
    '"""Train the churn model."""\n\n\ndef train(n_estimators: int) -> float:\n    """Fit the model and return its AUC."""\n    print("training")\n    return 0.91\n',
  "tests/test_train.py":
    "from churn.train import train\n\n\ndef test_train_returns_auc():\n    assert 0.5 < train(10) <= 1.0\n",
};

/**
 * A `handle` for the fake GitHub serving raw files the way scans without a token ask for them:
 * `/<owner>/<repo>/raw/<sha>/<path>` (an Enterprise host's web path; the fake is such a host).
 */
export function rawFiles(fake: () => FakeGitHub): (request: RecordedRequest) => FakeResponse | undefined {
  return (request) => {
    const m = /^\/([^/]+)\/([^/]+)\/raw\/([0-9a-f]{40})\/(.+)$/.exec(request.path);
    if (!m || request.method !== "GET") return undefined;
    const [, owner, name, sha, encoded] = m as unknown as [string, string, string, string, string];
    let node: ReturnType<NonNullable<ReturnType<ReturnType<FakeGitHub["repo"]>["resolve"]>>["at"]>;
    try {
      node = fake().repo(`${owner}/${name}`).resolve(sha)?.at(decodeURIComponent(encoded));
    } catch {
      return { status: 404, raw: "404: Not Found" };
    }
    if (node?.kind !== "blob") return { status: 404, raw: "404: Not Found" };
    return { status: 200, raw: node.blob.bytes, headers: { "content-type": "text/plain; charset=utf-8" } };
  };
}

/** The `GET /repos/:o/:r` answer of an archived repository (the fake does not model archiving). */
export function archived(
  fake: () => FakeGitHub,
  fullName: string,
): (request: RecordedRequest) => FakeResponse | undefined {
  return (request) => {
    if (request.method !== "GET" || request.path !== `/repos/${fullName}`) return undefined;
    const repo = fake().repo(fullName);
    return {
      status: 200,
      body: {
        id: repo.id,
        name: repo.name,
        full_name: fullName,
        owner: { login: repo.owner },
        private: false,
        archived: true,
        default_branch: repo.defaultBranch,
      },
    };
  };
}

/** Several handles tried in order. */
export function handles(
  ...list: ((request: RecordedRequest) => FakeResponse | undefined)[]
): (request: RecordedRequest) => FakeResponse | undefined {
  return (request) => {
    for (const h of list) {
      const answer = h(request);
      if (answer) return answer;
    }
    return undefined;
  };
}

/** A CLI io that records stdout and stderr. */
export function recordingIO(cwd: string, overrides: Partial<ScanIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ScanIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    isTTY: false,
    cwd,
    now: () => new Date("2025-01-02T03:04:05Z"),
    ...overrides,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}
