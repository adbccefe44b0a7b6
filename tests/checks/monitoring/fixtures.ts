/**
 * Realistic repositories for the monitoring checks: a FastAPI model service, a notebook-only
 * Kaggle project, a training script full of prints, JS apps with pino and Probot.
 */

export const PYPROJECT = `[project]
name = "churn-service"
version = "0.3.0"
requires-python = ">=3.10"
dependencies = ["fastapi==0.111.0", "uvicorn[standard]==0.30.1", "scikit-learn==1.5.0", "pydantic==2.7.4"]

[project.optional-dependencies]
dev = ["pytest==8.2.2", "httpx==0.27.0"]
`;

export const LOGGING_CONFIG = `"""Logging set-up shared by the API and the training job."""
import logging.config

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
    "root": {"level": "INFO", "handlers": ["console"]},
}


def setup_logging() -> None:
    """Configure logging once, at start-up."""
    logging.config.dictConfig(LOGGING)
`;

export const FASTAPI_MAIN = `"""HTTP API serving the churn model.

Example:
    print(requests.post("http://localhost:8000/predict", json=row).json())
"""
import logging

from fastapi import FastAPI, HTTPException

from .logging_config import setup_logging
from .model import load_model
from .schemas import Customer, Prediction

setup_logging()
logger = logging.getLogger(__name__)
app = FastAPI(title="churn")
model = load_model()


@app.get("/health")
def health() -> dict[str, str]:
    """Liveness probe."""
    return {"status": "ok"}


@app.post("/predict", response_model=Prediction)
def predict(customer: Customer) -> Prediction:
    """Score one customer."""
    logger.info("predict request for tenure=%s", customer.tenure)
    try:
        score = model.predict_proba([customer.features()])[0][1]
    except ValueError:
        logger.exception("bad features")
        raise HTTPException(status_code=422, detail="invalid features")
    logger.debug("score=%.3f", score)
    return Prediction(churn=score)
`;

export const FASTAPI_MODEL = `"""Model loading."""
import logging
import os

import joblib

logger = logging.getLogger(__name__)
MODEL_PATH = os.environ.get("MODEL_PATH", "models/churn.joblib")


def load_model():
    """Load the trained pipeline from disk."""
    logger.info("loading model from %s", MODEL_PATH)
    # print("debug: loading")  -- old debugging, now a comment
    return joblib.load(MODEL_PATH)
`;

export const FASTAPI_TEST = `from fastapi.testclient import TestClient

from service.main import app


def test_health():
    client = TestClient(app)
    response = client.get("/health")
    print(response.json())
    assert response.status_code == 200
`;

/** A FastAPI service that configures logging and logs from every module. */
export const FASTAPI_SERVICE = {
  "pyproject.toml": PYPROJECT,
  "README.md": "# Churn service\n\nServe the churn model.\n",
  "src/service/__init__.py": "",
  "src/service/logging_config.py": LOGGING_CONFIG,
  "src/service/main.py": FASTAPI_MAIN,
  "src/service/model.py": FASTAPI_MODEL,
  "src/service/schemas.py": `from pydantic import BaseModel


class Customer(BaseModel):
    tenure: int
    monthly: float

    def features(self) -> list[float]:
        return [self.tenure, self.monthly]


class Prediction(BaseModel):
    churn: float
`,
  "tests/test_api.py": FASTAPI_TEST,
};

/** A notebook as Jupyter saves it. */
export function notebook(cells: string[][], outputs: unknown[] = []): string {
  return JSON.stringify(
    {
      cells: cells.map((source, i) =>
        i === 0
          ? { cell_type: "markdown", metadata: {}, source }
          : { cell_type: "code", execution_count: i, metadata: {}, outputs: i === 1 ? outputs : [], source },
      ),
      metadata: {
        kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
        language_info: { name: "python", version: "3.10.12" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkdvcPAAMBAWDvc2RUAAAAAElFTkSuQmCCdvc";

export const EDA_NOTEBOOK = notebook(
  [
    ["# Titanic survival\n", "Exploration; `import logging` would be overkill here.\n"],
    [
      "!pip install -q seaborn\n",
      "import pandas as pd\n",
      "import seaborn as sns\n",
      "df = pd.read_csv('train.csv')\n",
      "print(df.shape)",
    ],
    ["print(df.isna().sum())\n", "sns.histplot(df['Age'])"],
    ["model = fit(df)\n", "print(f'accuracy: {model.score:.3f}')"],
  ],
  [
    { output_type: "stream", name: "stdout", text: ["(891, 12)\n"] },
    { output_type: "display_data", data: { "image/png": PNG, "text/plain": ["<Figure>"] }, metadata: {} },
  ],
);

/** A Kaggle-style repository: notebooks, data, a README. */
export const NOTEBOOK_ONLY = {
  "README.md": "# Titanic\n\nMy first Kaggle competition.\n",
  "requirements.txt": "pandas\nseaborn\nscikit-learn\n",
  "notebooks/01-eda.ipynb": EDA_NOTEBOOK,
  "notebooks/02-model.ipynb": notebook([
    ["# Model"],
    ["import logging\n", "logging.basicConfig(level=logging.INFO)\n", "print('training')"],
  ]),
  "data/train.csv": "PassengerId,Survived\n1,0\n",
};

export const TRAIN_PRINTS = `import logging  # TODO: switch to logging
import argparse

import pandas as pd
from sklearn.ensemble import RandomForestClassifier


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/train.csv")
    args = parser.parse_args()
    print("loading", args.data)
    df = pd.read_csv(args.data)
    print("rows:", len(df))
    model = RandomForestClassifier(n_estimators=200)
    model.fit(df.drop(columns="y"), df["y"])
    print("train accuracy", model.score(df.drop(columns="y"), df["y"]))
    print("done")


if __name__ == "__main__":
    main()
`;

export const PINO_SERVER = `import express from "express";
import pino from "pino";
import pinoHttp from "pino-http";

const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

export function createServer() {
  const app = express();
  app.use(pinoHttp({ logger }));
  app.post("/predict", async (req, res) => {
    req.log.info({ rows: req.body.length }, "predict");
    try {
      res.json(await predict(req.body));
    } catch (err) {
      logger.error({ err }, "prediction failed");
      res.status(500).end();
    }
  });
  return app;
}

const port = Number(process.env.PORT ?? 3000);
createServer().listen(port, () => logger.info({ port }, "listening"));
`;

export const PROBOT_APP = `/**
 * Labels new issues.
 * @param {import('probot').Probot} app
 */
export default (app) => {
  app.log.info("app loaded");
  app.on("issues.opened", async (context) => {
    context.log.info({ issue: context.payload.issue.number }, "labelling");
    await context.octokit.issues.addLabels(context.issue({ labels: ["triage"] }));
  });
  app.on("installation.created", async (context) => {
    context.log("installed");
  });
};
`;

export const PACKAGE_JSON = JSON.stringify(
  { name: "churn-api", version: "1.0.0", type: "module", dependencies: { express: "^4.19.2", pino: "^9.2.0" } },
  null,
  2,
);
