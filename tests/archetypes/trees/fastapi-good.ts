/**
 * (c) A FastAPI model service done well: src layout, pydantic request models and settings, a
 * joblib model loaded at start-up, pytest with TestClient, a non-root pinned Dockerfile, GitHub
 * Actions with ruff, mypy and pytest --cov-fail-under=80 pinned to SHAs, logging dictConfig,
 * Prometheus instrumentator, pre-commit, Compose. Traps: `.env.example` with placeholders, a
 * docstring that shows `print(...)`.
 */

import { mit } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";
import * as code from "./fastapi-good-code.js";

const pyproject = `[project]
name = "churn-service"
version = "1.4.0"
description = "HTTP service that scores customer churn with a scikit-learn pipeline"
readme = "README.md"
license = { text = "MIT" }
requires-python = ">=3.11"
dependencies = [
    "fastapi==0.111.0",
    "joblib==1.4.2",
    "pandas==2.2.2",
    "prometheus-fastapi-instrumentator==7.0.0",
    "pydantic==2.7.4",
    "pydantic-settings==2.3.3",
    "python-json-logger==2.0.7",
    "scikit-learn==1.5.0",
    "uvicorn[standard]==0.30.1",
]

[dependency-groups]
dev = ["httpx==0.27.0", "mypy==1.10.0", "pandas-stubs==2.2.2.240603", "pytest==8.2.2", "pytest-cov==5.0.0", "ruff==0.4.9"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[tool.ruff]
line-length = 110
target-version = "py311"

[tool.ruff.lint]
select = ["E", "F", "I", "B", "UP", "SIM", "RUF"]

[tool.mypy]
strict = true
plugins = ["pydantic.mypy"]

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers"

[tool.coverage.run]
source = ["churn_service"]
branch = true
`;

const uvLock = `version = 1
requires-python = ">=3.11"

[[package]]
name = "annotated-types"
version = "0.7.0"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/packages/ee/67/531ea369ba64dcff5ec9c3402f9f51bf748cec26dde048a2f973a4eea7f5/annotated_types-0.7.0.tar.gz", hash = "sha256:aff07c09a53a08bc8cfccb9c85b05f1aa9a2a6f23728d790723543408344ce89", size = 16081 }

[[package]]
name = "churn-service"
version = "1.4.0"
source = { editable = "." }
dependencies = [
    { name = "fastapi" },
    { name = "joblib" },
    { name = "scikit-learn" },
]

[[package]]
name = "fastapi"
version = "0.111.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "pydantic" },
    { name = "starlette" },
]
sdist = { url = "https://files.pythonhosted.org/packages/66/d6/1f8af7d0e7ba3f8e1d1a42f2bc4c2f5b37f0ad3ba9f6b8c5fd0c5bd8d0f2/fastapi-0.111.0.tar.gz", hash = "sha256:b9db9dd147c91cb8b769f7183535773d8741dd46f9dc6676cd82eab510228cd7", size = 288737 }
`;

const workflow = `name: CI

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@692973e3d937129bcbf40652eb9f2f61becf3332 # v4.1.7
      - uses: astral-sh/setup-uv@f3bcaebff5eace81a1c062af9f9011aae482ca9d # v3.1.7
        with:
          enable-cache: true
      - name: Install
        run: uv sync --frozen
      - name: Lint
        run: |
          uv run ruff check .
          uv run ruff format --check .
      - name: Type check
        run: uv run mypy src tests
      - name: Test
        run: uv run pytest --cov --cov-report=xml --cov-fail-under=80

  image:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@692973e3d937129bcbf40652eb9f2f61becf3332 # v4.1.7
      - uses: docker/build-push-action@15560696de535e4014efeff63c48f16952e52dd1 # v6.2.0
        with:
          push: false
          tags: churn-service:ci
`;

const dockerfile = `# syntax=docker/dockerfile:1.7
FROM python:3.11.9-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

FROM base AS build
COPY --from=ghcr.io/astral-sh/uv:0.2.17 /uv /bin/uv
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY src ./src
RUN uv sync --frozen --no-dev

FROM base AS runtime
RUN useradd --create-home --uid 10001 app
COPY --from=build /app/.venv /app/.venv
COPY --from=build /app/src /app/src
COPY models ./models
ENV PATH="/app/.venv/bin:$PATH"
USER app
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/healthz')"
CMD ["uvicorn", "churn_service.api:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const readme = `# churn-service

