import { describe, expect, it } from "vitest";
import { mlTestsCheck } from "../../../checks/testing/ml-tests.js";
import { analysePythonTests } from "../../../checks/testing/python-test-facts.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { CHURN_SRC, type CheckCase, notebook, PYPROJECT_COV85, REACT_APP, TEST_MODEL_PY } from "./fixtures.js";

const PACKAGE: Tree = {
  "pyproject.toml": PYPROJECT_COV85,
  ...CHURN_SRC,
};

const TEST_DATA_PY = `import pandas as pd
import pytest

from churn.data import COLUMNS, load


@pytest.fixture
def frame() -> pd.DataFrame:
    return load("tests/fixtures/customers.csv")


def test_expected_columns(frame):
    assert list(frame.columns) == COLUMNS


def test_no_missing_values(frame):
    assert frame.isnull().sum().sum() == 0


def test_tenure_in_range(frame):
    assert frame["tenure"].between(0, 72).all()
`;

const TEST_QUALITY_PY = `from sklearn.metrics import f1_score

from churn.model import ChurnModel


def test_model_beats_the_bar(train, holdout):
    model = ChurnModel().fit(*train)
    score = f1_score(holdout[1], model.predict(holdout[0]))
    assert score >= 0.80, f"f1 dropped to {score:.2f}"


def test_invariance_to_customer_id(model, frame):
    shuffled = frame.assign(customer_id=frame["customer_id"].sample(frac=1).values)
    assert (model.predict(frame) == model.predict(shuffled)).all()
`;

const PANDERA_SCHEMA = `"""The schema of the customer table."""
import pandera as pa

CustomerSchema = pa.DataFrameSchema(
    {
        "tenure": pa.Column(int, pa.Check.in_range(0, 72)),
        "monthly_charges": pa.Column(float, pa.Check.ge(0)),
    }
)
`;

const API_TEST = `from fastapi.testclient import TestClient

from churn.api import app

client = TestClient(app)


def test_predict_endpoint():
    response = client.post("/predict", json={"tenure": 3, "monthly_charges": 80.5})
    assert response.status_code == 200
    assert "churn_probability" in response.json()
`;

type Case = CheckCase;

