import { describe, expect, it } from "vitest";
import { modulesCheck } from "../../../checks/code_structure/modules.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { blob, CCDS_SKELETON, FASTAPI_SERVICE, KAGGLE, notebook } from "./fixtures.js";

const TRAIN_SCRIPT = `import pandas as pd
import joblib
from sklearn.ensemble import GradientBoostingClassifier

df = pd.read_csv("data.csv")
X, y = df.drop(columns=["target"]), df["target"]
model = GradientBoostingClassifier(n_estimators=200).fit(X, y)
joblib.dump(model, "model.pkl")
print("done")
`;

/** A cookiecutter layout whose modules hold the real code. */
const CCDS_FILLED: Tree = {
  ...CCDS_SKELETON,
  "src/data/make_dataset.py":
    '"""Clean the raw churn export."""\nimport pandas as pd\n\n\ndef make_dataset(raw: str, out: str) -> None:\n    df = pd.read_csv(raw)\n    df.dropna().to_parquet(out)\n',
  "src/features/build_features.py":
    '"""Features."""\nimport pandas as pd\n\n\ndef build(df: pd.DataFrame) -> pd.DataFrame:\n    return df.assign(ratio=df.a / df.b)\n',
  "src/models/train_model.py":
    '"""Training."""\nfrom sklearn.ensemble import RandomForestClassifier\n\n\ndef train(x, y):\n    return RandomForestClassifier().fit(x, y)\n',
  "src/models/predict_model.py": '"""Scoring."""\n\n\ndef predict(model, x):\n    return model.predict(x)\n',
  "src/visualization/visualize.py":
    '"""Plots."""\nimport matplotlib.pyplot as plt\n\n\ndef plot(df):\n    df.plot()\n    plt.show()\n',
};

/** A package whose modules load data and train when imported. */
const IMPORT_TIME: Tree = {
  "pyproject.toml": '[project]\nname = "churn"\nversion = "0.1.0"\n',
  "churn/__init__.py": "",
  "churn/data.py": 'import pandas as pd\n\ndf = pd.read_csv("data/train.csv")\nprint(df.shape)\n',
  "churn/train.py":
    "from sklearn.linear_model import LogisticRegression\nfrom churn.data import df\n\nmodel = LogisticRegression()\nmodel.fit(df.drop(columns=['y']), df['y'])\n",
  "churn/features.py": "def ratio(a, b):\n    return a / b\n",
  "churn/evaluate.py": "from sklearn.metrics import f1_score\n\ndef score(y, p):\n    return f1_score(y, p)\n",
};

