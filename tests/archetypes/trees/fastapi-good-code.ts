/**
 * The application code and tests of the carefully built FastAPI churn service (archetype c).
 * Trap: a docstring shows `print(...)` usage; it is not output.
 */

export const settingsPy = `"""Runtime settings, read from the environment (and a local .env in development)."""
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Service settings; every field can be overridden with a CHURN_ environment variable."""

    model_config = SettingsConfigDict(env_prefix="CHURN_", env_file=".env")

    model_path: Path = Path("models/churn-model.joblib")
    log_level: str = "INFO"
    threshold: float = 0.5


@lru_cache
def get_settings() -> Settings:
    """Build the settings once per process."""
    return Settings()
`;

export const loggingPy = `"""Logging set-up: JSON lines to stdout, uvicorn's loggers routed through ours."""
import logging.config
from typing import Any


def configure_logging(level: str = "INFO") -> None:
    """Install the dictConfig below at the given level."""
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.jsonlogger.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            }
        },
        "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {"uvicorn.access": {"handlers": ["stdout"], "propagate": False}},
    }
    logging.config.dictConfig(config)
`;

export const schemasPy = `"""Request and response bodies of the API."""
from typing import Literal

from pydantic import BaseModel, Field


class Customer(BaseModel):
    """One customer's features, as the model was trained on them."""

    tenure_months: int = Field(ge=0, le=600)
    monthly_charges: float = Field(gt=0)
    total_charges: float = Field(ge=0)
    contract: Literal["month-to-month", "one-year", "two-year"]
    paperless_billing: bool
    support_calls: int = Field(ge=0)


class Prediction(BaseModel):
    """The churn probability and the decision at the configured threshold."""

    churn_probability: float = Field(ge=0, le=1)
    will_churn: bool
    model_version: str
`;

export const modelPy = `"""Loading the trained pipeline and scoring customers."""
import logging
from pathlib import Path

import joblib
import pandas as pd

from churn_service.schemas import Customer

logger = logging.getLogger(__name__)


class ChurnModel:
    """A fitted scikit-learn pipeline behind a small interface.

    Example:
        >>> model = ChurnModel.load(Path("models/churn-model.joblib"))
        >>> print(model.predict_proba(customer))
        0.27
    """

    def __init__(self, pipeline: object, version: str) -> None:
        self._pipeline = pipeline
        self.version = version

    @classmethod
    def load(cls, path: Path) -> "ChurnModel":
        """Load a pipeline saved with joblib; the file name's stem is the version."""
        pipeline = joblib.load(path)
        logger.info("model loaded", extra={"path": str(path), "version": path.stem})
        return cls(pipeline, path.stem)

    def predict_proba(self, customer: Customer) -> float:
        """Probability that this customer churns."""
        frame = pd.DataFrame([customer.model_dump()])
        return float(self._pipeline.predict_proba(frame)[0, 1])  # type: ignore[attr-defined]
`;

export const apiPy = `"""The HTTP API: health, readiness and prediction."""
import logging
from contextlib import asynccontextmanager
from collections.abc import AsyncIterator

from fastapi import Depends, FastAPI, Request
from prometheus_fastapi_instrumentator import Instrumentator

from churn_service.logging_config import configure_logging
from churn_service.model import ChurnModel
from churn_service.schemas import Customer, Prediction
from churn_service.settings import Settings, get_settings

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Configure logging and load the model once, before the first request."""
    settings = get_settings()
    configure_logging(settings.log_level)
    app.state.model = ChurnModel.load(settings.model_path)
    yield


app = FastAPI(title="churn-service", version="1.4.0", lifespan=lifespan)
Instrumentator().instrument(app).expose(app, endpoint="/metrics")


def get_model(request: Request) -> ChurnModel:
    """The model loaded at start-up."""
    return request.app.state.model  # type: ignore[no-any-return]


@app.get("/healthz")
def health() -> dict[str, str]:
    """Liveness probe."""
    return {"status": "ok"}


@app.post("/predict", response_model=Prediction)
def predict(
    customer: Customer,
    model: ChurnModel = Depends(get_model),
    settings: Settings = Depends(get_settings),
) -> Prediction:
    """Score one customer."""
    probability = model.predict_proba(customer)
    logger.info("prediction", extra={"probability": probability, "model": model.version})
    return Prediction(
        churn_probability=probability,
        will_churn=probability >= settings.threshold,
        model_version=model.version,
    )
`;

