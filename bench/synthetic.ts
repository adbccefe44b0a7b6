/**
 * Synthetic repositories for benchmarks: a Python ML service with a TypeScript front end,
 * tests, notebooks and data, at any size. Deterministic (seeded), so runs compare.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A tiny deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT_FILES: Record<string, string> = {
  "README.md": `# Churn model service\n\nPredicts customer churn and serves it over HTTP.\n\n## Installation\n\n\`\`\`bash\npip install -r requirements.txt\n\`\`\`\n\n## Usage\n\n\`\`\`bash\nuvicorn app.main:app\n\`\`\`\n\n## Tests\n\n\`\`\`bash\npytest\n\`\`\`\n\n## License\n\nMIT\n`,
  LICENSE:
    "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software...\n",
  "pyproject.toml": `[project]\nname = "churn"\nversion = "1.0.0"\ndependencies = ["fastapi==0.115.0", "pydantic==2.9.2", "scikit-learn==1.5.2", "mlflow==2.17.0"]\n\n[tool.pytest.ini_options]\naddopts = "--cov=app --cov-fail-under=85"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n`,
  "requirements.txt": "fastapi==0.115.0\npydantic==2.9.2\nscikit-learn==1.5.2\nmlflow==2.17.0\npandas==2.2.3\n",
  Dockerfile:
    'FROM python:3.12.7-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app ./app\nUSER 1000\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
  ".dockerignore": ".git\n.venv\n",
  ".gitignore": "__pycache__/\n.venv/\n.env\nnode_modules/\n.ipynb_checkpoints/\n",
  ".pre-commit-config.yaml":
    "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.7.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n",
  ".github/workflows/ci.yml":
    "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n      - run: pip install -r requirements.txt\n      - run: ruff check .\n      - run: pytest\n",
  "dvc.yaml": "stages:\n  train:\n    cmd: python -m app.train\n",
  "frontend/package.json": `{"name":"ui","scripts":{"test":"vitest run"},"devDependencies":{"vitest":"4.1.12"}}\n`,
};

function pythonModule(r: () => number, i: number): string {
  const fns = 2 + Math.floor(r() * 6);
  const parts = [
    `"""Module ${i}: feature engineering helpers."""`,
    "import logging",
    "",
    "import numpy as np",
    "",
    "logger = logging.getLogger(__name__)",
    "",
  ];
  for (let f = 0; f < fns; f++) {
    const doc = r() < 0.7 ? `    """Compute feature ${f} of the batch."""\n` : "";
    parts.push(
      `def feature_${f}(values: list[float], scale: float = ${(r() * 10).toFixed(2)}) -> float:\n${doc}    logger.debug("feature ${f}")\n    total = sum(v * scale for v in values)  # weighted\n    return float(np.mean(values)) + total\n`,
    );
  }
  return parts.join("\n");
}

function testModule(i: number): string {
  return `from app.features.m${i} import feature_0\n\n\ndef test_feature_0_is_finite():\n    assert feature_0([1.0, 2.0]) > 0\n`;
}

function tsModule(r: () => number, i: number): string {
  return `/** Component ${i}. */\nexport function render${i}(n: number): string {\n  return "<div>" + String(n * ${Math.floor(r() * 100)}) + "</div>";\n}\n`;
}

function notebook(i: number): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", metadata: {}, source: [`# Exploration ${i}`] },
      {
        cell_type: "code",
        metadata: {},
        execution_count: 1,
        outputs: [],
        source: ["import pandas as pd\n", "df = pd.read_csv('data/train.csv')\n", "df.describe()"],
      },
    ],
  });
}

/** Write (once) a synthetic repository of about `files` files; returns its folder. */
export function syntheticRepo(outDir: string, files: number, seed = 42): string {
  const dir = join(outDir, `repo-${files}`);
  const marker = `${dir}.complete`;
  if (existsSync(marker)) return dir;
  const r = rng(seed);
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [path, text] of Object.entries(ROOT_FILES)) write(path, text);
  const remaining = files - Object.keys(ROOT_FILES).length;
  for (let i = 0; i < remaining; i++) {
    const kind = r();
    const pkg = `p${Math.floor(i / 500)}`;
    if (kind < 0.55) write(`app/${pkg}/m${i}.py`, pythonModule(r, i));
    else if (kind < 0.7) write(`tests/${pkg}/test_m${i}.py`, testModule(i));
    else if (kind < 0.82) write(`frontend/src/${pkg}/c${i}.ts`, tsModule(r, i));
    else if (kind < 0.83) write(`notebooks/${pkg}/n${i}.ipynb`, notebook(i));
    else if (kind < 0.9)
      write(`configs/${pkg}/c${i}.yaml`, `learning_rate: ${r().toFixed(4)}\nepochs: ${Math.floor(r() * 100)}\n`);
    else write(`data/${pkg}/d${i}.csv`, "id,value\n1,2\n3,4\n");
  }
  writeFileSync(marker, "");
  return dir;
}
