/**
 * (q) An intermediate ML project: Poetry with a lock file, a src package, loguru, MLflow with its
 * local `mlruns/` committed, YAML config, pytest with data and metric tests, pre-commit (black,
 * isort, flake8) run in CI with coverage uploaded to Codecov but no threshold, a root Dockerfile.
 */
import type { Archetype } from "../archetype.js";

const pyproject = `[tool.poetry]
name = "churn-predictor"
version = "0.3.0"
description = "Telecom churn prediction: training pipeline and API"
authors = ["Priya Raman <priya@example.com>"]
readme = "README.md"
packages = [{ include = "churn", from = "src" }]

[tool.poetry.dependencies]
python = "^3.10"
pandas = "^2.1"
scikit-learn = "^1.3"
mlflow = "^2.9"
fastapi = "^0.108"
uvicorn = "^0.25"
loguru = "^0.7"
pyyaml = "^6.0"

[tool.poetry.group.dev.dependencies]
pytest = "^7.4"
pytest-cov = "^4.1"
black = "^23.12"
isort = "^5.13"
flake8 = "^7.0"
pre-commit = "^3.6"

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.black]
line-length = 100

[tool.isort]
profile = "black"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
`;

const train = `"""Train and log a churn model with MLflow."""
from pathlib import Path

import mlflow
import pandas as pd
import yaml
from loguru import logger
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, f1_score

from churn.data import load_data, split


def train(config_path: str = "config/config.yaml") -> None:
    """Train with the parameters in the config and log the run."""
    config = yaml.safe_load(Path(config_path).read_text())
    mlflow.set_experiment(config["experiment"])
    x_train, x_test, y_train, y_test = split(load_data(config["data_path"]), config["test_size"])
    with mlflow.start_run():
        model = GradientBoostingClassifier(**config["model"]).fit(x_train, y_train)
        preds = model.predict(x_test)
        metrics = {"accuracy": accuracy_score(y_test, preds), "f1": f1_score(y_test, preds)}
        mlflow.log_params(config["model"])
        mlflow.log_metrics(metrics)
        mlflow.sklearn.log_model(model, "model")
        logger.info("trained: {}", metrics)


if __name__ == "__main__":
    train()
`;

const data = `"""Loading and splitting the churn data."""
import pandas as pd
from loguru import logger
from sklearn.model_selection import train_test_split


def load_data(path):
    df = pd.read_csv(path)
    df = df.dropna()
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce").fillna(0)
    logger.info("loaded {} rows from {}", len(df), path)
    return pd.get_dummies(df.drop(columns=["customerID"]), drop_first=True)


def split(df, test_size):
    y = df.pop("Churn_Yes")
    return train_test_split(df, y, test_size=test_size, stratify=y, random_state=0)
`;

const api = `"""Prediction API."""
import mlflow
import pandas as pd
from fastapi import FastAPI
from loguru import logger
from pydantic import BaseModel, Field

app = FastAPI(title="churn-predictor")
model = mlflow.sklearn.load_model("models:/churn/Production")


class Customer(BaseModel):
    tenure: int = Field(ge=0)
    MonthlyCharges: float = Field(gt=0)
    TotalCharges: float = Field(ge=0)
    Contract_One_year: bool = False
    Contract_Two_year: bool = False


@app.post("/predict")
def predict(customer: Customer) -> dict:
    """Churn probability of one customer."""
    proba = float(model.predict_proba(pd.DataFrame([customer.model_dump()]))[0, 1])
    logger.info("prediction {:.3f}", proba)
    return {"churn_probability": proba}
`;

