import { describe, expect, it } from "vitest";
import { testsCheck } from "../../../checks/testing/tests.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  CHURN_SRC,
  type CheckCase,
  MODEL_PY,
  NPM_DEFAULT,
  notebook,
  PYPROJECT_COV85,
  PYPROJECT_PLAIN,
  packageJson,
  REACT_APP,
  REACT_TEST,
  TEST_MODEL_PY,
  workflow,
} from "./fixtures.js";

const PACKAGE: Tree = {
  ...CHURN_SRC,
  "README.md": "# churn\n",
};

type Case = CheckCase;

const cases: Case[] = [
  {
    name: "src-layout package with pytest configured in pyproject",
    tree: { ...PACKAGE, "pyproject.toml": PYPROJECT_COV85, "tests/test_model.py": TEST_MODEL_PY },
    status: "pass",
    ids: ["test-files", "test-runner"],
  },
  {
    name: "tests run by CI only (no pytest config)",
    tree: {
      ...PACKAGE,
      "pyproject.toml": PYPROJECT_PLAIN,
      "tests/test_model.py": TEST_MODEL_PY,
      ".github/workflows/ci.yml": workflow("python -m pytest -q"),
    },
    status: "pass",
    ids: ["test-files", "test-runner"],
  },
  {
    name: "unittest tests run through tox",
    tree: {
      ...PACKAGE,
      "setup.py": 'from setuptools import setup\nsetup(name="churn", install_requires=["pandas"])\n',
      "tox.ini": "[tox]\nenvlist = py311\n\n[testenv]\ncommands = python -m unittest discover -s tests\n",
      "tests/test_data.py":
        "import unittest\n\nfrom churn.data import COLUMNS\n\n\nclass DataTest(unittest.TestCase):\n    def test_columns(self):\n        self.assertIn('churn', COLUMNS)\n",
    },
    status: "pass",
    ids: ["test-files", "test-runner"],
  },
  {
    name: "TypeScript app with Vitest tests and a test script",
    tree: {
      "package.json": packageJson({ dev: "vite", test: "vitest run" }),
      "src/App.tsx": REACT_APP,
      "src/App.test.tsx": REACT_TEST,
    },
    status: "pass",
    ids: ["test-files", "test-runner"],
  },
  {
    name: "pytest only declared in requirements-dev.txt: not configured, not run anywhere",
    tree: {
      ...PACKAGE,
      "requirements-dev.txt": "pytest==8.3.2\n",
      "tests/test_model.py": TEST_MODEL_PY,
    },
    status: "partial",
    ids: ["test-files", "tests-not-run"],
  },
  {
    name: "one real test for a package of sixteen modules",
    tree: {
      ...PACKAGE,
      ...Object.fromEntries(
        Array.from({ length: 14 }, (_, i) => [
          `src/churn/features/f${i}.py`,
          `def feature_${i}(x):\n    return x * ${i}\n`,
        ]),
      ),
      "pyproject.toml": PYPROJECT_COV85,
      "tests/test_data.py": "from churn.data import COLUMNS\n\n\ndef test_columns():\n    assert 'churn' in COLUMNS\n",
    },
    status: "partial",
    ids: ["test-files", "test-runner", "few-tests"],
  },
  {
    name: "placeholder test (assert True) with pytest configured",
    tree: {
      ...PACKAGE,
      "pyproject.toml": PYPROJECT_COV85,
      "tests/__init__.py": "",
      "tests/test_placeholder.py":
        'def test_placeholder():\n    """TODO: write real tests."""\n    assert True\n\n\ndef test_nothing():\n    pass\n',
    },
    status: "partial",
    ids: ["test-files", "placeholder-tests", "test-runner"],
  },
  {
    name: "test_model.py that is a script, not a test",
    tree: {
      ...PACKAGE,
      "requirements.txt": "scikit-learn==1.5.1\npandas==2.2.2\n",
      "test_model.py":
        'import joblib\nimport pandas as pd\n\nmodel = joblib.load("model.pkl")\nprint(model.predict(pd.read_csv("sample.csv")))\n',
    },
    status: "partial",
    ids: ["test-files", "empty-test-files", "no-runner"],
  },
  {
    name: "tests with plain asserts and nothing that runs them",
    tree: {
      ...PACKAGE,
      "tests/test_data.py": "from churn.data import COLUMNS\n\n\ndef test_columns():\n    assert 'churn' in COLUMNS\n",
    },
    status: "partial",
    ids: ["test-files", "no-runner"],
  },
  {
    name: "Python ML backend whose only tests are the frontend's",
    tree: {
      ...PACKAGE,
      "requirements.txt": "scikit-learn==1.5.1\npandas==2.2.2\nfastapi==0.112.0\n",
      "src/churn/api.py": MODEL_PY.replace("Train and serve", "Serve"),
      "web/package.json": packageJson({ test: "vitest run" }),
      "web/src/App.tsx": REACT_APP,
      "web/src/App.test.tsx": REACT_TEST,
    },
    status: "partial",
    ids: ["test-files", "minor-part-tested", "test-runner"],
  },
  {
    name: "create-react-app's stock App.test.js",
    tree: {
      "package.json": packageJson({ start: "react-scripts start", test: "react-scripts test" }),
      "src/App.js": REACT_APP.replace(/: \w+(\[\])?/g, ""),
      "src/App.test.js":
        "import { render, screen } from '@testing-library/react';\nimport App from './App';\n\ntest('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n",
    },
    status: "partial",
    ids: ["test-files", "placeholder-tests", "test-runner"],
  },
  {
    name: "notebook project with no tests",
    tree: {
      "README.md": "# Titanic\n",
      "requirements.txt": "pandas\nscikit-learn\n",
      "notebooks/eda.ipynb": notebook("import pandas as pd\ndf = pd.read_csv('train.csv')\ndf.isnull().sum()\n"),
      "notebooks/model.ipynb": notebook("from sklearn.linear_model import LogisticRegression\n"),
    },
    status: "fail",
    ids: ["no-tests"],
  },
  {
    name: "npm's default test script and no tests",
    tree: { "package.json": packageJson({ test: NPM_DEFAULT }), "src/App.tsx": REACT_APP },
    status: "fail",
    ids: ["npm-default-test-script", "no-tests"],
  },
  {
    name: "a root test.py that is an inference script",
    tree: { ...PACKAGE, "test.py": "from churn.model import ChurnModel\nprint(ChurnModel())\n" },
    status: "fail",
    ids: ["no-tests"],
  },
  {
    name: "Django's empty tests.py stub",
    tree: {
      "manage.py":
        "import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n",
      "shop/models.py":
        "from django.db import models\n\n\nclass Order(models.Model):\n    total = models.DecimalField(max_digits=8, decimal_places=2)\n",
      "shop/tests.py": "from django.test import TestCase\n\n# Create your tests here.\n",
    },
    status: "fail",
    ids: ["no-tests"],
  },
  {
    name: "tests that live only in vendored folders",
    tree: {
      ...PACKAGE,
      ".venv/lib/python3.11/site-packages/six/test_six.py": "def test_x():\n    assert 1 + 1 == 2\n",
      "node_modules/left-pad/index.test.js": "test('pads', () => expect(1).toBe(1));\n",
    },
    status: "fail",
    ids: ["no-tests"],
  },
  {
    // pytest itself refuses to start on an invalid pyproject.toml: the config does not count.
    name: "a pyproject.toml that is not TOML: a finding with its line, and no pytest config",
    tree: {
      ...PACKAGE,
      "pyproject.toml":
        '[project]\nname = "churn"\ndependencies = [\n  "pandas"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n',
      "tests/test_model.py": TEST_MODEL_PY,
    },
    status: "partial",
    ids: ["manifest-unparsable", "test-files", "tests-not-run"],
  },
  {
    name: "nothing in a language the checklist judges",
    tree: { "README.md": "# Go service\n", "main.go": "package main\n\nfunc main() {}\n" },
    status: "not_applicable",
    ids: ["no-code"],
  },
  {
    name: "an R project with testthat tests and a Python download script: the Python is glue",
    tree: {
      "R/clean.R": { mode: "file", size: 4200 },
      "analysis.Rmd": { mode: "file", size: 6800 },
      "tests/testthat/test-clean.R": 'test_that("drops negatives", { expect_equal(1, 1) })\n',
      "scripts/download_data.py":
        'import requests\n\n\ndef main():\n    print(requests.get("https://example.org").status_code)\n',
    },
    status: "not_applicable",
    ids: ["no-code"],
  },
];

describe("testing.tests", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const result = runCheck(testsCheck, tree);
    expect({ status: result.status, ids: result.ids }).toEqual({ status, ids });
  });

  it("points the unparsable pyproject finding at its file and line", () => {
    const result = runCheck(testsCheck, {
      ...PACKAGE,
      "pyproject.toml": '[project]\nname = "churn"\nversion = 0.1.0\n',
      "tests/test_model.py": TEST_MODEL_PY,
    });
    expect(result.findings[0]).toMatchObject({ id: "manifest-unparsable", path: "pyproject.toml", line: 3 });
  });

  it("every shortfall carries a remediation and a docs link", () => {
    for (const { tree } of cases) {
      for (const f of runCheck(testsCheck, tree).findings.filter((x) => x.level !== "info")) {
        expect(f.remediation, f.id).toBeTruthy();
        expect(f.docs, f.id).toMatch(/^https:\/\//);
      }
    }
  });
});
