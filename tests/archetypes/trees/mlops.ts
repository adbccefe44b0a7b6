/**
 * (g) A carefully engineered MLOps template: cookiecutter-data-science layout, DVC pipeline,
 * MLflow, Hydra, pandera, Ray Tune, FastAPI + Prometheus, Evidently, structlog, pre-commit,
 * Kubernetes manifests, Makefile-driven CI pinned to SHAs.
 */

import { apache2 } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";
import * as code from "./mlops-code.js";

const makefile = `.PHONY: install lint format typecheck test train serve

install:
\tuv sync --frozen
\tuv run pre-commit install

lint:
\tuv run ruff check src tests
\tuv run ruff format --check src tests

typecheck:
\tuv run mypy src

test:
\tuv run pytest -m "not slow" --cov=credit_default --cov-report=xml

train:
\tuv run dvc repro

serve:
\tuv run uvicorn credit_default.serving.app:app --port 8080
`;

const pyproject = `[project]
name = "credit-default"
version = "0.9.0"
description = "Credit default prediction: reproducible pipeline, tracked experiments, monitored service"
requires-python = ">=3.11,<3.13"
dependencies = [
    "dvc[s3]==3.51.2", "evidently==0.4.30", "fastapi==0.111.0", "hydra-core==1.3.2", "joblib==1.4.2",
    "mlflow==2.14.1", "pandas==2.2.2", "pandera==0.20.1", "prometheus-client==0.20.0", "ray[tune]==2.31.0",
    "scikit-learn==1.5.0", "structlog==24.2.0", "uvicorn==0.30.1", "xgboost==2.1.0",
]

[dependency-groups]
dev = ["mypy==1.10.1", "pre-commit==3.7.1", "pytest==8.2.2", "pytest-cov==5.0.0", "ruff==0.5.0"]

[tool.ruff]
line-length = 120
[tool.ruff.lint]
select = ["E", "F", "I", "B", "UP", "D"]

[tool.mypy]
strict = true
ignore_missing_imports = true

[tool.pytest.ini_options]
testpaths = ["tests"]
markers = ["slow: trains or loads the full model"]

[tool.coverage.report]
fail_under = 85
`;

const dvcYaml = `stages:
  prepare:
    cmd: python -m credit_default.data.make_dataset
    deps:
      - data/raw/credit.csv
      - src/credit_default/data/make_dataset.py
    params:
      - conf/config.yaml:
          - data
    outs:
      - data/processed
  train:
    cmd: python -m credit_default.models.train_model
    deps:
      - data/processed
      - src/credit_default/models/train_model.py
    params:
      - conf/model/xgboost.yaml:
    outs:
      - models/model.joblib
    metrics:
      - reports/metrics.json:
          cache: false
`;

const ci = `name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  checks:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@692973e3d937129bcbf40652eb9f2f61becf3332 # v4.1.7
      - uses: astral-sh/setup-uv@f3bcaebff5eace81a1c062af9f9011aae482ca9d # v3.1.7
      - run: make install
      - run: make lint
      - run: make typecheck
      - run: make test
      - uses: codecov/codecov-action@e28ff129e5465c2c0dcc6f003fc735cb6ae0c673 # v4.5.0
        with:
          files: coverage.xml
          fail_ci_if_error: true
`;

const deploy = `name: deploy
on:
  push:
    tags: ["v*"]
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
    steps:
      - uses: actions/checkout@692973e3d937129bcbf40652eb9f2f61becf3332 # v4.1.7
      - uses: docker/login-action@0d4c9c5ea7693da7b068278f7b52bda2a190a446 # v3.2.0
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@15560696de535e4014efeff63c48f16952e52dd1 # v6.2.0
        with:
          push: true
          tags: ghcr.io/\${{ github.repository }}:\${{ github.ref_name }}
      - run: kubectl apply -k k8s/
`;

