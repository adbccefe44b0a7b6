/** Python source and tests of the MLOps template archetype (g). */

export const dataPy = `"""Load the raw credit data and split it into train and test sets."""
import logging
from pathlib import Path

import hydra
import pandas as pd
from omegaconf import DictConfig
from sklearn.model_selection import train_test_split

from credit_default.validation import RAW_SCHEMA

logger = logging.getLogger(__name__)


def load_raw(path: Path) -> pd.DataFrame:
    """Read the raw CSV and validate it against the raw schema."""
    frame = pd.read_csv(path)
    return RAW_SCHEMA.validate(frame, lazy=True)


@hydra.main(config_path="../../conf", config_name="config", version_base="1.3")
def main(cfg: DictConfig) -> None:
    """DVC stage \`prepare\`: validate and split."""
    frame = load_raw(Path(cfg.data.raw))
    train, test = train_test_split(frame, test_size=cfg.data.test_size, stratify=frame["default"], random_state=cfg.seed)
    Path(cfg.data.processed).mkdir(parents=True, exist_ok=True)
    train.to_parquet(Path(cfg.data.processed) / "train.parquet")
    test.to_parquet(Path(cfg.data.processed) / "test.parquet")
    logger.info("split %d rows into %d train / %d test", len(frame), len(train), len(test))


if __name__ == "__main__":
    main()
`;

export const validationPy = `"""Data contracts: pandera schemas for the raw and processed data."""
import pandera as pa
from pandera import Check, Column

RAW_SCHEMA = pa.DataFrameSchema(
    {
        "limit_bal": Column(float, Check.gt(0)),
        "age": Column(int, Check.in_range(18, 100)),
        "education": Column(int, Check.isin([1, 2, 3, 4])),
        "pay_0": Column(int, Check.in_range(-2, 9)),
        "bill_amt1": Column(float, nullable=False),
        "default": Column(int, Check.isin([0, 1])),
    },
    strict=False,
    coerce=True,
)
`;

export const trainPy = `"""Train the gradient-boosting model and log everything to MLflow."""
import logging
from pathlib import Path

import hydra
import joblib
import mlflow
import pandas as pd
from omegaconf import DictConfig, OmegaConf
from sklearn.metrics import f1_score, roc_auc_score
from xgboost import XGBClassifier

logger = logging.getLogger(__name__)


def fit(train: pd.DataFrame, params: dict[str, float]) -> XGBClassifier:
    """Fit the classifier on a training frame."""
    model = XGBClassifier(**params, eval_metric="auc")
    return model.fit(train.drop(columns=["default"]), train["default"])


@hydra.main(config_path="../../conf", config_name="config", version_base="1.3")
def main(cfg: DictConfig) -> None:
    """DVC stage \`train\`: fit, evaluate on the test split, log to MLflow, save."""
    mlflow.set_tracking_uri(cfg.mlflow.tracking_uri)
    mlflow.set_experiment(cfg.mlflow.experiment)
    processed = Path(cfg.data.processed)
    train = pd.read_parquet(processed / "train.parquet")
    test = pd.read_parquet(processed / "test.parquet")
    with mlflow.start_run():
        params = OmegaConf.to_container(cfg.model.params, resolve=True)
        mlflow.log_params(params)
        model = fit(train, params)
        proba = model.predict_proba(test.drop(columns=["default"]))[:, 1]
        metrics = {"auc": roc_auc_score(test["default"], proba), "f1": f1_score(test["default"], proba > 0.5)}
        mlflow.log_metrics(metrics)
        mlflow.xgboost.log_model(model, "model", registered_model_name="credit-default")
        logger.info("test metrics %s", metrics)
    joblib.dump(model, cfg.model.output)


if __name__ == "__main__":
    main()
`;

export const tunePy = `"""Hyperparameter search with Ray Tune across the cluster."""
import logging

import ray
from ray import tune

from credit_default.models.train import fit

logger = logging.getLogger(__name__)


def search(train, valid, num_samples: int = 64) -> dict:
    """Run an ASHA search over the XGBoost parameters and return the best config."""
    ray.init(address="auto", ignore_reinit_error=True)
    space = {
        "max_depth": tune.randint(3, 10),
        "learning_rate": tune.loguniform(1e-3, 3e-1),
        "subsample": tune.uniform(0.5, 1.0),
    }

    def objective(config: dict) -> dict:
        model = fit(train, config)
        return {"auc": model.score(valid.drop(columns=["default"]), valid["default"])}

    tuner = tune.Tuner(objective, param_space=space, tune_config=tune.TuneConfig(metric="auc", mode="max", num_samples=num_samples))
    best = tuner.fit().get_best_result().config
    logger.info("best config %s", best)
    return best
`;

