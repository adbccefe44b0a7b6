import { describe, expect, it } from "vitest";
import { gitignore } from "../../../checks/code_quality/gitignore.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

/** An excerpt of github/gitignore's Python.gitignore, as projects copy it. */
const PYTHON_GITIGNORE = `# Byte-compiled / optimized / DLL files
__pycache__/
*.py[cod]
*$py.class

# Distribution / packaging
build/
dist/
*.egg-info/

# Jupyter Notebook
.ipynb_checkpoints

# Environments
.env
.venv
env/
venv/
ENV/

# mypy
.mypy_cache/
`;
const NODE_GITIGNORE = `# dependencies
/node_modules
/.pnp
.pnp.js

# production
/build
/dist

# misc
.DS_Store
.env.local
npm-debug.log*
`;

const PY_PROJECT: Tree = {
  "pyproject.toml": '[project]\nname = "churn"\nversion = "0.1.0"\n',
  "src/churn/__init__.py": '"""Churn model."""\n',
  "src/churn/train.py":
    "import pandas as pd\n\n\ndef train(path: str) -> None:\n    df = pd.read_csv(path)\n    print(df.shape)\n",
  "notebooks/01-eda.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
};
const WEB_PROJECT: Tree = {
  "package.json": '{ "name": "web", "scripts": { "build": "vite build" } }',
  "src/main.tsx": "import React from 'react';\nexport const App = () => null;\n",
};
const big = (mb: number) => ({ mode: "file" as const, size: mb * 1024 * 1024 });