const R_WITH_GLUE: Tree = {
  "R/clean.R": { mode: "file", size: 4200 },
  "R/models.R": { mode: "file", size: 3100 },
  "analysis.Rmd": { mode: "file", size: 6800 },
  "scripts/download_data.py":
    'import requests\n\n\ndef fetch(url, dest):\n    with requests.get(url, stream=True, timeout=60) as r:\n        dest.write_bytes(r.content)\n\n\nif __name__ == "__main__":\n    fetch("https://example-data.org/seer.csv", Path("data/raw/seer.csv"))\n',
};

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["an R project with a Python download script: glue, not judged", R_WITH_GLUE, "not_applicable", ["no-code"]],
  ["FastAPI service with an app/ package", FASTAPI_SERVICE, "pass", ["package-layout", "separate-concerns"]],
  [
    "cookiecutter layout with real modules and notebooks beside them",
    CCDS_FILLED,
    "pass",
    ["package-layout", "separate-concerns", "notebooks-beside-code"],
  ],
  [
    "library with a src/ layout and tests",
    {
      "pyproject.toml": '[project]\nname = "textstat"\nversion = "1.0"\n',
      "src/textstat/__init__.py": '"""Readability scores."""\nfrom .core import flesch\n',
      "src/textstat/core.py": "def flesch(text: str) -> float:\n    return 206.835 - len(text)\n",
      "src/textstat/cli.py":
        "import sys\nfrom .core import flesch\n\ndef main() -> None:\n    print(flesch(sys.argv[1]))\n",
      "tests/test_core.py": "from textstat.core import flesch\n\ndef test_flesch():\n    assert flesch('') > 0\n",
    },
    "pass",
    ["package-layout", "separate-concerns"],
  ],
  [
    "TypeScript app with src/ modules",
    {
      "package.json": '{"name":"web","dependencies":{"react":"18.2.0"}}',
      "src/App.tsx": "export function App() { return null; }\n",
      "src/api/client.ts": "export const get = (u: string) => fetch(u);\n",
      "src/components/Chart.tsx": "export const Chart = () => null;\n",
      "vite.config.ts": "export default {};\n",
    },
    "pass",
    ["package-layout", "separate-concerns"],
  ],
  [
    "namespace folders without __init__.py",
    {
      "api/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
      "api/routes.py": "def health():\n    return {'ok': True}\n",
      "training/train.py": "def train():\n    pass\n",
      "training/data.py": "def load():\n    pass\n",
    },
    "pass",
    ["module-folders", "separate-concerns"],
  ],
  ["Kaggle repo: one notebook and CSV files", KAGGLE, "fail", ["notebooks-only", "artefacts-beside-code"]],
  [
    "notebooks only, in a folder",
    {
      "README.md": "# EDA\n",
      "notebooks/01-eda.ipynb": notebook("import pandas as pd\n"),
      "notebooks/02-model.ipynb": notebook("import sklearn\n"),
    },
    "fail",
    ["notebooks-only", "separate-concerns"],
  ],
  [
    "one large script",
    { "README.md": "# Churn\n", "main.py": TRAIN_SCRIPT.repeat(40), "requirements.txt": "pandas\n" },
    "fail",
    ["single-script"],
  ],
  [
    "flat folder of scripts with data and model files at the root",
    {
      "train.py": TRAIN_SCRIPT,
      "predict.py": "import joblib\nm = joblib.load('model.pkl')\n",
      "utils.py": "def clean(df):\n    return df.dropna()\n",
      "data.csv": blob(120_000),
      "model.pkl": blob(2_400_000),
    },
    "partial",
    ["flat-scripts", "artefacts-beside-code"],
  ],
  [
    "flat scripts without artefacts",
    { "train.py": TRAIN_SCRIPT, "evaluate.py": "def f():\n    pass\n", "app.py": "import streamlit as st\n" },
    "partial",
    ["flat-scripts"],
  ],
  [
    "cookiecutter skeleton with empty modules, the work in notebooks",
    CCDS_SKELETON,
    "partial",
    ["package-layout", "separate-concerns", "placeholder-modules", "notebooks-beside-code"],
  ],
  ["package modules that train at import time", IMPORT_TIME, "partial", ["package-layout", "import-time-work"]],
  [
    "a one-module library with tests is small, not a notebook dump",
    {
      "pyproject.toml": '[project]\nname = "slugger"\n',
      "slugger.py": "def slug(s: str) -> str:\n    return s.lower()\n",
      "tests/test_slugger.py": "from slugger import slug\n\ndef test():\n    assert slug('A') == 'a'\n",
    },
    "partial",
    ["single-script", "separate-concerns"],
  ],
  [
    "a small FastAPI service: one module in an app/ package is a package, not a loose script",
    {
      "app/__init__.py": "",
      "app/main.py":
        'from fastapi import FastAPI\nfrom pydantic import BaseModel\n\napp = FastAPI()\n\n\nclass Item(BaseModel):\n    text: str\n\n\n@app.post("/predict")\ndef predict(item: Item) -> dict:\n    return {"label": len(item.text) > 3}\n',
      "tests/test_main.py":
        "from fastapi.testclient import TestClient\nfrom app.main import app\n\n\ndef test_predict():\n    assert TestClient(app).post('/predict', json={'text': 'hello'}).status_code == 200\n",
      "requirements.txt": "fastapi==0.115.0\nuvicorn==0.30.6\n",
      Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["uvicorn", "app.main:app"]\n',
      ".github/workflows/ci.yml":
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n",
      "README.md": "# Sentiment API\n",
    },
    "pass",
    ["package-layout", "separate-concerns"],
  ],
  [
    "Flask app in one file: its static JavaScript is an asset, not a module",
    {
      "app.py": "from flask import Flask, render_template\n\napp = Flask(__name__)\n",
      "static/js/chart.js": "document.querySelectorAll('canvas').forEach(draw);\n",
      "static/js/form.js": "export function submit() {}\n",
      "templates/index.html": "<html></html>\n",
    },
    "fail",
    ["single-script"],
  ],
  [
    "Streamlit app with pages: scripts run top to bottom are not import-time work",
    {
      "Home.py": "import streamlit as st\n\nst.title('Churn')\n",
      "pages/1_Explore.py":
        "import pandas as pd\nimport streamlit as st\n\ndf = pd.read_csv('data/churn.csv')\nst.dataframe(df)\n",
      "pages/2_Predict.py":
        "import joblib\nimport streamlit as st\n\nmodel = joblib.load('models/model.joblib')\nst.write(model)\n",
    },
    "pass",
    ["module-folders"],
  ],
  [
    "a thin helper package beside notebooks that hold the pipeline",
    {
      "src/__init__.py": "",
      "src/utils.py": "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n",
      "src/plots.py": "import seaborn as sns\n\n\ndef pairs(df):\n    return sns.pairplot(df)\n",
      "notebooks/01-eda.ipynb": notebook(
        "import pandas as pd\nimport seaborn as sns\nfrom src.utils import load\n",
        "df = load('../data/raw/churn.csv')\ndf.describe()\nsns.pairplot(df)\n".repeat(6),
      ),
      "notebooks/02-model.ipynb": notebook(
        "from sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\n",
        "x_train, x_test, y_train, y_test = train_test_split(X, y)\nmodel = RandomForestClassifier().fit(x_train, y_train)\nprint(model.score(x_test, y_test))\n".repeat(
          4,
        ),
      ),
    },
    "partial",
    ["package-layout", "separate-concerns", "notebook-centric"],
  ],
];