const readme = `# credit-default

[![ci](https://github.com/mlops-lab/credit-default/actions/workflows/ci.yml/badge.svg)](https://github.com/mlops-lab/credit-default/actions/workflows/ci.yml)
[![codecov][codecov-badge]][codecov]

An end-to-end, reproducible ML system predicting credit-card default (UCI Taiwan dataset): a DVC
pipeline with Hydra configs, experiments tracked in MLflow, data contracts in pandera, a FastAPI
service with Prometheus metrics, Evidently drift reports and Kubernetes manifests.

## Project organisation

\`\`\`
conf/                Hydra configs (data, model, mlflow)
data/raw/            raw data, tracked by DVC
src/credit_default/  data, features, models, serving, monitoring
tests/               unit, data and model-behaviour tests
k8s/                 Deployment, Service, HPA
\`\`\`

## Setup

\`\`\`bash
make install          # uv sync + pre-commit hooks
dvc pull              # fetch the data from the S3 remote
\`\`\`

## Usage

\`\`\`bash
make train            # dvc repro: prepare -> train, logged to MLflow
make serve            # FastAPI on :8080, metrics on /metrics
make test             # pytest with coverage (>= 85%)
\`\`\`

## Results

| model | AUC | F1 |
| --- | --- | --- |
| logistic regression | 0.72 | 0.46 |
| XGBoost (tuned) | 0.78 | 0.53 |

## License

Apache-2.0

[codecov-badge]: https://codecov.io/gh/mlops-lab/credit-default/branch/main/graph/badge.svg
[codecov]: https://codecov.io/gh/mlops-lab/credit-default
`;

const k8sDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: credit-default
  labels: { app: credit-default }
spec:
  replicas: 2
  selector:
    matchLabels: { app: credit-default }
  template:
    metadata:
      labels: { app: credit-default }
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: ghcr.io/mlops-lab/credit-default:0.9.0
          ports: [{ containerPort: 8080 }]
          env:
            - name: MODEL_PATH
              value: /models/model.joblib
          resources:
            requests: { cpu: 250m, memory: 512Mi }
            limits: { cpu: "1", memory: 1Gi }
          readinessProbe:
            httpGet: { path: /docs, port: 8080 }