const cases: Case[] = [
  {
    name: "data tests on the frame and a metric gate with an invariance test",
    tree: { ...PACKAGE, "tests/test_data.py": TEST_DATA_PY, "tests/test_quality.py": TEST_QUALITY_PY },
    status: "pass",
    ids: ["data-validation", "model-tests"],
  },
  {
    name: "a pandera schema in the package and a behavioural test",
    tree: {
      ...PACKAGE,
      "src/churn/schema.py": PANDERA_SCHEMA,
      "tests/test_behaviour.py":
        "def test_directional_longer_tenure_lowers_churn(model, customer):\n    older = {**customer, 'tenure': customer['tenure'] + 24}\n    assert model.predict_proba([older])[0][1] <= model.predict_proba([customer])[0][1]\n",
    },
    status: "pass",
    ids: ["data-validation", "model-tests"],
  },
  {
    name: "a quality gate in the evaluation script run by the pipeline",
    tree: {
      ...PACKAGE,
      "tests/test_data.py": TEST_DATA_PY,
      "src/churn/evaluate.py":
        'import sys\n\nfrom sklearn.metrics import roc_auc_score\n\n\ndef main(y, p):\n    auc = roc_auc_score(y, p)\n    if auc < 0.75:\n        sys.exit(f"AUC {auc:.3f} below the bar")\n',
    },
    status: "pass",
    ids: ["data-validation", "model-tests"],
  },
  {
    name: "prediction-shape tests only",
    tree: { ...PACKAGE, "tests/test_model.py": TEST_MODEL_PY },
    status: "partial",
    ids: ["shallow-model-tests", "no-data-validation"],
  },
  {
    name: "a recommender's output tested for size and content: shallow model tests",
    tree: {
      "requirements.txt": "pandas==2.1.4\nscikit-learn==1.3.2\nstreamlit==1.29.0\n",
      "recommender.py": "def recommend(title, movies, similarity, k=5):\n    return [], []\n",
      "tests/test_recommender.py":
        'from recommender import recommend\n\n\ndef test_recommend_returns_k_titles(movies, similarity):\n    names, ids = recommend("A", movies, similarity, k=5)\n    assert len(names) == len(ids) == 5\n',
    },
    status: "partial",
    ids: ["shallow-model-tests", "no-data-validation"],
  },
  {
    name: "API tests of the prediction endpoint only",
    tree: { ...PACKAGE, "tests/test_api.py": API_TEST },
    status: "partial",
    ids: ["shallow-model-tests", "no-data-validation"],
  },
  {
    name: "data validation only",
    tree: { ...PACKAGE, "tests/test_data.py": TEST_DATA_PY },
    status: "partial",
    ids: ["data-validation", "no-model-tests"],
  },
  {
    name: "metric gate only",
    tree: { ...PACKAGE, "tests/test_quality.py": TEST_QUALITY_PY.split("\n\n\ndef test_invariance")[0] ?? "" },
    status: "partial",
    ids: ["model-tests", "no-data-validation"],
  },
  {
    name: "notebook project: EDA with isnull().sum() is exploration, not validation",
    tree: {
      "requirements.txt": "pandas==2.2.2\nscikit-learn==1.5.1\n",
      "notebooks/eda.ipynb": notebook(
        "import pandas as pd\ndf = pd.read_csv('train.csv')\n",
        "df.isnull().sum()\n",
        "from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier().fit(X, y)\nprint(accuracy_score(y_test, model.predict(X_test)))\n",
      ),
    },
    status: "fail",
    ids: ["no-data-validation", "no-model-tests"],
  },
  {
    name: "placeholder test in an ML project",
    tree: { ...PACKAGE, "tests/test_placeholder.py": "def test_placeholder():\n    assert True\n" },
    status: "fail",
    ids: ["no-data-validation", "no-model-tests"],
  },
  {
    name: "metric words in a comment or string do not make a gate",
    tree: {
      ...PACKAGE,
      "tests/test_docs.py":
        '"""assert accuracy >= 0.9 once the model is better."""\n\n\ndef test_readme_mentions_metric():\n    # assert f1 > 0.8\n    text = "accuracy >= 0.9"\n    assert text\n',
    },
    status: "fail",
    ids: ["no-data-validation", "no-model-tests"],
  },
  {
    name: "a web app without ML",
    tree: {
      "app/main.py":
        "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef index():\n    return 'hi'\n",
      "tests/test_main.py":
        "from app.main import app\n\n\ndef test_index():\n    assert app.test_client().get('/').status_code == 200\n",
    },
    status: "not_applicable",
    ids: ["not-ml"],
  },
  {
    name: "a LangChain RAG app over PDFs is ML: with no evaluation at all it fails",
    tree: {
      "app.py":
        "import streamlit as st\nfrom langchain_community.vectorstores import FAISS\nfrom langchain_openai import OpenAIEmbeddings\n\nst.title('Chat with PDFs')\nstore = FAISS.from_texts(['a'], OpenAIEmbeddings())\n",
      "requirements.txt": "langchain-community==0.3.7\nlangchain-openai==0.2.9\nfaiss-cpu==1.9.0\nstreamlit==1.40.1\n",
    },
    status: "fail",
    ids: ["no-data-validation", "no-model-tests"],
  },
  {
    name: "a JavaScript project",
    tree: { "src/App.tsx": REACT_APP },
    status: "not_applicable",
    ids: ["no-python"],
  },
];

describe("testing.ml_tests", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const result = runCheck(mlTestsCheck, tree);
    expect({ status: result.status, ids: result.ids }).toEqual({ status, ids });
  });

  it("every shortfall carries a remediation and a docs link", () => {
    for (const { tree } of cases)
      for (const f of runCheck(mlTestsCheck, tree).findings.filter((x) => x.level !== "info")) {
        expect(f.remediation, f.id).toBeTruthy();
        expect(f.docs, f.id).toMatch(/^https:\/\//);
      }
  });
});

describe("analysePythonTests", () => {
  it.each([
    ["def test_a():\n    assert True\n", [true]],
    ["def test_a(): assert 1 == 1\n", [true]],
    ["class TestX(unittest.TestCase):\n    def test_a(self):\n        self.assertTrue(True)\n", [true]],
    ["def test_a():\n    ...\n\ndef test_b():\n    assert add(1, 2) == 3\n", [true, false]],
    ["@pytest.fixture\ndef test_data():\n    return 1\n", []],
    ["async def test_a(client):\n    r = await client.get('/')\n    assert r.status == 200\n", [false]],
  ])("finds test functions and placeholders in %j", (text, trivial) => {
    expect(analysePythonTests(text).functions.map((f) => f.trivial)).toEqual(trivial);
  });
});
