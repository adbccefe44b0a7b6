import { describe, expect, it } from "vitest";
import {
  declaredDependencies,
  normaliseName,
  PROJECT_READ,
  packageJsons,
  parseErrors,
  pyproject,
  pythonToolConfig,
} from "../../../checks/lib/project.js";
import { parsePythonIni } from "../../../checks/lib/project-ini.js";
import { settingList, settingText } from "../../../checks/lib/project-tools.js";
import { defineCheck, notApplicable, type RepoView } from "../../../src/engine/check.js";
import { RepoView as View } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";

const reader = defineCheck({
  id: "test.reader",
  title: "reads manifests",
  criterion: "testing",
  weight: 1,
  looksFor: "",
  why: "",
  remediation: "",
  effort: "low",
  docs: "",
  reads: [PROJECT_READ],
  evaluate: () => notApplicable(),
});

function view(tree: Tree): RepoView {
  return new View(snapshotOf(tree, [reader]));
}

const PYPROJECT = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "churn-model"
version = "0.3.0"
dependencies = [
  "pandas>=2.0",
  "scikit-learn==1.4.2",
  "Pydantic_Settings ; python_version >= '3.10'",
]

[project.optional-dependencies]
test = ["pytest>=8", "pytest-cov"]
serve = ["fastapi"]

[dependency-groups]
lint = ["ruff==0.6.9"]

[tool.pytest.ini_options]
addopts = "-ra --cov=churn --cov-fail-under=85"
testpaths = ["tests"]

[tool.coverage.run]
branch = true
source = ["churn"]

[tool.coverage.report]
fail_under = 85
show_missing = true

[tool.ruff]
line-length = 100
`;

const SETUP_CFG = `[metadata]
name = legacy-pkg

[options]
packages = find:
install_requires =
    numpy>=1.24,<2
    # a comment inside the list
    requests[security] >= 2.31 ; python_version >= "3.8"

[options.extras_require]
dev =
    black==24.3.0

[tool:pytest]
addopts = --strict-markers
  --cov=legacy_pkg

[coverage:report]
fail_under: 90