export const appPy = `"""Online serving: FastAPI with request validation, metrics and structured logs."""
import logging
import os

import joblib
import pandas as pd
from fastapi import FastAPI
from prometheus_client import Counter, Histogram, make_asgi_app
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)
PREDICTIONS = Counter("predictions_total", "Predictions served", ["outcome"])
LATENCY = Histogram("prediction_latency_seconds", "Time to score one applicant")

app = FastAPI(title="credit-default")
app.mount("/metrics", make_asgi_app())
model = joblib.load(os.environ.get("MODEL_PATH", "models/model.joblib"))


class Applicant(BaseModel):
    """The features the model was trained on."""

    limit_bal: float = Field(gt=0)
    age: int = Field(ge=18, le=100)
    education: int = Field(ge=1, le=4)
    pay_0: int = Field(ge=-2, le=9)
    bill_amt1: float


@app.post("/predict")
def predict(applicant: Applicant) -> dict[str, float]:
    """Probability of default for one applicant."""
    with LATENCY.time():
        proba = float(model.predict_proba(pd.DataFrame([applicant.model_dump()]))[0, 1])
    PREDICTIONS.labels(outcome="default" if proba > 0.5 else "ok").inc()
    logger.info("scored applicant", extra={"proba": proba})
    return {"default_probability": proba}
`;

export const driftPy = `"""Weekly data-drift report with Evidently."""
import pandas as pd
from evidently.metric_preset import DataDriftPreset
from evidently.report import Report


def drift_report(reference: pd.DataFrame, current: pd.DataFrame, out: str) -> bool:
    """Write an HTML drift report and return whether the dataset drifted."""
    report = Report(metrics=[DataDriftPreset()])
    report.run(reference_data=reference, current_data=current)
    report.save_html(out)
    return bool(report.as_dict()["metrics"][0]["result"]["dataset_drift"])
`;

export const loggingPy = `"""Structured logging shared by the pipeline stages and the API."""
import logging

import structlog


def configure(level: str = "INFO") -> None:
    """JSON logs through structlog, stdlib loggers included."""
    logging.basicConfig(level=level, format="%(message)s")
    structlog.configure(
        processors=[structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso"), structlog.processors.JSONRenderer()],
        logger_factory=structlog.stdlib.LoggerFactory(),
    )
`;

export const testSchema = `import pandas as pd
import pandera as pa
import pytest

from credit_default.validation import RAW_SCHEMA


@pytest.fixture()
def raw() -> pd.DataFrame:
    return pd.DataFrame({"limit_bal": [20000.0], "age": [24], "education": [2], "pay_0": [2], "bill_amt1": [3913.0], "default": [1]})


def test_valid_rows_pass(raw: pd.DataFrame) -> None:
    RAW_SCHEMA.validate(raw)


@pytest.mark.parametrize("column,value", [("age", 12), ("education", 7), ("default", 2), ("limit_bal", -1.0)])
def test_out_of_range_rows_fail(raw: pd.DataFrame, column: str, value: float) -> None:
    raw.loc[0, column] = value
    with pytest.raises(pa.errors.SchemaError):
        RAW_SCHEMA.validate(raw)
`;

export const testBehaviour = `"""Behavioural tests of the trained model (CheckList style)."""
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

BASE = {"limit_bal": 50000.0, "age": 35, "education": 2, "pay_0": 0, "bill_amt1": 12000.0}


def score(model, **changes) -> float:
    return float(model.predict_proba(pd.DataFrame([{**BASE, **changes}]))[0, 1])


def test_invariance_to_education(model) -> None:
    assert abs(score(model, education=1) - score(model, education=3)) < 0.05


def test_directional_late_payment_raises_risk(model) -> None:
    assert score(model, pay_0=4) > score(model, pay_0=0)


@pytest.mark.slow
def test_quality_gate_auc(model, test_split) -> None:
    proba = model.predict_proba(test_split.drop(columns=["default"]))[:, 1]
    assert roc_auc_score(test_split["default"], proba) >= 0.75
`;

export const testApi = `from fastapi.testclient import TestClient

from credit_default.serving.app import app

client = TestClient(app)


def test_predict_validates_age() -> None:
    response = client.post("/predict", json={"limit_bal": 1000, "age": 7, "education": 1, "pay_0": 0, "bill_amt1": 0})
    assert response.status_code == 422
`;
