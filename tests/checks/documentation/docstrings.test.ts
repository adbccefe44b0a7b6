import { describe, expect, it } from "vitest";
import { docstrings, shareScore } from "../../../checks/documentation/docstrings.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const DOCUMENTED_PY = `"""Training and inference for the churn model."""
from dataclasses import dataclass

import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier


@dataclass
class TrainConfig:
    """Hyper-parameters of a training run."""

    n_estimators: int = 300
    learning_rate: float = 0.05


class ChurnModel:
    """Gradient-boosted churn classifier with its feature pipeline."""

    def __init__(self, config: TrainConfig) -> None:
        self.config = config
        self._model = GradientBoostingClassifier(n_estimators=config.n_estimators)

    def fit(self, frame: pd.DataFrame) -> "ChurnModel":
        """Fit the model on a frame with a \`churned\` column."""
        self._model.fit(frame.drop(columns="churned"), frame["churned"])
        return self

    def predict_proba(self, frame: pd.DataFrame) -> pd.Series:
        """Probability of churn for each row."""
        return pd.Series(self._model.predict_proba(frame)[:, 1], index=frame.index)

    def _features(self, frame):
        return frame


def load(path: str) -> ChurnModel:
    """Load a model saved with \`save\`."""
    return joblib.load(path)


def save(model: ChurnModel, path: str) -> None:
    """Save a model with joblib."""
    joblib.dump(model, path)
`;

const UNDOCUMENTED_PY = `import pandas as pd
from fastapi import FastAPI

app = FastAPI()


def clean(df):
    # drop rows without a target
    return df.dropna(subset=["target"])


def add_features(df):
    df["ratio"] = df["a"] / df["b"]
    return df


class Predictor:
    def __init__(self, model):
        self.model = model

    def predict(self, rows):
        return self.model.predict(rows)


@app.post("/predict")
def predict(payload: dict):
    return {"score": 0.5}
`;

/** A docstring that mentions "def" and a comment must not fool the reader. */
const TRICKY_PY = `def run():
    '''Run it.

    def fake(): not a definition
    '''
    return 1


def later():  # """not a docstring"""
    return 2
`;

const DOCUMENTED_TS = `import type { Request } from "express";

/** Scores a batch of rows with the loaded model. */
export function score(rows: number[][]): number[] {
  return rows.map(() => 0);
}

/** Wraps the model for the HTTP layer. */
export class ModelService {
  /** Predicts one row. */
  predict(row: number[]): number {
    return row.length;
  }
}

/** Parses a request body into rows. */
export const parseRows = (req: Request): number[][] => req.body.rows;
`;

const UNDOCUMENTED_TSX = `import { useState } from "react";

export function PredictionForm({ onSubmit }: { onSubmit: (v: string) => void }) {
  const [value, setValue] = useState("");
  return <form onSubmit={() => onSubmit(value)}><input value={value} onChange={(e) => setValue(e.target.value)} /></form>;
}

export const ResultCard = ({ score }: { score: number }) => <div>{score}</div>;
`;

const TEST_PY = `def test_clean():
    assert True


def helper_without_doc():
    return 1
`;

const NOTEBOOK = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: ["# EDA\n", "Helpers below."] },
    {
      cell_type: "code",
      metadata: {},
      execution_count: 1,
      outputs: [],
      source: ["def load(path):\n", "    return pd.read_csv(path)\n", "\n", "def plot(df):\n", "    df.hist()\n"],
    },
  ],
});

type Case = [name: string, tree: Tree, status: string, ids: string[]];

