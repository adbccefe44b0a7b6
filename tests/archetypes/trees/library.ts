/**
 * (e) A Python library: src layout, hatchling, tox, mypy strict, Sphinx docs, README.rst,
 * numpydoc docstrings, a library logger with a NullHandler, a PyPI release workflow. No
 * Dockerfile: a genuine fail by the rubric.
 */

import { bsd3 } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";
import { binning, init, metrics, testMetrics, validation } from "./library-code.js";

const pyproject = `[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "probcal"
dynamic = ["version"]
description = "Calibration metrics for probabilistic classifiers"
readme = "README.rst"
license = "BSD-3-Clause"
requires-python = ">=3.9"
authors = [{ name = "Jonas Feld", email = "jonas@feld.dev" }]
classifiers = ["Programming Language :: Python :: 3", "Typing :: Typed"]
dependencies = ["numpy>=1.22"]

[project.optional-dependencies]
plot = ["matplotlib>=3.5"]
docs = ["sphinx>=7", "numpydoc>=1.6", "furo"]

[project.urls]
Documentation = "https://probcal.readthedocs.io"
Source = "https://github.com/jfeld/probcal"

[tool.hatch.version]
path = "src/probcal/__init__.py"

[tool.hatch.envs.default]
dependencies = ["pytest>=8", "pytest-cov>=5"]

[tool.hatch.envs.default.scripts]
test = "pytest {args}"

[tool.pytest.ini_options]
addopts = "--cov=probcal --cov-report=term-missing --doctest-modules"
testpaths = ["tests", "src"]

[tool.coverage.report]
fail_under = 95
show_missing = true

[tool.mypy]
strict = true
files = ["src"]

[tool.ruff.lint]
select = ["E", "F", "I", "D", "UP", "B", "NPY"]
pydocstyle.convention = "numpy"
`;

const tox = `[tox]
env_list = py39, py310, py311, py312, lint, type
isolated_build = true

[testenv]
deps =
    pytest>=8
    pytest-cov>=5
commands = pytest {posargs}

[testenv:lint]
skip_install = true
deps = ruff==0.5.0
commands =
    ruff check src tests
    ruff format --check src tests

[testenv:type]
deps = mypy==1.10.1
commands = mypy
`;

const tests = `name: tests

on:
  push:
    branches: [main]
  pull_request:

jobs:
  tox:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
        python: ["3.9", "3.10", "3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: \${{ matrix.python }}
      - run: python -m pip install tox tox-gh-actions
      - run: tox -e py
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: python -m pip install tox
      - run: tox -e lint,type
`;

const release = `name: release

on:
  push:
    tags: ["v*"]

jobs:
  pypi:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - run: pipx run build
      - uses: pypa/gh-action-pypi-publish@release/v1
`;

const readme = `probcal
=======

|ci| |docs| |pypi|

.. |ci| image:: https://github.com/jfeld/probcal/actions/workflows/tests.yml/badge.svg
.. |docs| image:: https://readthedocs.org/projects/probcal/badge/?version=latest
.. |pypi| image:: https://img.shields.io/pypi/v/probcal.svg

Calibration metrics for probabilistic classifiers: expected calibration error, Brier score
and reliability curves, in pure NumPy, typed, with numpydoc docstrings.

Installation
------------

.. code-block:: bash

   pip install probcal

Usage
-----

.. code-block:: python

   from probcal import expected_calibration_error

   ece = expected_calibration_error(y_test, model.predict_proba(X_test)[:, 1])

Development
-----------

.. code-block:: bash

   pip install tox
   tox            # tests on every Python, lint and type checks

Documentation is built with Sphinx: \`\`tox -e docs\`\` or see https://probcal.readthedocs.io.

License
-------

BSD 3-Clause.
`;