[flake8]
max-line-length = 100
`;

describe("project manifests", () => {
  it("parses pyproject.toml and finds tool tables with lines", () => {
    const repo = view({ "pyproject.toml": PYPROJECT, "src/churn/__init__.py": "" });
    expect(pyproject(repo)?.value?.project).toBeDefined();
    const pytest = pythonToolConfig(repo, "pytest");
    expect(pytest).toHaveLength(1);
    expect(pytest[0]?.line).toBe(21);
    expect(settingText(pytest[0]?.settings.addopts)).toContain("--cov-fail-under=85");
    expect(pytest[0]?.keyLines.addopts).toBe(22);
    expect(settingList(pytest[0]?.settings.testpaths)).toEqual(["tests"]);
    const coverage = pythonToolConfig(repo, "coverage");
    expect(coverage[0]?.settings).toMatchObject({ run: { branch: true }, report: { fail_under: 85 } });
    expect(coverage[0]?.keyLines["report.fail_under"]).toBe(30);
    expect(pythonToolConfig(repo, "ruff")).toHaveLength(1);
    expect(pythonToolConfig(repo, "mypy")).toHaveLength(0);
  });

  it("declares PEP 621, extras and dependency groups, normalised", () => {
    const deps = declaredDependencies(view({ "pyproject.toml": PYPROJECT }));
    expect(deps.map((d) => [d.name, d.dev, d.line])).toEqual([
      ["pandas", false, 9],
      ["scikit-learn", false, 10],
      ["pydantic-settings", false, 11],
      ["pytest", true, 15],
      ["pytest-cov", true, 15],
      ["fastapi", false, 16],
      ["ruff", true, 19],
    ]);
  });

  it("reads setup.cfg in configparser's dialect (multi-line values, colons, sections)", () => {
    const repo = view({ "setup.cfg": SETUP_CFG });
    const deps = declaredDependencies(repo);
    expect(deps.map((d) => [d.name, d.spec, d.dev, d.line])).toEqual([
      ["numpy", ">=1.24,<2", false, 7],
      ["requests", '>= 2.31 ; python_version >= "3.8"', false, 9],
      ["black", "==24.3.0", true, 13],
    ]);
    expect(settingText(pythonToolConfig(repo, "pytest")[0]?.settings.addopts)).toContain("--cov=legacy_pkg");
    expect(pythonToolConfig(repo, "coverage")[0]?.settings).toEqual({ report: { fail_under: "90" } });
    expect(pythonToolConfig(repo, "flake8")[0]?.settings).toEqual({ "max-line-length": "100" });
    expect(parseErrors(repo)).toEqual([]);
  });

  it.each([
    [
      "poetry",
      `[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.11"\ntorch = "2.3.0"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n`,
      [
        ["torch", false],
        ["pytest", true],
      ],
    ],
    [
      "uv and PDM",
      `[project]\nname = "x"\n\n[tool.uv]\ndev-dependencies = ["pytest-cov>=5"]\n\n[tool.pdm.dev-dependencies]\nlint = ["Black"]\n`,
      [
        ["pytest-cov", true],
        ["black", true],
      ],
    ],
  ] as const)("declares %s dependencies", (_kind, text, expected) => {
    const deps = declaredDependencies(view({ "pyproject.toml": text }));
    expect(deps.map((d) => [d.name, d.dev])).toEqual(expected);
  });

  it("reads setup.py literal install_requires only", () => {
    const repo = view({
      "setup.py": `from setuptools import setup\nsetup(\n    name="x",\n    install_requires=[\n        "numpy>=1.2",  # "not-a-dep"\n        'Flask_Cors',\n    ],\n)\n`,
    });
    expect(declaredDependencies(repo).map((d) => [d.name, d.line])).toEqual([
      ["numpy", 5],
      ["flask-cors", 6],
    ]);
  });

  it("reads package.json dependencies, skipping node_modules", () => {
    const repo = view({
      "package.json": JSON.stringify(
        {
          name: "web",
          scripts: { test: "vitest run" },
          dependencies: { react: "^18.2.0" },
          devDependencies: { vitest: "1.6.0" },
        },
        null,
        2,
      ),
      "node_modules/react/package.json": '{"name":"react"}',
    });
    expect(packageJsons(repo).map((p) => p.path)).toEqual(["package.json"]);
    expect(declaredDependencies(repo).map((d) => [d.name, d.ecosystem, d.dev, d.line])).toEqual([
      ["react", "npm", false, 7],
      ["vitest", "npm", true, 10],
    ]);
  });

  it("reads tox.ini sections and [testenv] commands as the tox tool", () => {
    const repo = view({
      "tox.ini": `[tox]\nenvlist = py311\n\n[testenv]\ndeps = pytest-cov\ncommands =\n    pytest --cov=app --cov-fail-under=80\n\n[pytest]\ntestpaths = tests\n`,
    });
    const tox = pythonToolConfig(repo, "tox")[0];
    expect(settingText((tox?.settings.testenv as Record<string, unknown> | undefined)?.commands)).toContain(
      "--cov-fail-under=80",
    );
    expect(tox?.keyLines["testenv.commands"]).toBe(6);
    expect(pythonToolConfig(repo, "pytest")[0]?.settings).toEqual({ testpaths: "tests" });
  });

  it("treats an empty pytest.ini as pytest's configuration", () => {
    expect(pythonToolConfig(view({ "pytest.ini": "" }), "pytest")).toHaveLength(1);
  });

  it.each([
    ["pyproject.toml", '[project\nname = "x"\n', 1],
    ["pyproject.toml", '[project]\nname = "x"\nname = "y"\n', 3],
    ["package.json", '{\n  "name": "x",\n  "scripts": {\n}\n', 5],
    ["setup.cfg", "install_requires = numpy\n", 1],
    ["tox.ini", "[testenv]\ncommands = pytest\n  \nnot an option line\n", 4],
  ] as const)("reports a %s that does not parse, with its line", (path, text, line) => {
    const errors = parseErrors(view({ [path]: text }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ id: "manifest-unparsable", path, line, level: "failure" });
    expect(errors[0]?.remediation).toBeTruthy();
    expect(errors[0]?.docs).toMatch(/^https:\/\//);
  });

  it("does not crash on a pyproject.toml that is binary noise or empty", () => {
    const repo = view({ "pyproject.toml": "\u0000\u0001garbage = = =", "sub/pyproject.toml": "" });
    expect(() => pythonToolConfig(repo, "pytest")).not.toThrow();
    expect(declaredDependencies(repo)).toEqual([]);
  });

  it.each([
    ["Scikit_Learn", "scikit-learn"],
    ["zope.interface", "zope-interface"],
    ["a__b--c", "a-b-c"],
  ])("normalises %s to %s", (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it("keeps configparser continuation lines and strips inline comments", () => {
    const ini = parsePythonIni(
      "[run]\nomit =\n    tests/*  # not ours\n    */migrations/*\n; comment\nbranch = True\n",
    );
    expect(ini.sections[0]?.values).toEqual({ omit: "tests/*\n*/migrations/*", branch: "True" });
    expect(ini.sections[0]?.items.omit?.map((i) => i.line)).toEqual([3, 4]);
  });

  it.each([
    ["ruff", { "ruff.toml": 'line-length = 100\n[lint]\nselect = ["E", "F"]\n' }, "ruff.toml"],
    ["ruff", { ".ruff.toml": "line-length = 88\n" }, ".ruff.toml"],
    ["pyright", { "pyrightconfig.json": '{ "typeCheckingMode": "strict" }' }, "pyrightconfig.json"],
    ["mypy", { "setup.cfg": "[mypy]\nstrict = True\n\n[mypy-tests.*]\nignore_errors = True\n" }, "setup.cfg"],
    ["mypy", { "mypy.ini": "[mypy]\ndisallow_untyped_defs = True\n" }, "mypy.ini"],
    ["pylint", { ".pylintrc": "[MAIN]\njobs=0\n\n[MESSAGES CONTROL]\ndisable=\n    C0114,\n    C0115\n" }, ".pylintrc"],
    ["isort", { ".isort.cfg": "[settings]\nprofile = black\n" }, ".isort.cfg"],
    ["black", { "pyproject.toml": '[tool.black]\nline-length = 100\ntarget-version = ["py311"]\n' }, "pyproject.toml"],
    ["flake8", { ".flake8": "[flake8]\nmax-line-length = 100\nextend-ignore = E203\n" }, ".flake8"],
    ["coverage", { ".coveragerc": "[run]\nbranch = True\n\n[report]\nfail_under = 80\n" }, ".coveragerc"],
    [
      "pytest",
      { "pyproject.toml": '[tool.pytest]\nminversion = "9.0"\naddopts = ["-ra", "--cov"]\n' },
      "pyproject.toml",
    ],
    [
      "tox",
      {
        "pyproject.toml":
          '[tool.tox]\nlegacy_tox_ini = """\n[tox]\nenvlist = py311\n\n[testenv]\ncommands = pytest\n"""\n',
      },
      "pyproject.toml",
    ],
    ["tox", { "tox.toml": 'env_list = ["py311"]\n[env_run_base]\ncommands = [["pytest"]]\n' }, "tox.toml"],
  ] as const)("finds %s settings in %j", (tool, tree, path) => {
    const found = pythonToolConfig(view(tree), tool);
    expect(found.map((c) => c.path)).toEqual([path]);
    expect(Object.keys(found[0]?.settings ?? {}).length).toBeGreaterThan(0);
  });

  it("keeps legacy_tox_ini lines relative to the pyproject", () => {
    const repo = view({
      "pyproject.toml":
        '[project]\nname = "x"\n\n[tool.tox]\nlegacy_tox_ini = """\n[testenv]\ncommands = pytest --cov\n"""\n',
    });
    expect(pythonToolConfig(repo, "tox")[0]?.keyLines["testenv.commands"]).toBe(7);
  });

  it("lists pyprojects shallowest first and reports a broken pyrightconfig.json", () => {
    const repo = view({
      "services/api/pyproject.toml": '[project]\nname = "api"\n',
      "pyproject.toml": '[project]\nname = "root"\n',
      "pyrightconfig.json": '{\n  "strict": [\n}\n',
    });
    expect(pyproject(repo)?.path).toBe("pyproject.toml");
    expect(parseErrors(repo)).toMatchObject([{ id: "manifest-unparsable", path: "pyrightconfig.json" }]);
  });

  it("reads a package.json that is not an object as empty", () => {
    const repo = view({ "package.json": "[1, 2, 3]" });
    expect(packageJsons(repo)[0]?.value.scripts).toEqual({});
    expect(parseErrors(repo)).toEqual([]);
  });
});
