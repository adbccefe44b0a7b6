/**
 * Realistic workflows and runner files shared by the ci_cd tests: the shapes found in
 * student projects, FastAPI services, libraries and MLOps templates.
 */

/** A Python library's CI: setup-python matrix, pip install, ruff, mypy, pytest with coverage, codecov. */
export const PYTHON_MATRIX = `name: CI

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        python-version: ["3.10", "3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - name: Set up Python \${{ matrix.python-version }}
        uses: actions/setup-python@v5
        with:
          python-version: \${{ matrix.python-version }}
          cache: pip
      - name: Install dependencies
        run: |
          python -m pip install --upgrade pip
          pip install -r requirements.txt -r requirements-dev.txt
      - name: Lint
        run: ruff check src tests
      - name: Type check
        run: mypy src
      - name: Test
        run: python -m pytest --cov=src --cov-report=xml -q
      - uses: codecov/codecov-action@v4
        with:
          token: \${{ secrets.CODECOV_TOKEN }}
`;

/** A Node project: npm ci, lint, build, npm test with a real script. */
export const NODE_CI = `name: Node CI
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test
`;

/** package.json of the Node project. */
export const NODE_PACKAGE = JSON.stringify(
  {
    name: "sentiment-ui",
    version: "1.0.0",
    private: true,
    type: "module",
    scripts: {
      dev: "vite",
      build: "tsc -b && vite build",
      lint: "eslint . && prettier --check src",
      test: "vitest run --coverage",
    },
    devDependencies: { vitest: "^2.0.0", eslint: "^9.0.0", prettier: "^3.3.0", typescript: "^5.5.0" },
  },
  null,
  2,
);

/** npm init's package.json: the placeholder test script. */
export const NPM_DEFAULT_PACKAGE = JSON.stringify(
  {
    name: "iris-api",
    version: "1.0.0",
    main: "index.js",
    scripts: { test: 'echo "Error: no test specified" && exit 1' },
    license: "ISC",
  },
  null,
  2,
);

/** CI that calls `make` targets. */
export const MAKE_CI = `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: { python-version: "3.11" }
      - run: make install
      - run: make ci
`;

/** The Makefile those targets live in. */
export const MAKEFILE = `.PHONY: install lint format-check typecheck test ci

PYTHON ?= python3
SRC := src/churn

install:
\t$(PYTHON) -m pip install -e ".[dev]"

lint:
\truff check $(SRC) tests

format-check:
\truff format --check $(SRC) tests

typecheck:
\tmypy $(SRC)

test:
\t$(PYTHON) -m pytest -x --cov=$(SRC) --cov-fail-under=85

ci: lint format-check typecheck
\t@$(MAKE) test
`;

/** tox with tox-gh-actions. */
export const TOX_CI = `name: tests
on:
  push:
  pull_request:
jobs:
  tox:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.9", "3.10", "3.11"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: \${{ matrix.python }}
      - run: pip install tox tox-gh-actions
      - run: tox
`;

/** tox.ini of that project. */
export const TOX_INI = `[tox]
envlist = py{39,310,311}, lint
isolated_build = true

[gh-actions]
python =
    3.9: py39
    3.10: py310
    3.11: py311, lint

[testenv]
deps =
    pytest
    pytest-cov
commands =
    pytest --cov=featurestore {posargs:tests}

[testenv:lint]
skip_install = true
deps = ruff
commands =
    ruff check src
    ruff format --check src
`;

/** Tests only through a reusable workflow in another repository. */
export const REUSABLE_REMOTE = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  python:
    uses: acme-ml/shared-workflows/.github/workflows/python-ci.yml@v2
    with:
      python-version: "3.11"
    secrets: inherit
`;

/** A workflow that only deploys docs: no tests. */
export const DOCS_DEPLOY = `name: Deploy docs
on:
  push:
    branches: [main]
permissions:
  contents: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: 3.x
      - run: pip install mkdocs-material
      - run: mkdocs gh-deploy --force
