/**
 * Realistic pieces of repositories for the testing checks: a src-layout ML package, its tests,
 * a FastAPI service, a React frontend, notebooks in nbformat 4.
 */

import type { Tree } from "../../helpers/tree.js";

/** A src-layout churn-prediction package's model module. */
export const MODEL_PY = `"""Train and serve the churn model."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score

logger = logging.getLogger(__name__)


@dataclass
class ChurnModel:
    """A gradient-boosting classifier over the customer features."""

    n_estimators: int = 200

    def fit(self, frame: pd.DataFrame, target: pd.Series) -> "ChurnModel":
        self.model_ = GradientBoostingClassifier(n_estimators=self.n_estimators).fit(frame, target)
        return self

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        return self.model_.predict(frame)

    def evaluate(self, frame: pd.DataFrame, target: pd.Series) -> float:
        score = f1_score(target, self.predict(frame))
        logger.info("f1=%.3f", score)
        return score
`;

/** The package's data loading module. */
export const DATA_PY = `"""Load and clean the raw customer table."""
import pandas as pd

COLUMNS = ["tenure", "monthly_charges", "contract", "churn"]


def load(path: str) -> pd.DataFrame:
    frame = pd.read_csv(path, usecols=COLUMNS)
    return frame.dropna()
`;

/** Real pytest tests of the model. */
export const TEST_MODEL_PY = `import numpy as np
import pandas as pd
import pytest

from churn.model import ChurnModel


@pytest.fixture
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame({"tenure": rng.integers(0, 72, 200), "monthly_charges": rng.normal(70, 20, 200)})


def test_fit_returns_model(frame):
    target = (frame["tenure"] < 12).astype(int)
    model = ChurnModel(n_estimators=10).fit(frame, target)
    assert hasattr(model, "model_")


def test_predict_has_one_label_per_row(frame):
    target = (frame["tenure"] < 12).astype(int)
    preds = ChurnModel(n_estimators=10).fit(frame, target).predict(frame)
    assert preds.shape == (len(frame),)


@pytest.mark.parametrize("n", [5, 10])
def test_estimators_are_kept(n):
    assert ChurnModel(n_estimators=n).n_estimators == n
`;

/** A pyproject for a src-layout package with pytest and pytest-cov at 85%. */
export const PYPROJECT_COV85 = `[build-system]
requires = ["setuptools>=68", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "churn"
version = "0.4.1"
requires-python = ">=3.10"
dependencies = [
  "pandas>=2.1",
  "scikit-learn>=1.4",
]

[project.optional-dependencies]
dev = ["pytest>=8.0", "pytest-cov>=5.0", "ruff>=0.6"]

[tool.setuptools.packages.find]
where = ["src"]

[tool.pytest.ini_options]
addopts = "-ra --strict-markers --cov=churn --cov-report=term-missing --cov-fail-under=85"
testpaths = ["tests"]
`;

/** A plain pyproject without tool tables. */
export const PYPROJECT_PLAIN = `[project]
name = "churn"
version = "0.1.0"
dependencies = ["pandas>=2.1", "scikit-learn>=1.4"]
`;

/** A GitHub Actions workflow running a command on push and pull requests. */
export function workflow(run: string, extraSteps = ""): string {
  return `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install -e ".[dev]"
      - run: ${run}
${extraSteps}`;
}

/** An nbformat 4 notebook with the given code cells. */
export function notebook(...cells: string[]): string {
  return JSON.stringify(
    {
      cells: cells.map((source) => ({
        cell_type: "code",
        execution_count: 1,
        metadata: {},
        outputs: [],
        source: source.split(/(?<=\n)/),
      })),
      metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

/** A React component of some size (so the frontend counts as a main language). */
export const REACT_APP = `import { useEffect, useState } from "react";

export interface Prediction {
  customerId: string;
  churnProbability: number;
}

export function App() {
  const [rows, setRows] = useState<Prediction[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/predictions")
      .then((r) => r.json())
      .then(setRows)
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  return (
    <table>
      <tbody>
        {rows.map((r) => (
          <tr key={r.customerId}>
            <td>{r.customerId}</td>
            <td>{(r.churnProbability * 100).toFixed(1)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`;

/** A real Vitest test of the frontend. */
export const REACT_TEST = `import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "./App";

describe("App", () => {
  it("shows the error when the API fails", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new Error("down")));
    render(<App />);
    expect(await screen.findByRole("alert")).toHaveTextContent("down");
  });

  it.each([0.1, 0.5])("formats probability %s", async (p) => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue({ json: () => [{ customerId: "c1", churnProbability: p }] }));
    render(<App />);
    expect(await screen.findByText(\`\${(p * 100).toFixed(1)}%\`)).toBeInTheDocument();
  });
});
`;

/** package.json of a Vite React app. */
export function packageJson(scripts: Record<string, string>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      name: "churn-dashboard",
      private: true,
      version: "0.1.0",
      type: "module",
      scripts,
      dependencies: { react: "^18.3.1", "react-dom": "^18.3.1" },
      devDependencies: { vite: "^5.4.0", typescript: "^5.5.0" },
      ...extra,
    },
    null,
    2,
  );
}

/** npm init's placeholder test script. */
export const NPM_DEFAULT = 'echo "Error: no test specified" && exit 1';

/** The churn package's source (package, model, data): the base of most testing-check trees. */
export const CHURN_SRC: Tree = {
  "src/churn/__init__.py": '"""Churn prediction."""\n',
  "src/churn/model.py": MODEL_PY,
  "src/churn/data.py": DATA_PY,
};

/** One row of a check's table test: a tree and the status and finding ids it must give. */
export interface CheckCase {
  name: string;
  tree: Tree;
  status: "pass" | "partial" | "fail" | "not_applicable";
  ids: string[];
}