`;

export const mlops: Archetype = {
  name: "mlops",
  kind: "carefully engineered MLOps template",
  tree: {
    "README.md": readme,
    LICENSE: apache2,
    Makefile: makefile,
    "pyproject.toml": pyproject,
    "uv.lock":
      'version = 1\nrequires-python = ">=3.11, <3.13"\n\n[[package]]\nname = "credit-default"\nversion = "0.9.0"\nsource = { editable = "." }\n\n[[package]]\nname = "mlflow"\nversion = "2.14.1"\nsource = { registry = "https://pypi.org/simple" }\n',
    ".gitignore":
      "__pycache__/\n*.py[cod]\n.venv/\n.env\n.ipynb_checkpoints/\n/data/processed\n/models\nmlruns/\noutputs/\nmultirun/\n.coverage\ncoverage.xml\n.mypy_cache/\n",
    ".env.example":
      "MLFLOW_TRACKING_URI=http://localhost:5000\nAWS_ACCESS_KEY_ID=your-access-key-id\nAWS_SECRET_ACCESS_KEY=your-secret-access-key\n",
    ".dockerignore": ".git\n.venv\ndata\nmlruns\nnotebooks\ntests\n.env\n",
    Dockerfile:
      'FROM python:3.11.9-slim-bookworm\nRUN useradd --uid 10001 --create-home app\nWORKDIR /app\nCOPY --from=ghcr.io/astral-sh/uv:0.2.17 /uv /bin/uv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --no-install-project\nCOPY src ./src\nRUN uv sync --frozen --no-dev\nUSER app\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["uvicorn", "credit_default.serving.app:app", "--host", "0.0.0.0", "--port", "8080"]\n',
    ".pre-commit-config.yaml":
      "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.5.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n  - repo: https://github.com/pre-commit/mirrors-mypy\n    rev: v1.10.1\n    hooks:\n      - id: mypy\n  - repo: https://github.com/iterative/dvc\n    rev: 3.51.2\n    hooks:\n      - id: dvc-pre-commit\n        stages: [commit]\n",
    ".github/workflows/ci.yml": ci,
    ".github/workflows/deploy.yml": deploy,
    "dvc.yaml": dvcYaml,
    "dvc.lock":
      "schema: '2.0'\nstages:\n  prepare:\n    cmd: python -m credit_default.data.make_dataset\n    outs:\n    - path: data/processed\n      hash: md5\n      md5: 5c1a9ce8d1c6e5b5f0e7bfa2c0c43e2f.dir\n",
    ".dvc/config":
      "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://mlops-lab-dvc/credit-default\n",
    ".dvc/.gitignore": "/config.local\n/tmp\n/cache\n",
    "data/raw/credit.csv.dvc":
      "outs:\n- md5: 4b0a4a2a8b0c0f5cde3aaf4ec2ef7d91\n  size: 2862995\n  hash: md5\n  path: credit.csv\n",
    "data/raw/.gitignore": "/credit.csv\n",
    "params.yaml": "seed: 42\n",
    "conf/config.yaml":
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an OmegaConf interpolation inside the YAML
      "defaults:\n  - model: xgboost\n  - _self_\nseed: 42\ndata:\n  raw: data/raw/credit.csv\n  processed: data/processed\n  test_size: 0.2\nmlflow:\n  tracking_uri: ${oc.env:MLFLOW_TRACKING_URI,http://localhost:5000}\n  experiment: credit-default\n",
    "conf/model/xgboost.yaml":
      "params:\n  max_depth: 5\n  learning_rate: 0.05\n  n_estimators: 600\n  subsample: 0.8\noutput: models/model.joblib\n",
    "k8s/deployment.yaml": k8sDeployment,
    "k8s/service.yaml":
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: credit-default\nspec:\n  selector: { app: credit-default }\n  ports: [{ port: 80, targetPort: 8080 }]\n",
    "k8s/hpa.yaml":
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: credit-default\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: credit-default }\n  minReplicas: 2\n  maxReplicas: 6\n  metrics:\n    - type: Resource\n      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }\n",
    "k8s/kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n  - hpa.yaml\n",
    "notebooks/01-ana-exploration.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
    "src/credit_default/__init__.py": '"""Credit default prediction."""\n',
    "src/credit_default/logging.py": code.loggingPy,
    "src/credit_default/validation.py": code.validationPy,
    "src/credit_default/data/__init__.py": "",
    "src/credit_default/data/make_dataset.py": code.dataPy,
    "src/credit_default/models/__init__.py": "",
    "src/credit_default/models/train_model.py": code.trainPy,
    "src/credit_default/models/tune.py": code.tunePy,
    "src/credit_default/serving/__init__.py": "",
    "src/credit_default/serving/app.py": code.appPy,
    "src/credit_default/monitoring/__init__.py": "",
    "src/credit_default/monitoring/drift.py": code.driftPy,
    "tests/conftest.py":
      'import joblib\nimport pandas as pd\nimport pytest\n\n\n@pytest.fixture(scope="session")\ndef model():\n    return joblib.load("models/model.joblib")\n\n\n@pytest.fixture(scope="session")\ndef test_split() -> pd.DataFrame:\n    return pd.read_parquet("data/processed/test.parquet")\n',
    "tests/data/test_schema.py": code.testSchema,
    "tests/model/test_behaviour.py": code.testBehaviour,
    "tests/test_api.py": code.testApi,
  },
  expected: {
    "testing.tests": ["pass", "unit, data and model tests; pytest config; make test in CI"],
    "testing.coverage": ["pass", "--cov in CI, fail_under = 85, Codecov upload"],
    "testing.ml_tests": ["pass", "pandera schema tests and invariance/directional/quality-gate model tests"],
    "documentation.readme": ["pass", "what, organisation, setup, usage, results, license"],
    "documentation.docstrings": ["pass", "public functions and classes documented"],
    "documentation.license": ["pass", "Apache-2.0 text"],
    "ci_cd.workflows": ["pass", "ci.yml on push/PR, deploy.yml on tags"],
    "ci_cd.runs_tests": ["pass", "make test -> pytest"],
    "ci_cd.quality_gates": ["pass", "make lint (ruff, ruff format --check), make typecheck (mypy), Codecov"],
    "ci_cd.pinned_actions": ["pass", "every action pinned to a SHA"],
    "code_structure.modules": ["pass", "cookiecutter-data-science package layout"],
    "code_structure.dependencies": ["pass", "== pins and uv.lock"],
    "code_structure.configuration": ["pass", "Hydra configs, params.yaml, .env.example"],
    "code_quality.lint_format": ["pass", "ruff + ruff format in config, pre-commit and CI"],
    "code_quality.types": ["pass", "mypy strict via make typecheck in CI"],
    "code_quality.precommit": ["pass", "ruff, ruff-format, mypy, dvc hooks"],
    "code_quality.gitignore": ["pass", "covers caches, venv, .env, checkpoints, mlruns; nothing contradicts it"],
    "code_quality.secrets": ["pass", ".env.example placeholders; secrets.GITHUB_TOKEN in the workflow"],
    "containerization.dockerfile": ["pass", "pinned slim base, non-root USER, .dockerignore"],
    "monitoring.logging": ["pass", "structlog configured, module loggers everywhere, no prints"],
    "monitoring.observability": ["pass", "prometheus_client metrics, Evidently drift reports"],
    "scalability.experiment_tracking": ["pass", "MLflow runs, params, metrics, registry"],
    "scalability.data_versioning": ["pass", "dvc.yaml, .dvc/config, *.dvc"],
    "scalability.serving": ["pass", "FastAPI with pydantic validation serving the model"],
    "scalability.distributed": ["pass", "Ray Tune on a cluster"],
    "scalability.deployment": ["pass", "Kubernetes manifests and a deploy workflow"],
  },
};