`;

/** A workflow that builds and pushes an image: no tests. */
export const DOCKER_PUBLISH = `name: Publish image
on:
  release:
    types: [published]
  push:
    tags: ["v*"]
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          username: \${{ secrets.DOCKERHUB_USERNAME }}
          password: \${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: acme/churn-api:latest
`;

/** A nightly retraining job: runs on a schedule and by hand only. */
export const NIGHTLY = `name: nightly-train
on:
  schedule:
    - cron: "0 3 * * *"
  workflow_dispatch:
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r requirements.txt
      - run: python -m pytest tests/test_data.py
      - run: python train.py --config configs/nightly.yaml
`;

/** Invalid YAML: a tab-indented mapping and an unclosed flow sequence. */
export const INVALID_YAML = `name: CI
on: [push, pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
`;

/** A billion-laughs alias bomb nested ten levels. */
export const ALIAS_BOMB = (() => {
  const lines = ["on: push", 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  lines.push(
    "jobs:",
    "  test:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: pytest",
    "        env:",
    "          X: *a9",
  );
  return `${lines.join("\n")}\n`;
})();

/** `needs:` names a job that does not exist. */
export const MISSING_NEEDS = `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pytest
  deploy:
    needs: [tests]
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
`;

/** GitLab CI that runs the tests. */
export const GITLAB_CI = `image: python:3.11

stages:
  - test

before_script:
  - pip install -r requirements.txt

test:
  stage: test
  script:
    - pytest --junitxml=report.xml
`;

/** pre-commit config with ruff, ruff-format and mypy. */
export const PRE_COMMIT_CONFIG = `repos:
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
  - repo: https://github.com/pre-commit/mirrors-mypy
    rev: v1.11.2
    hooks:
      - id: mypy
`;

/** A lint workflow that runs pre-commit through its action. */
export const PRE_COMMIT_CI = `name: lint
on: [pull_request]
jobs:
  pre-commit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
      - uses: pre-commit/action@v3.0.1
`;

/** GitHub's "Python application" starter workflow, as many student repositories keep it. */
export const PYTHON_STARTER = `# This workflow will install Python dependencies, run tests and lint with a single version of Python
# For more information see: https://docs.github.com/en/actions/automating-builds-and-tests/building-and-testing-python

name: Python application

on:
  push:
    branches: [ "main" ]
  pull_request:
    branches: [ "main" ]

permissions:
  contents: read

jobs:
  build:

    runs-on: ubuntu-latest

    steps:
    - uses: actions/checkout@v4
    - name: Set up Python 3.10
      uses: actions/setup-python@v3
      with:
        python-version: "3.10"
    - name: Install dependencies
      run: |
        python -m pip install --upgrade pip
        pip install flake8 pytest
        if [ -f requirements.txt ]; then pip install -r requirements.txt; fi
    - name: Lint with flake8
      run: |
        # stop the build if there are Python syntax errors or undefined names
        flake8 . --count --select=E9,F63,F7,F82 --show-source --statistics
        # exit-zero treats all errors as warnings. The GitHub editor is 127 chars wide
        flake8 . --count --exit-zero --max-complexity=10 --max-line-length=127 --statistics
    - name: Test with pytest
      run: |
        pytest
`;

/** A full-stack repo: FastAPI backend tested, Next.js frontend linted and built, each in its folder. */
export const FULLSTACK_BACKEND = `name: backend
on:
  push:
    paths: ["backend/**"]
  pull_request:
    paths: ["backend/**"]
defaults:
  run:
    working-directory: backend
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt -r requirements-dev.txt
      - run: make test
        env:
          DATABASE_URL: postgresql://postgres:postgres@localhost:5432/postgres
`;

/** The backend's Makefile. */
export const FULLSTACK_MAKEFILE = `test:
\tpytest -q --cov=app --cov-report=xml tests
`;

/** The frontend workflow of the same repo. */
export const FULLSTACK_FRONTEND = `name: frontend
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install, lint and build
        working-directory: frontend
        run: |
          npm ci
          npm run lint
          npm run build
`;

/** The frontend's package.json: lint and build, no tests. */
export const FULLSTACK_FRONTEND_PACKAGE = JSON.stringify(
  { name: "web", private: true, scripts: { dev: "next dev", build: "next build", lint: "next lint" } },
  null,
  2,
);

/** A CML training workflow: trains, then posts a report. Runs no tests. */
export const CML_TRAIN = `name: train-and-report
on: [push]
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: iterative/setup-cml@v2
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Train model
        env:
          REPO_TOKEN: \${{ secrets.GITHUB_TOKEN }}
        run: |
          pip install -r requirements.txt
          dvc repro
          echo "## Metrics" >> report.md
          dvc metrics show --md >> report.md
          cml comment create report.md
`;
