/** Repositories the App tests scan: small, but real enough for every criterion to say something. */
import type { Tree } from "../helpers/tree.js";

/** A small ML service: README, license, pinned deps, tests with coverage, CI, Dockerfile, logging. */
export const PORTFOLIO: Tree = {
  "README.md":
    "# Churn model\n\nPredicts customer churn and serves it over HTTP.\n\n## Setup\n\n```bash\npip install -r requirements.txt\n```\n\n## Usage\n\n```bash\nuvicorn churn.api:app\n```\n\n## Tests\n\n```bash\npytest\n```\n\n## License\n\nMIT\n",
  LICENSE:
    'MIT License\n\nCopyright (c) 2024 Jane Doe\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction.\n',
  ".gitignore": "__pycache__/\n.venv/\n",
  "pyproject.toml":
    '[project]\nname = "churn"\nversion = "0.3.0"\nrequires-python = ">=3.10"\ndependencies = ["scikit-learn==1.5.2", "pandas==2.2.3", "fastapi==0.115.0"]\n\n[tool.pytest.ini_options]\naddopts = "--cov=churn --cov-fail-under=85"\n\n[tool.ruff]\nline-length = 100\n',
  "requirements.txt": "pandas==2.2.3\nscikit-learn==1.5.2\nfastapi==0.115.0\n",
  "src/churn/__init__.py": '"""Churn prediction."""\n',
  "src/churn/train.py":
    'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef train(path: str) -> None:\n    """Train the model."""\n    logger.info("training on %s", path)\n',
  "src/churn/api.py":
    'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health() -> dict:\n    """Liveness probe."""\n    return {"ok": True}\n',
  "tests/test_train.py": "from churn.train import train\n\n\ndef test_train(tmp_path):\n    train(str(tmp_path))\n",
  ".github/workflows/ci.yml":
    "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -e . pytest pytest-cov ruff\n      - run: ruff check .\n      - run: pytest\n",
  Dockerfile:
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\nUSER 1000\nCMD ["uvicorn", "churn.api:app"]\n',
};

/** A bare repository: one notebook and a one-line README. Scores low. */
export const BARE: Tree = {
  "README.md": "# homework\n",
  "analysis.py": "import pandas as pd\nprint(pd.read_csv('data.csv').describe())\n",
};
