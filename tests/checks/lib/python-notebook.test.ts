import { describe, expect, it } from "vitest";
import { analysePython, notebookCode } from "../../../checks/lib/python.js";

/** A notebook as Jupyter writes it: nbformat 4, one JSON string per source line, indent 1. */
function nb4(
  cells: { type: "code" | "markdown" | "raw"; source: string[] | string; outputs?: unknown[] }[],
  language = "python",
) {
  return JSON.stringify(
    {
      cells: cells.map((c) =>
        c.type === "code"
          ? { cell_type: "code", execution_count: 1, metadata: {}, outputs: c.outputs ?? [], source: c.source }
          : { cell_type: c.type, metadata: {}, source: c.source },
      ),
      metadata: {
        kernelspec: { display_name: language, language, name: language === "python" ? "python3" : "ir" },
        language_info: { name: language },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkdvcPAAMBAWDvc2RUAAAAAElFTkSuQmCC";

const KAGGLE = nb4([
  { type: "markdown", source: ["# Titanic\n", "We `import logging` later, maybe. Run `dvc pull` first.\n"] },
  {
    type: "code",
    source: ["%pip install -q xgboost\n", "!pip install dvc\n", "import pandas as pd\n", "import numpy as np"],
  },
  {
    type: "code",
    source: ["df = pd.read_csv('train.csv')\n", "print(df.shape)"],
    outputs: [
      { output_type: "stream", name: "stdout", text: ["import logging\n", "print(1)\n"] },
      { output_type: "display_data", data: { "image/png": PNG, "text/plain": ["<Figure dvc>"] }, metadata: {} },
    ],
  },
  { type: "code", source: ["%%bash\n", "ls -la\n", "echo 'import os'\n"] },
  { type: "code", source: ["%%time\n", "model = fit(df)\n"] },
  {
    type: "code",
    source: ["files = !ls data\n", "df?\n", "pd.read_csv??\n", "%matplotlib inline\n", "    !echo indented\n"],
  },
  { type: "raw", source: "import sys\n" },
  { type: "code", source: "for f in files:\n    print(f)\n" },
]);

describe("notebookCode", () => {
  it("keeps code cells only and blanks magics, shell lines and cell magics", () => {
    const nb = notebookCode(KAGGLE);
    expect(nb.ok).toBe(true);
    if (!nb.ok) return;
    expect(nb.value.cells).toBe(6);
    expect(nb.value.language).toBe("python");
    const source = analysePython(nb.value.code);
    expect(source.error).toBeUndefined();
    expect(source.imports.map((i) => i.module)).toEqual(["pandas", "numpy"]);
    expect(source.calls.map((c) => c.callee)).toEqual(["pd.read_csv", "print", "fit", "print"]);
    expect(source.names.has("dvc")).toBe(false);
    expect(
      source.names.has("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkdvcPAAMBAWDvc2RUAAAAAElFTkSuQmCC"),
    ).toBe(false);
  });

  it("maps each code line to its line in the .ipynb file", () => {
    const nb = notebookCode(KAGGLE);
    if (!nb.ok) throw new Error(nb.error);
    const fileLines = KAGGLE.split("\n");
    const source = analysePython(nb.value.code);
    for (const item of [...source.imports, ...source.calls]) {
      const line = nb.value.fileLines[item.line - 1] ?? 0;
      const name = "module" in item ? item.module : item.callee.split(".").pop();
      expect(fileLines[line - 1]).toContain(name);
    }
  });

  it("reads a cell whose source is one string", () => {
    const nb = notebookCode(nb4([{ type: "code", source: "import os\nprint(os.getcwd())\n" }]));
    expect(nb.ok && analysePython(nb.value.code).calls.map((c) => c.callee)).toEqual(["print", "os.getcwd"]);
  });

  it("reads nbformat 3 worksheets and their input", () => {
    const v3 = JSON.stringify({
      metadata: { name: "" },
      nbformat: 3,
      nbformat_minor: 0,
      worksheets: [
        {
          cells: [
            { cell_type: "heading", level: 1, source: ["import logging"] },
            {
              cell_type: "code",
              collapsed: false,
              input: ["import logging\n", "logging.basicConfig()"],
              language: "python",
              outputs: [],
            },
          ],
          metadata: {},
        },
      ],
    });
    const nb = notebookCode(v3);
    expect(nb.ok && nb.value.cells).toBe(1);
    expect(nb.ok && analysePython(nb.value.code).calls.map((c) => c.callee)).toEqual(["logging.basicConfig"]);
  });

  it("finds lines written with non-ASCII escaped (ensure_ascii)", () => {
    const text = nb4([{ type: "code", source: ["x = 'café'\n", "print(x)"] }]).replace("é", "\\u00e9");
    const nb = notebookCode(text);
    if (!nb.ok) throw new Error(nb.error);
    const line = nb.value.fileLines[1] ?? 0;
    expect(text.split("\n")[line - 1]).toContain("print(x)");
  });

  it.each([
    ["invalid JSON", '{\n "cells": [\n  {"cell_type": "code",, }\n ]\n}', /^invalid notebook JSON/, 3],
    ["a JSON array", "[1, 2]", /not a JSON object/, undefined],
    ["JSON without cells", '{"metadata": {}}', /no cells/, undefined],
  ])("reports %s as an error", (_name, text, message, line) => {
    const nb = notebookCode(text);
    expect(nb.ok).toBe(false);
    if (nb.ok) return;
    expect(nb.error).toMatch(message);
    expect(nb.line).toBe(line);
  });

  it("says which language the kernel runs", () => {
    const nb = notebookCode(nb4([{ type: "code", source: ["library(dplyr)\n"] }], "R"));
    expect(nb.ok && nb.value.language).toBe("r");
  });

  it("returns empty code for a notebook of markdown", () => {
    const nb = notebookCode(nb4([{ type: "markdown", source: ["# Notes"] }]));
    expect(nb.ok && nb.value).toMatchObject({ code: "", cells: 0 });
  });
});
