// The small repository the build scans to make the CLI's V8 code cache (scripts/bundle.mjs).
// What matters is which code runs, not what it scores: a Python ML service with notebooks,
// tests, a TypeScript front end, a container, CI and MLOps files, so that every check and
// every parser the checklist uses compiles once.
const py = (name, body) => [`app/${name}.py`, body];

export const TRAINING_REPO = Object.fromEntries([
  [
    "README.md",
    "# Demand forecast\n\n[![CI][ci-badge]][ci] ![coverage](https://img.shields.io/badge/coverage-91%25-green)\n\n" +
      "Forecasts daily demand and serves it over HTTP.\n\n## Installation\n\n```bash\npip install -r requirements.txt\n```\n\n" +
      "## Usage\n\n```bash\nuvicorn app.api:app\n```\n\n| step | command |\n| --- | --- |\n| test | `make test` |\n\n" +
      "## License\n\nMIT\n\n[ci]: https://github.com/o/r/actions\n[ci-badge]: https://github.com/o/r/actions/workflows/ci.yml/badge.svg\n",
  ],
  [
    "LICENSE",
    "MIT License\n\nCopyright (c) 2026\n\nPermission is hereby granted, free of charge, to any person obtaining a copy...\n",
  ],
  [
    "pyproject.toml",
    '[project]\nname = "forecast"\nversion = "0.3.0"\nlicense = "MIT"\nrequires-python = ">=3.11"\n' +
      'dependencies = ["fastapi>=0.110,<1", "pydantic==2.9.2", "scikit-learn~=1.5", "mlflow==2.17.0", "torch==2.4.1"]\n\n' +
      '[project.optional-dependencies]\ndev = ["pytest==8.3.3", "pytest-cov==5.0.0", "ruff==0.7.0", "mypy==1.13.0"]\n\n' +
      '[tool.pytest.ini_options]\naddopts = "--cov=app --cov-fail-under=85"\ntestpaths = ["tests"]\n\n' +
      "[tool.coverage.report]\nfail_under = 85\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n",
  ],
  ["setup.cfg", "[metadata]\nname = forecast\n\n[flake8]\nmax-line-length = 100\n"],
  ["tox.ini", "[tox]\nenvlist = py312\n\n[testenv]\ndeps = -r requirements-dev.txt\ncommands = pytest --cov\n"],
  [
    "requirements.txt",
    "# runtime\nfastapi==0.115.0\npydantic==2.9.2\nscikit-learn==1.5.2  # model\nmlflow==2.17.0\nuvicorn[standard]==0.32.0 ; python_version >= '3.11'\n",
  ],
  ["requirements-dev.txt", "-r requirements.txt\npytest==8.3.3\npytest-cov==5.0.0\n"],
  ["Makefile", ".PHONY: test lint\ntest:\n\tpytest --cov=app\n\nlint:\n\truff check .\n\tmypy app\n"],
  [
    "Dockerfile",
    "FROM python:3.12.7-slim AS build\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n" +
      'COPY app ./app\nARG VERSION=dev\nENV PORT=8000\nRUN useradd -m svc\nUSER svc\nHEALTHCHECK CMD curl -f http://localhost:8000/health\nCMD ["uvicorn", "app.api:app", "--host", "0.0.0.0"]\n',
  ],
  [".dockerignore", ".git\n.venv\n__pycache__\n"],
  ["docker-compose.yml", "services:\n  api:\n    build: .\n    ports: ['8000:8000']\n"],
  [".gitignore", "__pycache__/\n.venv/\n.env\nnode_modules/\nmlruns/\n*.pt\n"],
  [".env.example", "MLFLOW_TRACKING_URI=http://localhost:5000\nAPI_KEY=your-key-here\n"],
  [
    ".pre-commit-config.yaml",
    "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.7.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n",
  ],
  [
    ".github/workflows/ci.yml",
    "name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n" +
      "    strategy:\n      matrix:\n        python: ['3.11', '3.12']\n    steps:\n" +
      "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n      - uses: actions/setup-python@v5\n" +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, in YAML
      "        with:\n          python-version: ${{ matrix.python }}\n      - run: pip install -r requirements-dev.txt\n" +
      "      - run: make lint\n      - run: make test\n      - uses: codecov/codecov-action@v4\n" +
      "  deploy:\n    needs: test\n    uses: ./.github/workflows/deploy.yml\n",
  ],
  [
    ".github/workflows/deploy.yml",
    "on: workflow_call\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n      - run: docker build -t app .\n",
  ],
  [
    "dvc.yaml",
    "stages:\n  train:\n    cmd: python -m app.train\n    deps: [data/raw.csv]\n    outs: [models/model.pkl]\n",
  ],
  ["data/raw.csv.dvc", "outs:\n- md5: 0f343b0931126a20f133d67c2b018a3b\n  path: raw.csv\n"],
  ["configs/train.yaml", "model:\n  depth: 6\n  lr: 0.1\nseed: 42\n"],
  ["k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"],
  [
    "monitoring/prometheus.yml",
    "scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ['api:8000']\n",
  ],
  ["app/__init__.py", '"""Demand forecasting service."""\n'],
  py(
    "api",
    '"""HTTP API serving the model."""\nimport logging\nimport os\n\nfrom fastapi import FastAPI\nfrom prometheus_client import Counter\n' +
      "from pydantic import BaseModel\n\nfrom app.model import Forecaster\n\nlogger = logging.getLogger(__name__)\n" +
      'app = FastAPI()\nREQUESTS = Counter("requests_total", "Requests")\nMODEL_PATH = os.environ.get("MODEL_PATH", "models/model.pkl")\n\n\n' +
      'class Query(BaseModel):\n    """A forecast request."""\n\n    store: int\n    days: int = 7\n\n\n' +
      '@app.get("/health")\ndef health() -> dict[str, str]:\n    """Liveness probe."""\n    return {"status": "ok"}\n\n\n' +
      '@app.post("/predict")\nasync def predict(q: Query) -> list[float]:\n    """Forecast the next days."""\n    REQUESTS.inc()\n' +
      '    logger.info("predict", extra={"store": q.store})\n    return Forecaster.load(MODEL_PATH).predict(q.store, q.days)\n',
  ),
  py(
    "model",
    '"""The forecasting model."""\nfrom __future__ import annotations\n\nimport logging\nimport pickle\nfrom dataclasses import dataclass\n\n' +
      "import numpy as np\nimport torch\nfrom sklearn.ensemble import GradientBoostingRegressor\n\nlog = logging.getLogger(__name__)\n\n\n" +
      '@dataclass\nclass Forecaster:\n    """Gradient-boosted forecaster."""\n\n    model: GradientBoostingRegressor\n\n' +
      '    @classmethod\n    def load(cls, path: str) -> "Forecaster":\n        """Load a trained model."""\n        with open(path, "rb") as f:\n' +
      "            return cls(pickle.load(f))\n\n    def predict(self, store: int, days: int) -> list[float]:\n" +
      '        """Predict `days` values."""\n        x = np.arange(days, dtype=float).reshape(-1, 1) + store\n        print(f"debug {x}")  # noqa\n' +
      "        return [float(v) for v in self.model.predict(x)]\n\n\ndef device() -> str:\n    return 'cuda' if torch.cuda.is_available() else 'cpu'\n",
  ),
  py(
    "train",
    '"""Training entry point, tracked with MLflow."""\nimport argparse\nimport logging\n\nimport mlflow\nimport yaml\n\n' +
      "from app.features import build_features\n\n\ndef main(argv: list[str] | None = None) -> None:\n" +
      '    parser = argparse.ArgumentParser()\n    parser.add_argument("--config", default="configs/train.yaml")\n' +
      "    args = parser.parse_args(argv)\n    logging.basicConfig(level=logging.INFO)\n    with open(args.config) as f:\n        cfg = yaml.safe_load(f)\n" +
      '    with mlflow.start_run():\n        mlflow.log_params(cfg["model"])\n        build_features(cfg)\n\n\nif __name__ == "__main__":\n    main()\n',
  ),
  py(
    "features",
    '"""Feature engineering."""\nimport pandas as pd\n\n\ndef build_features(cfg: dict) -> pd.DataFrame:\n    """Lag features.\n\n    print("not code")\n    """\n' +
      "    # import logging is a comment\n    df = pd.read_csv(\"data/raw.csv\")\n    s = '''a \"string\" with # no comment'''\n" +
      '    df["lag1"] = df["y"].shift(1)\n    return df.dropna()\n\n\nclass Scaler:\n    def __init__(self, k: float) -> None:\n        self.k = k\n\n' +
      "    def __call__(self, v: float) -> float:\n        return v * self.k if v else \\\n            0.0\n",
  ),
  ["tests/conftest.py", "import pytest\n\n\n@pytest.fixture\ndef cfg():\n    return {'model': {'depth': 2}}\n"],
  [
    "tests/test_model.py",
    "import numpy as np\nimport pytest\n\nfrom app.features import Scaler\nfrom app.model import Forecaster\n\n\n" +
      "def test_scaler():\n    assert Scaler(2)(3) == 6\n\n\n@pytest.mark.parametrize('k', [1, 2])\ndef test_scaler_many(k):\n" +
      "    assert np.isclose(Scaler(k)(1.0), k)\n\n\ndef test_placeholder():\n    assert True\n\n\nclass TestModel:\n" +
      "    def test_shape(self, cfg):\n        assert cfg['model']['depth'] == 2\n",
  ],
  [
    "notebooks/explore.ipynb",
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "python3" } },
      cells: [
        { cell_type: "markdown", metadata: {}, source: ["# Exploration"] },
        {
          cell_type: "code",
          metadata: {},
          execution_count: 1,
          outputs: [{ output_type: "stream", name: "stdout", text: ["dvc wandb\n"] }],
          source: ["import pandas as pd\n", "import wandb\n", "df = pd.read_csv('data/raw.csv')\n", "print(df.head())"],
        },
        {
          cell_type: "code",
          metadata: {},
          execution_count: 2,
          outputs: [],
          source: ["!pip install seaborn\n", "%matplotlib inline"],
        },
      ],
    }),
  ],
  [
    "frontend/package.json",
    JSON.stringify(
      {
        name: "ui",
        private: true,
        license: "MIT",
        type: "module",
        scripts: { build: "tsc -b", test: "vitest run --coverage", lint: "eslint .", format: "prettier --check ." },
        dependencies: { react: "18.3.1" },
        devDependencies: { vitest: "4.1.12", typescript: "^5.6.0", eslint: "9.13.0", prettier: "3.3.3" },
      },
      null,
      2,
    ),
  ],
  [
    "frontend/tsconfig.json",
    '{\n  // strict\n  "compilerOptions": { "strict": true, "noEmit": true, "paths": { "@/*": ["./src/*"] } }\n}\n',
  ],
  ["frontend/vitest.config.ts", "export default { test: { coverage: { thresholds: { lines: 80 } } } };\n"],
  ["frontend/eslint.config.js", 'export default [{ rules: { "no-unused-vars": "error" } }];\n'],
  [
    "frontend/src/api.ts",
    '/** Client for the forecast API. */\nimport { z } from "zod";\n\nconst Forecast = z.array(z.number());\n\n' +
      "export interface Query {\n  store: number;\n  days?: number;\n}\n\n/** Fetch a forecast. */\n" +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source held as text
      "export async function forecast(q: Query): Promise<number[]> {\n  const res = await fetch(`${import.meta.env.VITE_API}/predict`, {\n" +
      '    method: "POST",\n    body: JSON.stringify(q),\n  });\n  console.log("forecast", q.store);\n  return Forecast.parse(await res.json());\n}\n\n' +
      "export const fmt = (n: number): string => n.toFixed(2);\nexport default class Cache<T> {\n  #items = new Map<string, T>();\n" +
      "  get(k: string): T | undefined {\n    return this.#items.get(k);\n  }\n}\n",
  ],
  [
    "frontend/src/App.tsx",
    'import { useState } from "react";\nimport { forecast } from "./api";\n\n/** The page. */\nexport function App(): JSX.Element {\n' +
      "  const [v, setV] = useState<number[]>([]);\n  return <button onClick={() => forecast({ store: 1 }).then(setV)}>{v.length}</button>;\n}\n",
  ],
  [
    "frontend/src/api.test.ts",
    'import { describe, expect, it } from "vitest";\nimport { fmt } from "./api";\n\ndescribe("fmt", () => {\n' +
      '  it("rounds", () => {\n    expect(fmt(1.234)).toBe("1.23");\n  });\n});\n',
  ],
  [
    "frontend/src/legacy.js",
    "// eslint-disable-next-line\nmodule.exports = function legacy(a) {\n  return a + 1;\n};\n",
  ],
]);