[![CI](https://github.com/ana-ml/churn-service/actions/workflows/ci.yml/badge.svg)](https://github.com/ana-ml/churn-service/actions/workflows/ci.yml)

A small production-style HTTP service that predicts whether a telecom customer will churn. It
serves a scikit-learn pipeline (gradient boosting, AUC 0.86 on a held-out split) with FastAPI,
validates every request with pydantic, logs JSON lines and exposes Prometheus metrics.

## Quick start

\`\`\`bash
uv sync
uv run python -m churn_service.train data/telco.csv   # writes models/churn-model.joblib
uv run uvicorn churn_service.api:app --reload
\`\`\`

Or with Docker Compose (API + Prometheus):

\`\`\`bash
docker compose up --build
\`\`\`

## Usage

\`\`\`bash
curl -X POST localhost:8000/predict -H 'content-type: application/json' \\
  -d '{"tenure_months": 3, "monthly_charges": 89.9, "total_charges": 269.7, "contract": "month-to-month", "paperless_billing": true, "support_calls": 4}'
# {"churn_probability": 0.81, "will_churn": true, "model_version": "churn-model"}
\`\`\`

## Configuration

Settings come from \`CHURN_*\` environment variables; see \`.env.example\`.

## Development

\`\`\`bash
uv run pytest --cov            # tests, coverage must stay >= 80%
uv run ruff check . && uv run mypy src
pre-commit install
\`\`\`

## License

MIT, see [LICENSE](LICENSE).
`;

export const fastapiGood: Archetype = {
  name: "fastapi-good",
  kind: "FastAPI model service done well",
  tree: {
    "README.md": readme,
    LICENSE: mit("Ana Moreau"),
    "pyproject.toml": pyproject,
    "uv.lock": uvLock,
    ".gitignore":
      "__pycache__/\n*.py[cod]\n.venv/\n.env\n.mypy_cache/\n.pytest_cache/\n.ruff_cache/\n.coverage\ncoverage.xml\nmodels/*.joblib\ndata/\n",
    ".dockerignore": ".git\n.venv\n__pycache__\n.env\ntests\ndata\n",
    ".env.example": "CHURN_MODEL_PATH=models/churn-model.joblib\nCHURN_LOG_LEVEL=INFO\nCHURN_THRESHOLD=0.5\n",
    ".pre-commit-config.yaml":
      "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.4.9\n    hooks:\n      - id: ruff\n        args: [--fix]\n      - id: ruff-format\n  - repo: https://github.com/pre-commit/mirrors-mypy\n    rev: v1.10.0\n    hooks:\n      - id: mypy\n        additional_dependencies: [pydantic==2.7.4, pydantic-settings==2.3.3]\n",
    ".github/workflows/ci.yml": workflow,
    Dockerfile: dockerfile,
    "docker-compose.yml":
      'services:\n  api:\n    build: .\n    ports: ["8000:8000"]\n    env_file: .env\n    volumes: ["./models:/app/models:ro"]\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes: ["./ops/prometheus.yml:/etc/prometheus/prometheus.yml:ro"]\n    ports: ["9090:9090"]\n',
    "ops/prometheus.yml":
      "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: churn-service\n    static_configs:\n      - targets: ['api:8000']\n",
    "models/.gitkeep": "",
    "src/churn_service/__init__.py": '"""Churn prediction service."""\n',
    "src/churn_service/settings.py": code.settingsPy,
    "src/churn_service/logging_config.py": code.loggingPy,
    "src/churn_service/schemas.py": code.schemasPy,
    "src/churn_service/model.py": code.modelPy,
    "src/churn_service/api.py": code.apiPy,
    "src/churn_service/train.py": code.trainPy,
    "tests/__init__.py": "",
    "tests/conftest.py": code.conftestPy,
    "tests/test_api.py": code.testApiPy,
    "tests/test_model.py": code.testModelPy,
  },
  expected: {
    "testing.tests": ["pass", "pytest suite with TestClient, pytest config, run in CI"],
    "testing.coverage": ["pass", "--cov-fail-under=80 in CI"],
    "testing.ml_tests": ["partial", "service tests and a probability-range check; no data validation, no quality gate"],
    "documentation.readme": ["pass", "what, quick start, usage, config, development, license"],
    "documentation.docstrings": ["pass", "every public function and class documented"],
    "documentation.license": ["pass", "MIT text"],
    "ci_cd.workflows": ["pass", "ci.yml on push and pull_request"],
    "ci_cd.runs_tests": ["pass", "uv run pytest"],
    "ci_cd.quality_gates": ["pass", "ruff check, ruff format --check, mypy, coverage threshold"],
    "ci_cd.pinned_actions": ["pass", "every action pinned to a commit SHA"],
    "code_structure.modules": ["pass", "src/churn_service package split by responsibility"],
    "code_structure.dependencies": ["pass", "== pins and uv.lock"],
    "code_structure.configuration": ["pass", "pydantic-settings and .env.example"],
    "code_quality.lint_format": ["pass", "ruff and ruff format in config, pre-commit and CI"],
    "code_quality.types": ["pass", "mypy strict, run in CI"],
    "code_quality.precommit": ["pass", "ruff, ruff-format, mypy hooks"],
    "code_quality.gitignore": ["pass", "covers caches, venv, .env; nothing contradicts it"],
    "code_quality.secrets": ["pass", ".env.example only, no values that are secrets"],
    "containerization.dockerfile": ["pass", "pinned slim base, non-root USER, .dockerignore"],
    "monitoring.logging": ["pass", "dictConfig and module loggers; the print is in a docstring"],
    "monitoring.observability": ["pass", "prometheus_fastapi_instrumentator in api.py"],
    "scalability.experiment_tracking": ["fail", "none"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["pass", "FastAPI with pydantic request validation serving the model"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["pass", "docker-compose.yml"],
  },
};