const tests = {
  "tests/test_data.py": `import pandas as pd

from churn.data import load_data


def test_no_missing_values_after_loading(tmp_path):
    path = tmp_path / "churn.csv"
    pd.DataFrame({"customerID": ["a", "b"], "tenure": [1, None], "TotalCharges": ["10", " "], "Churn": ["Yes", "No"]}).to_csv(path, index=False)
    df = load_data(path)
    assert df.isnull().sum().sum() == 0


def test_tenure_is_never_negative(sample):
    assert (sample["tenure"] >= 0).all()
`,
  "tests/test_model.py": `from sklearn.metrics import accuracy_score


def test_model_beats_the_bar(trained_model, holdout):
    x, y = holdout
    assert accuracy_score(y, trained_model.predict(x)) >= 0.78
`,
  "tests/conftest.py": `import pandas as pd
import pytest
from sklearn.ensemble import GradientBoostingClassifier


@pytest.fixture()
def sample():
    return pd.read_csv("tests/data/sample.csv")


@pytest.fixture()
def holdout(sample):
    y = sample.pop("Churn")
    return sample, y


@pytest.fixture()
def trained_model(sample):
    y = sample.pop("Churn")
    return GradientBoostingClassifier().fit(sample, y)
`,
  "tests/data/sample.csv":
    "tenure,MonthlyCharges,TotalCharges,Churn\n1,29.85,29.85,0\n34,56.95,1889.5,0\n2,53.85,108.15,1\n",
};

const ci = `name: CI
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - uses: snok/install-poetry@v1
      - run: poetry install --no-interaction
      - run: poetry run pre-commit run --all-files
      - run: poetry run pytest --cov=churn --cov-report=xml
      - uses: codecov/codecov-action@v4
        with:
          token: \${{ secrets.CODECOV_TOKEN }}
`;