const cases: { name: string; tree: Tree; status: string; ids: string[] }[] = [
  {
    name: "Python template covers everything",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "Node template in a React app",
    tree: { ...WEB_PROJECT, ".gitignore": NODE_GITIGNORE },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "full-stack: Python root ignore plus frontend/.gitignore",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "frontend/package.json": '{ "name": "ui" }',
      "frontend/src/App.tsx": "export default function App() { return null; }\n",
      "frontend/.gitignore": NODE_GITIGNORE,
    },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "minimal file with only .DS_Store",
    tree: { ...PY_PROJECT, ".gitignore": ".DS_Store\n" },
    status: "partial",
    ids: ["missing-pycache", "missing-venv", "missing-env", "missing-checkpoints"],
  },
  {
    name: "no node_modules rule beside a package.json",
    tree: { ...WEB_PROJECT, ".gitignore": "dist/\n.env\n" },
    status: "partial",
    ids: ["missing-node-modules"],
  },
  {
    name: "anchored /__pycache__ does not cover the package's caches",
    tree: { ...PY_PROJECT, ".gitignore": "/__pycache__\n.venv/\n.env\n.ipynb_checkpoints/\n" },
    status: "partial",
    ids: ["covers", "missing-pycache"],
  },
  {
    name: "Python .gitignore that forgets .env",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE.replace(".env\n", "") },
    status: "partial",
    ids: ["covers", "missing-env"],
  },
  {
    name: "a project generator's template holds a .env scaffold: not a committed .env",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "{{ cookiecutter.repo_name }}/.env": "# Environment variables go here\n",
    },
    status: "pass",
    ids: ["covers"],
  },
  { name: "empty .gitignore", tree: { ...PY_PROJECT, ".gitignore": "# TODO\n\n" }, status: "fail", ids: ["empty"] },
  {
    name: "committed Windows .venv with python.exe",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE.replace(".venv\n", ""),
      ".venv/pyvenv.cfg": "home = C:\\Python311\ninclude-system-site-packages = false\nversion = 3.11.4\n",
      ".venv/Scripts/python.exe": new Uint8Array([77, 90, 0, 0]),
      ".venv/Lib/site-packages/numpy/__init__.py": "",
    },
    status: "partial",
    ids: ["covers", "committed-venv"],
  },
  {
    name: ".env committed although .gitignore lists it (evidence wins)",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE, ".env": "DATABASE_URL=postgres://localhost/churn\n" },
    status: "partial",
    ids: ["covers", "committed-env"],
  },
  {
    name: "50 MB model.pkl",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE, "models/model.pkl": big(50) },
    status: "partial",
    ids: ["covers", "committed-large-file"],
  },
  {
    name: "large model stored in Git LFS is not bloat",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      ".gitattributes": "*.pkl filter=lfs diff=lfs merge=lfs -text\n",
      "models/model.pkl": big(50),
    },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "a 5 MB csv is fine",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE, "data/train.csv": big(5) },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "an ignored mlruns/ kept in git by its .gitkeep: no run output committed",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}/mlruns/*\n!**/.gitkeep\n`,
      "mlruns/.gitkeep": "",
    },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "mlruns/ committed",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "mlruns/0/meta.yaml": "artifact_location: file:///home/me/mlruns/0\nname: Default\n",
      "mlruns/0/4f1c/metrics/rmse": "1700000000 0.42 0\n",
    },
    status: "partial",
    ids: ["covers", "committed-run-dir"],
  },
  {
    name: "committed __pycache__ and .DS_Store",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "src/churn/__pycache__/train.cpython-311.pyc": new Uint8Array([0xa7, 0x0d, 0x0d, 0x0a]),
      ".DS_Store": new Uint8Array([0, 0, 0, 1]),
    },
    status: "partial",
    ids: ["covers", "committed-cache", "committed-os-file"],
  },
  {
    name: "committed node_modules",
    tree: { ...WEB_PROJECT, ".gitignore": "dist/\n", "node_modules/react/index.js": "module.exports = {};\n" },
    status: "partial",
    ids: ["missing-node-modules", "committed-node-modules"],
  },
  {
    name: "a package named wandb is not a run folder",
    tree: { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE, "src/churn/wandb/__init__.py": "" },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "data file committed despite its own ignore rule",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}\ndata/raw/\n`,
      "data/raw/customers.csv": "id,churn\n1,0\n",
    },
    status: "partial",
    ids: ["covers", "tracked-but-ignored"],
  },
  {
    name: ".gitkeep force-added under an ignored folder is fine",
    tree: { ...PY_PROJECT, ".gitignore": `${PYTHON_GITIGNORE}\ndata/*\n`, "data/.gitkeep": "" },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: ".env.example is meant to be committed",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      ".env.example": "DATABASE_URL=postgres://user:CHANGE_ME@db/churn\n",
    },
    status: "pass",
    ids: ["covers"],
  },
  {
    name: "committed conda environment",
    tree: {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "condaenv/conda-meta/history": "==> 2024-01-01 <==\n",
      "condaenv/lib/libpython3.11.so": big(1),
    },
    status: "partial",
    ids: ["covers", "committed-venv"],
  },
  {
    name: "Python.gitignore's lib/ over a frontend's src/lib: sloppy rule, not a dirty repo",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}lib/\nnode_modules/\n`,
      "frontend/package.json": '{ "name": "ui" }',
      "frontend/src/lib/utils.ts": "export const cn = (...c: string[]) => c.join(' ');\n",
    },
    status: "pass",
    ids: ["covers", "ignored-source"],
  },
  {
    name: "generated output committed although the .gitignore names it: committed before the rule",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}stats.json\nreports/\n`,
      "stats.json": '{"requests": 12}\n',
      "reports/test_results.json": '{"passed": 3}\n',
    },
    status: "pass",
    ids: ["covers", "ignored-committed"],
  },
  {
    name: "a test fixture under tests/data/ force-added past a broad data/ rule: sloppy rule, not a dirty repo",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}data/\n`,
      "tests/data/sample.csv": "tenure,churn\n1,0\n34,1\n",
    },
    status: "pass",
    ids: ["covers", "ignored-source"],
  },
  {
    name: "a secrets file committed although the .gitignore lists it: contradicted, not a sloppy rule",
    tree: {
      ...PY_PROJECT,
      ".gitignore": `${PYTHON_GITIGNORE}.streamlit/secrets.toml\n`,
      ".streamlit/secrets.toml": 'TMDB_API_KEY = "8265bd1679663a7ea12ac168da84d2e8"\n',
    },
    status: "partial",
    ids: ["covers", "tracked-but-ignored"],
  },
  { name: "no .gitignore", tree: PY_PROJECT, status: "fail", ids: ["missing"] },
  {
    name: "no .gitignore and a committed venv",
    tree: { ...PY_PROJECT, "venv/bin/python": { mode: "symlink" }, "venv/pyvenv.cfg": "home = /usr/bin\n" },
    status: "fail",
    ids: ["missing", "committed-venv"],
  },
  { name: "no judged code", tree: { "README.md": "# Slides\n" }, status: "not_applicable", ids: ["no-code"] },
];

describe("code_quality.gitignore", () => {
  it.each(cases)("$name", ({ tree, status, ids }) => {
    const run = runCheck(gitignore, tree);
    expect(run.status).toBe(status);
    expect(run.ids).toEqual(ids);
  });

  it("names the rule that a committed .env contradicts", () => {
    const run = runCheck(gitignore, { ...PY_PROJECT, ".gitignore": PYTHON_GITIGNORE, ".env": "X=1\n" });
    const f = run.findings.find((x) => x.id === "committed-env");
    expect(f?.message).toContain(".gitignore line 15");
    expect(f?.path).toBe(".env");
    expect(f?.remediation).toContain("git rm -r --cached");
  });

  it("reports the venv root and the size of large files", () => {
    const run = runCheck(gitignore, {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "models/model.pkl": big(50),
      "backend/env/Scripts/python.exe": new Uint8Array([77, 90]),
    });
    expect(run.findings.find((x) => x.id === "committed-venv")?.message).toContain("backend/env/");
    expect(run.findings.find((x) => x.id === "committed-large-file")?.message).toContain("50.0 MB");
    expect(run.score).toBeLessThan(0.5);
  });

  it("a venv at the repository root does not swallow the project's own files", () => {
    const run = runCheck(gitignore, {
      ...PY_PROJECT,
      ".gitignore": PYTHON_GITIGNORE,
      "pyvenv.cfg": "home = /usr/bin\n",
      "Lib/site-packages/six.py": "",
    });
    const f = run.findings.find((x) => x.id === "committed-venv");
    expect(f?.message).toContain("./");
    expect(run.findings.some((x) => x.id === "tracked-but-ignored")).toBe(false);
  });
});

describe("code_quality.gitignore coverage message", () => {
  it("names the rules that cover each artefact, not the usual ones", () => {
    const run = runCheck(gitignore, { ...PY_PROJECT, ".gitignore": "*.pyc\n.venv/\nvenv/\n.env\n" });
    const covers = run.findings.find((f) => f.id === "covers");
    expect(covers?.message).toContain("Python bytecode caches (*.pyc)");
    expect(covers?.message).toContain("virtual environments (.venv/, venv/)");
    expect(covers?.message).not.toContain("__pycache__");
  });
});

describe("code_quality.gitignore coverage message, folder rules", () => {
  it("does not name a project folder's rule as the cache rule", () => {
    const run = runCheck(gitignore, {
      ...PY_PROJECT,
      "web_demo/backend/app.py": "import os\n",
      ".gitignore": "__pycache__/\nweb_demo/\n.venv/\n.env\n",
    });
    const covers = run.findings.find((f) => f.id === "covers");
    expect(covers?.message).toContain("Python bytecode caches (__pycache__/)");
    expect(covers?.message).not.toContain("web_demo/");
  });
});
