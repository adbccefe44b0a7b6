import { describe, expect, it } from "vitest";
import { NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../../../checks/lib/languages.js";
import { importsModule, pythonSources } from "../../../checks/lib/python.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";

const viewOf = (tree: Tree, reads = [PYTHON_SOURCE_READ, NOTEBOOK_READ]) => new RepoView(snapshotOf(tree, [{ reads }]));

const notebook = (lines: string[]) =>
  JSON.stringify(
    {
      cells: [
        { cell_type: "markdown", metadata: {}, source: ["# Training"] },
        { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: lines },
      ],
      metadata: { kernelspec: { language: "python", name: "python3" } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );

const TREE: Tree = {
  "src/app/main.py": "import mlflow.sklearn\nfrom torch import distributed as dist\nimport logging\n",
  "src/app/__init__.py": "",
  "tests/test_main.py": "import wandb\n",
  "conftest.py": "import pytest\n",
  ".venv/lib/python3.11/site-packages/requests/api.py": "import mlflow\n",
  "node_modules/x/gen.py": "import mlflow\n",
  "notebooks/train.ipynb": notebook(["import mlflow\n", "mlflow.autolog()\n"]),
  "notebooks/analysis.ipynb": JSON.stringify({ cells: [], metadata: { kernelspec: { language: "R" } }, nbformat: 4 }),
  "notebooks/broken.ipynb": '{\n "cells": [\n  {"cell_type": "code"\n',
  "README.md": "# x\n",
};

describe("pythonSources", () => {
  it("lists the project's own Python files with their test flag, without vendored paths", () => {
    const files = pythonSources(viewOf(TREE));
    expect(files.map((f) => [f.path, f.test, f.notebook])).toEqual([
      ["conftest.py", true, false],
      ["src/app/__init__.py", false, false],
      ["src/app/main.py", false, false],
      ["tests/test_main.py", true, false],
    ]);
  });

  it("adds Python notebooks when asked, with lines of the .ipynb file, and keeps a broken one with its error", () => {
    const files = pythonSources(viewOf(TREE), { notebooks: true });
    expect(files.filter((f) => f.notebook).map((f) => f.path)).toEqual([
      "notebooks/broken.ipynb",
      "notebooks/train.ipynb",
    ]);
    const train = files.find((f) => f.path === "notebooks/train.ipynb");
    const text = TREE["notebooks/train.ipynb"] as string;
    const line = train?.source.calls[0]?.line ?? 0;
    expect(text.split("\n")[line - 1]).toContain("mlflow.autolog()");
    const broken = files.find((f) => f.path === "notebooks/broken.ipynb");
    expect(broken?.source.error).toMatchObject({ line: 3 });
    expect(broken?.source.error?.message).toMatch(/^invalid notebook JSON/);
  });

  it("analyses every notebook cell on its own, as IPython compiles it", () => {
    const text = JSON.stringify(
      {
        cells: [
          { cell_type: "code", metadata: {}, outputs: [], source: ["x = dict(\n", "  a=1,\n"] },
          { cell_type: "code", metadata: {}, outputs: [], source: ['s = """unfinished\n'] },
          { cell_type: "code", metadata: {}, outputs: [], source: ["import mlflow\n", "mlflow.autolog()\n"] },
        ],
        metadata: { kernelspec: { language: "python" } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const [nb] = pythonSources(viewOf({ "scratch.ipynb": text }), { notebooks: true });
    expect(nb?.source.imports.map((i) => i.module)).toEqual(["mlflow"]);
    expect(nb?.source.calls.map((c) => c.callee)).toEqual(["dict", "mlflow.autolog"]);
    const line = text.split("\n").findIndex((l) => l.includes("x = dict(")) + 1;
    expect(nb?.source.error).toEqual({ message: "bracket never closed", line });
  });

  it("is memoised per view", () => {
    const view = viewOf(TREE);
    expect(pythonSources(view)).toBe(pythonSources(view));
    expect(pythonSources(view, { notebooks: true })).toBe(pythonSources(view, { notebooks: true }));
  });

  it("sees nothing a check did not declare in its reads", () => {
    const view = viewOf(TREE, [PYTHON_SOURCE_READ]);
    expect(pythonSources(view, { notebooks: true }).some((f) => f.notebook)).toBe(false);
  });

  it("flags a file cut at the size limit", () => {
    const view = new RepoView({
      ...snapshotOf({ "big.py": "x = 1\n" }, [{ reads: [PYTHON_SOURCE_READ] }]),
      contents: new Map([["big.py", { kind: "text", text: 'x = """', encoding: "utf-8", truncated: true }]]),
    });
    expect(pythonSources(view)[0]).toMatchObject({ truncated: true, source: { error: { line: 1 } } });
  });
});

describe("importsModule", () => {
  it.each([
    [["mlflow"], ["notebooks/train.ipynb:16:mlflow", "src/app/main.py:1:mlflow.sklearn"]],
    [["torch.distributed"], ["src/app/main.py:2:torch"]],
    [["wandb"], []],
    [["logging", "pytest"], ["src/app/main.py:3:logging"]],
    [["mlflow.sklearn"], ["src/app/main.py:1:mlflow.sklearn"]],
    [["mlf"], []],
  ])("%j", (roots, want) => {
    const sites = importsModule(viewOf(TREE), roots);
    expect(sites.map((s) => `${s.path}:${s.line}:${s.module}`)).toEqual(want);
  });

  it("includes tests when asked and leaves notebooks out when asked", () => {
    const view = viewOf(TREE);
    expect(importsModule(view, ["wandb", "pytest"], { tests: true }).map((s) => s.path)).toEqual([
      "conftest.py",
      "tests/test_main.py",
    ]);
    expect(importsModule(view, ["mlflow"], { notebooks: false }).map((s) => s.path)).toEqual(["src/app/main.py"]);
  });
});