describe("code_structure.modules", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const run = runCheck(modulesCheck, tree);
    expect({ status: run.status, ids: run.ids }).toEqual({ status, ids });
  });

  it("is not applicable without Python or JS code", () => {
    const run = runCheck(modulesCheck, { "README.md": "# Notes\n", "main.go": "package main\n" });
    expect(run.status).toBe("not_applicable");
  });

  it("does not count a FastAPI entry point that loads its model at import time", () => {
    const run = runCheck(modulesCheck, FASTAPI_SERVICE);
    expect(run.ids).not.toContain("import-time-work");
  });

  it("takes one helper module that loads a model when imported for partial, but not the app module", () => {
    const service = {
      "app/__init__.py": "",
      "app/api.py":
        'from fastapi import FastAPI\nimport joblib\n\napp = FastAPI()\nmodel = joblib.load("models/model.joblib")\n\n\n@app.get("/health")\ndef health():\n    return {"ok": True}\n',
      "app/schemas.py": "from pydantic import BaseModel\n\n\nclass Query(BaseModel):\n    text: str\n",
    };
    const appOnly = runCheck(modulesCheck, service);
    expect(appOnly.ids).not.toContain("import-time-work");
    const helper = runCheck(modulesCheck, {
      ...service,
      "app/sentiment.py":
        'from transformers import AutoModelForSequenceClassification\n\nMODEL = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased")\n\n\ndef score(text):\n    return MODEL(text)\n',
    });
    expect(helper.ids).toContain("import-time-work");
    expect(helper.status).toBe("partial");
  });

  it("never tells a one-module package to move into a package", () => {
    const run = runCheck(modulesCheck, {
      "app/__init__.py": "",
      "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
    });
    expect(run.findings.map((f) => f.remediation ?? "").join(" ")).not.toMatch(/into a package/);
    expect(run.findings[0]?.message).toBe("Code is organised as packages app, 1 module.");
  });

  it("points at the module and line that does the work", () => {
    const run = runCheck(modulesCheck, IMPORT_TIME);
    const f = run.findings.find((x) => x.id === "import-time-work");
    expect(f).toMatchObject({ path: "churn/data.py", line: 3, level: "warning" });
    expect(f?.remediation).toBeTruthy();
    expect(f?.docs).toMatch(/^https:\/\//);
  });

  it("ignores vendored code and virtual environments", () => {
    const run = runCheck(modulesCheck, {
      "main.py": TRAIN_SCRIPT,
      ".venv/lib/python3.11/site-packages/pandas/__init__.py": "",
      ".venv/lib/python3.11/site-packages/pandas/core.py": "x = 1\n",
      "node_modules/left-pad/index.js": "module.exports = 1;\n",
    });
    expect(run.ids).toEqual(["single-script"]);
  });
});