export const trainPy = `"""Train the churn pipeline from a CSV and save it with joblib."""
import argparse
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

logger = logging.getLogger(__name__)
CATEGORICAL = ["contract", "paperless_billing"]


def build_pipeline() -> Pipeline:
    """One-hot the categoricals, gradient boosting on the rest."""
    encode = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)], remainder="passthrough")
    return Pipeline([("encode", encode), ("model", HistGradientBoostingClassifier(max_iter=300))])


def main() -> None:
    """Command-line entry point: train, report AUC on a held-out split, save."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, default=Path("models/churn-model.joblib"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    frame = pd.read_csv(args.data)
    x, y = frame.drop(columns=["churned"]), frame["churned"]
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
    pipeline = build_pipeline().fit(x_train, y_train)
    logger.info("held-out AUC %.3f", roc_auc_score(y_test, pipeline.predict_proba(x_test)[:, 1]))
    joblib.dump(pipeline, args.out)


if __name__ == "__main__":
    main()
`;

export const conftestPy = `import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from churn_service.api import app, get_model
from churn_service.model import ChurnModel
from churn_service.train import build_pipeline


@pytest.fixture(scope="session")
def model() -> ChurnModel:
    rng = np.random.default_rng(0)
    n = 400
    frame = pd.DataFrame(
        {
            "tenure_months": rng.integers(0, 72, n),
            "monthly_charges": rng.uniform(20, 120, n),
            "total_charges": rng.uniform(0, 8000, n),
            "contract": rng.choice(["month-to-month", "one-year", "two-year"], n),
            "paperless_billing": rng.integers(0, 2, n).astype(bool),
            "support_calls": rng.integers(0, 6, n),
        }
    )
    churned = (frame["contract"] == "month-to-month") & (frame["support_calls"] > 2)
    return ChurnModel(build_pipeline().fit(frame, churned), "test")


@pytest.fixture()
def client(model: ChurnModel) -> TestClient:
    app.dependency_overrides[get_model] = lambda: model
    return TestClient(app)
`;

export const testApiPy = `from fastapi.testclient import TestClient

CUSTOMER = {
    "tenure_months": 3,
    "monthly_charges": 89.9,
    "total_charges": 269.7,
    "contract": "month-to-month",
    "paperless_billing": True,
    "support_calls": 4,
}


def test_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_predict_returns_a_probability(client: TestClient) -> None:
    body = client.post("/predict", json=CUSTOMER).json()
    assert 0 <= body["churn_probability"] <= 1
    assert body["model_version"] == "test"


def test_rejects_negative_tenure(client: TestClient) -> None:
    response = client.post("/predict", json={**CUSTOMER, "tenure_months": -1})
    assert response.status_code == 422


def test_rejects_unknown_contract(client: TestClient) -> None:
    response = client.post("/predict", json={**CUSTOMER, "contract": "weekly"})
    assert response.status_code == 422


def test_metrics_exposed(client: TestClient) -> None:
    client.get("/healthz")
    assert "http_requests_total" in client.get("/metrics").text
`;

export const testModelPy = `from churn_service.model import ChurnModel
from churn_service.schemas import Customer


def test_prediction_is_a_probability(model: ChurnModel) -> None:
    customer = Customer(
        tenure_months=40, monthly_charges=50.0, total_charges=2000.0,
        contract="two-year", paperless_billing=False, support_calls=0,
    )
    assert 0.0 <= model.predict_proba(customer) <= 1.0
`;