export const library: Archetype = {
  name: "library",
  kind: "a Python library",
  tree: {
    "README.rst": readme,
    LICENSE: bsd3("Jonas Feld"),
    "CHANGELOG.md": "# Changelog\n\n## 0.6.1\n- Fix ECE for empty bins.\n\n## 0.6.0\n- Add reliability_curve.\n",
    "pyproject.toml": pyproject,
    "tox.ini": tox,
    ".gitignore":
      "__pycache__/\n*.py[cod]\n*.egg-info/\ndist/\nbuild/\n.tox/\n.venv/\n.coverage\nhtmlcov/\n.mypy_cache/\ndocs/_build/\n.env\n",
    ".pre-commit-config.yaml":
      "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace\n      - id: end-of-file-fixer\n      - id: check-toml\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.5.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n",
    ".readthedocs.yaml":
      "version: 2\nbuild:\n  os: ubuntu-22.04\n  tools:\n    python: '3.12'\nsphinx:\n  configuration: docs/conf.py\npython:\n  install:\n    - method: pip\n      path: .\n      extra_requirements: [docs]\n",
    ".github/workflows/tests.yml": tests,
    ".github/workflows/release.yml": release,
    "docs/conf.py":
      '"""Sphinx configuration."""\nproject = "probcal"\nauthor = "Jonas Feld"\nextensions = ["sphinx.ext.autodoc", "numpydoc", "sphinx.ext.intersphinx"]\nhtml_theme = "furo"\nintersphinx_mapping = {"numpy": ("https://numpy.org/doc/stable/", None)}\n',
    "docs/index.rst": "probcal\n=======\n\n.. toctree::\n   :maxdepth: 2\n\n   api\n",
    "docs/api.rst": "API\n===\n\n.. automodule:: probcal.metrics\n   :members:\n",
    "src/probcal/__init__.py": init,
    "src/probcal/py.typed": "",
    "src/probcal/metrics.py": metrics,
    "src/probcal/binning.py": binning,
    "src/probcal/_validation.py": validation,
    "tests/test_metrics.py": testMetrics,
    "tests/test_binning.py":
      "import pytest\n\nfrom probcal.binning import uniform_bins\n\n\ndef test_edges_span_unit_interval():\n    edges = uniform_bins(4)\n    assert edges[0] == 0.0 and edges[-1] == 1.0 and len(edges) == 5\n\n\ndef test_zero_bins_rejected():\n    with pytest.raises(ValueError):\n        uniform_bins(0)\n",
  },
  expected: {
    "testing.tests": ["pass", "pytest suite, pytest config, tox, CI"],
    "testing.coverage": ["pass", "--cov in addopts and fail_under = 95"],
    "testing.ml_tests": [
      ["fail", "not_applicable"],
      "a metrics library: no dataset validation or model behaviour tests",
    ],
    "documentation.readme": ["pass", "README.rst: what, install, usage, development, license"],
    "documentation.docstrings": ["pass", "numpydoc on every public function"],
    "documentation.license": ["pass", "BSD-3 text"],
    "ci_cd.workflows": ["pass", "tests.yml on push and pull_request"],
    "ci_cd.runs_tests": ["pass", "tox -e py, followed into tox.ini's pytest"],
    "ci_cd.quality_gates": ["pass", "tox -e lint,type runs ruff, ruff format --check, mypy"],
    "ci_cd.pinned_actions": [["partial", "fail"], "version tags, and the PyPI publish action on its release/v1 branch"],
    "code_structure.modules": ["pass", "src layout package"],
    "code_structure.dependencies": [
      "partial",
      "lower bounds only and no lock file (normal for a library, but the rubric says partial)",
    ],
    "code_structure.configuration": [
      ["not_applicable", "pass"],
      "a library takes parameters as arguments; nothing to externalise",
    ],
    "code_quality.lint_format": ["pass", "ruff and ruff format via tox, pre-commit"],
    "code_quality.types": ["pass", "mypy strict, run through tox in CI"],
    "code_quality.precommit": ["pass", "pre-commit-hooks and ruff"],
    "code_quality.gitignore": ["pass", "covers the artefacts, nothing contradicts it"],
    "code_quality.secrets": ["pass", "none"],
    "containerization.dockerfile": ["fail", "no Dockerfile (genuine fail per the rubric)"],
    "monitoring.logging": ["pass", "module logger with a NullHandler, no prints: the library practice"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": [["fail", "not_applicable"], "none (a library)"],
    "scalability.data_versioning": [["fail", "not_applicable"], "none (a library)"],
    "scalability.serving": [["fail", "not_applicable"], "no API (a library)"],
    "scalability.distributed": [["fail", "not_applicable"], "none"],
    "scalability.deployment": ["partial", "a release workflow publishes to PyPI: released, but nothing is deployed"],
  },
};