const CASES: Case[] = [
  [
    "documented Python package",
    { "src/churn/model.py": DOCUMENTED_PY, "src/churn/__init__.py": '"""Churn."""\n' },
    "pass",
    ["docstrings-coverage"],
  ],
  ["documented TypeScript service", { "src/service.ts": DOCUMENTED_TS }, "pass", ["docstrings-coverage"]],
  [
    "tests and packaging scripts do not count",
    {
      "src/churn/model.py": DOCUMENTED_PY,
      "tests/test_model.py": TEST_PY,
      "setup.py": "def read(p):\n    return open(p).read()\n",
    },
    "pass",
    ["docstrings-coverage"],
  ],
  [
    "half documented: a Python backend with an undocumented React front end",
    { "api/model.py": DOCUMENTED_PY, "web/src/Form.tsx": UNDOCUMENTED_TSX, "api/app.py": UNDOCUMENTED_PY },
    "partial",
    ["docstrings-coverage", "docstrings-missing", "docstrings-missing"],
  ],
  [
    "a docstring and a comment that look like code",
    { "app/run.py": TRICKY_PY },
    "partial",
    ["docstrings-coverage", "docstrings-missing"],
  ],
  [
    "no docstrings in a FastAPI app",
    { "app/main.py": UNDOCUMENTED_PY },
    "fail",
    ["docstrings-coverage", "docstrings-missing"],
  ],
  [
    "no doc comments on React components",
    { "src/Form.tsx": UNDOCUMENTED_TSX },
    "fail",
    ["docstrings-coverage", "docstrings-missing"],
  ],
  [
    "notebook-only project with undocumented helpers",
    { "analysis.ipynb": NOTEBOOK },
    "fail",
    ["docstrings-coverage", "docstrings-missing"],
  ],
  [
    "modules holding only a docstring are not documented code",
    { "pkg/__init__.py": '"""The package."""\n', "pkg/constants.py": '"""Constants."""\nSEED = 42\n' },
    "not_applicable",
    ["docstrings-no-public-code"],
  ],
  [
    "no source at all",
    { "README.md": "# Data\n", "data/train.csv": "a,b\n1,2\n" },
    "not_applicable",
    ["docstrings-no-public-code"],
  ],
  [
    "a documented download script beside an R project is glue, not the project's API",
    {
      "R/clean.R": { mode: "file", size: 6000 },
      "analysis.Rmd": { mode: "file", size: 9000 },
      "scripts/download.py": 'def fetch(url):\n    """Download one file."""\n    return url\n',
    },
    "not_applicable",
    ["docstrings-no-public-code"],
  ],
  [
    "config files, stories and Next.js routes are not API",
    {
      "vite.config.ts": "export default function config() { return {}; }",
      "src/Button.stories.tsx": "export const Primary = () => <button />;",
      "app/page.tsx": "export default function Page() { return <main />; }",
    },
    "not_applicable",
    ["docstrings-no-public-code"],
  ],
];

describe("documentation.docstrings", () => {
  it.each(CASES)("%s", (_name, tree, status, ids) => {
    const r = runCheck(docstrings, tree);
    expect({ status: r.status, ids: r.ids }).toEqual({ status, ids });
  });

  it("reports the share and the worst file with the first undocumented symbol", () => {
    const r = runCheck(docstrings, { "app/main.py": UNDOCUMENTED_PY, "src/churn/model.py": DOCUMENTED_PY });
    expect(r.findings[0]?.message).toMatch(/^6 of 11 public functions and classes documented \(55%; Python 6\/11\)/);
    expect(r.findings[1]).toMatchObject({
      path: "app/main.py",
      line: 7,
      docs: "https://peps.python.org/pep-0257/",
      message: expect.stringContaining("5 of 5"),
    });
  });

  it("links TSDoc for JS/TS files", () => {
    const f = runCheck(docstrings, { "src/Form.tsx": UNDOCUMENTED_TSX }).findings[1];
    expect(f).toMatchObject({ path: "src/Form.tsx", line: 3, docs: "https://tsdoc.org/" });
  });

  it.each([
    [1, 1],
    [0.7, 0.75],
    [0.2, 0.25],
    [0, 0],
    [0.45, 0.5],
  ])("share %d scores %d", (share, score) => {
    expect(shareScore(share)).toBeCloseTo(score);
  });
});