export const poetryIntermediate: Archetype = {
  name: "poetry-intermediate",
  kind: "an intermediate ML project (Poetry, MLflow, FastAPI)",
  tree: {
    "README.md":
      '# Churn Predictor\n\n[![CI](https://github.com/priya-r/churn-predictor/actions/workflows/ci.yml/badge.svg)](https://github.com/priya-r/churn-predictor/actions) [![codecov](https://codecov.io/gh/priya-r/churn-predictor/branch/main/graph/badge.svg)](https://codecov.io/gh/priya-r/churn-predictor)\n\nPredicts which telecom customers will churn (IBM Telco dataset). Training runs are tracked with MLflow; the best model is served with FastAPI.\n\n## Setup\n\n```bash\npoetry install\npre-commit install\n```\n\n## Train\n\n```bash\npoetry run python -m churn.train\nmlflow ui\n```\n\n## Serve\n\n```bash\ndocker compose up\ncurl -X POST localhost:8000/predict -d \'{"tenure": 3, "MonthlyCharges": 70.2, "TotalCharges": 210.6}\'\n```\n\n## Tests\n\n```bash\npoetry run pytest --cov\n```\n\n## Results\n\n| model | accuracy | F1 |\n| --- | --- | --- |\n| logistic regression | 0.80 | 0.58 |\n| gradient boosting | 0.81 | 0.60 |\n',
    "pyproject.toml": pyproject,
    "poetry.lock":
      '# This file is automatically @generated by Poetry 1.7.1 and should not be changed by hand.\n\n[[package]]\nname = "pandas"\nversion = "2.1.4"\ndescription = "Powerful data structures for data analysis"\noptional = false\npython-versions = ">=3.9"\nfiles = []\n\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "5f2e0b1d8e2a4f1c7c3b9a0d6e4f2a1b"\n',
    ".pre-commit-config.yaml":
      "repos:\n  - repo: https://github.com/psf/black\n    rev: 23.12.1\n    hooks:\n      - id: black\n  - repo: https://github.com/pycqa/isort\n    rev: 5.13.2\n    hooks:\n      - id: isort\n  - repo: https://github.com/pycqa/flake8\n    rev: 7.0.0\n    hooks:\n      - id: flake8\n",
    ".flake8": "[flake8]\nmax-line-length = 100\nexclude = .venv,mlruns\n",
    ".gitignore": "__pycache__/\n.venv/\n.env\n.coverage\ncoverage.xml\ndata/\n.ipynb_checkpoints/\n",
    ".dockerignore": ".venv\nmlruns\ndata\n.git\n",
    Dockerfile:
      'FROM python:3.10\nWORKDIR /app\nRUN pip install poetry==1.7.1\nCOPY pyproject.toml poetry.lock ./\nRUN poetry config virtualenvs.create false && poetry install --only main --no-root\nCOPY src ./src\nCMD ["uvicorn", "churn.api:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    "docker-compose.yml":
      'services:\n  api:\n    build: .\n    ports: ["8000:8000"]\n  mlflow:\n    image: ghcr.io/mlflow/mlflow:v2.9.2\n    command: mlflow server --host 0.0.0.0\n    ports: ["5000:5000"]\n',
    ".github/workflows/ci.yml": ci,
    "config/config.yaml":
      "experiment: churn\ndata_path: data/telco_churn.csv\ntest_size: 0.2\nmodel:\n  n_estimators: 300\n  learning_rate: 0.05\n  max_depth: 3\n",
    "notebooks/eda.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
    "src/churn/__init__.py": "",
    "src/churn/data.py": data,
    "src/churn/train.py": train,
    "src/churn/api.py": api,
    ...tests,
    "mlruns/0/meta.yaml":
      "artifact_location: file:///home/priya/churn-predictor/mlruns/0\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n",
    "mlruns/1/4f1c2a9e0b7d4e2a8c3f5b6d7e8f9a0b/meta.yaml":
      "artifact_uri: file:///home/priya/churn-predictor/mlruns/1/4f1c2a9e0b7d4e2a8c3f5b6d7e8f9a0b/artifacts\nend_time: 1704201123000\nentry_point_name: ''\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: 4f1c2a9e0b7d4e2a8c3f5b6d7e8f9a0b\nstatus: 3\n",
    "mlruns/1/4f1c2a9e0b7d4e2a8c3f5b6d7e8f9a0b/metrics/accuracy": "1704201122000 0.8103 0\n",
    "mlruns/1/4f1c2a9e0b7d4e2a8c3f5b6d7e8f9a0b/artifacts/model/model.pkl": { mode: "file", size: 912_344 },
  },
  expected: {
    "testing.tests": ["pass", "pytest suite with config, run in CI"],
    "testing.coverage": ["partial", "--cov and a Codecov upload, but no threshold anywhere"],
    "testing.ml_tests": ["pass", "null and range checks on the data, an accuracy quality gate"],
    "documentation.readme": ["pass", "what, setup, train, serve, tests, results"],
    "documentation.docstrings": ["partial", "2 of 5 public functions and classes documented"],
    "documentation.license": ["fail", "none"],
    "ci_cd.workflows": ["pass", "on push and pull_request"],
    "ci_cd.runs_tests": ["pass", "poetry run pytest"],
    "ci_cd.quality_gates": ["pass", "pre-commit (black, isort, flake8) and coverage upload in CI"],
    "ci_cd.pinned_actions": ["partial", "third-party actions on version tags"],
    "code_structure.modules": ["pass", "src package, notebooks and config beside it"],
    "code_structure.dependencies": ["pass", "poetry.lock"],
    "code_structure.configuration": ["pass", "config/config.yaml loaded with yaml.safe_load"],
    "code_quality.lint_format": ["pass", "black, isort, flake8 in pre-commit, run in CI"],
    "code_quality.types": ["partial", "hints on some functions, no type checker"],
    "code_quality.precommit": ["pass", "black, isort, flake8 hooks"],
    "code_quality.gitignore": ["partial", "MLflow's mlruns/ run folder committed (with a model pickle and home paths)"],
    "code_quality.secrets": ["pass", "secrets.CODECOV_TOKEN reference only"],
    "containerization.dockerfile": ["partial", "tagged base and .dockerignore, but runs as root"],
    "monitoring.logging": ["pass", "loguru used throughout, no prints"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["pass", "MLflow runs, params, metrics, model registry"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["pass", "FastAPI with a pydantic request model serving the registered model"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["pass", "docker-compose.yml running the API and MLflow"],
  },
};
