import { describe, expect, it } from "vitest";
import { analysePython, type PythonDefinition } from "../../../checks/lib/python.js";

const SERVICE = `"""Prediction service: loads the model once and serves it over HTTP."""
from __future__ import annotations

import logging
import os.path as osp
from typing import TYPE_CHECKING, overload

from fastapi import Depends, FastAPI
from ..models import (Model as M,
                      load_model)
from . import schemas
from ... import settings
from .utils import *

if TYPE_CHECKING:
    from pandas import DataFrame

logger = logging.getLogger(__name__)
app = FastAPI(title="predict")


class Predictor:
    """Wraps the model."""

    threshold = float(os.environ.get("THRESHOLD", "0.5"))

    def __init__(self, path: str) -> None:
        self._model = load_model(path)

    def predict(self, rows):
        return self._model.predict(rows)

    @property
    def name(self):
        """The model's name."""
        return self._model.name

    @name.setter
    def name(self, value):
        self._model.name = value

    def _cache(self):
        def helper():
            "Nested, never public."
        return helper


class _Registry:
    def lookup(self): ...


@overload
def score(x: int) -> int: ...
def score(x):
    'Score one row.'
    return x


@app.post("/predict", response_model=schemas.Out)
async def predict(body: schemas.In, model=Depends(Predictor)):
    logger.info("predict %s", body)
    return model.predict(body.rows)


def f(): "inline docstring"
def g(a=lambda b: b, c={1: 2}): return fmt(f"{a}")
class Empty: pass


if __name__ == "__main__":
    def cli():
        """Only when run as a script."""
    import uvicorn
    uvicorn.run(app)
`;

describe("a FastAPI service module", () => {
  const source = analysePython(SERVICE);

  it("has no error and a module docstring", () => {
    expect(source.error).toBeUndefined();
    expect(source.moduleDocstring).toBe(true);
    expect(source.hasMainGuard).toBe(true);
  });

  it("reads every import form", () => {
    expect(source.imports.map((i) => [i.module, i.names, i.bound, i.line])).toEqual([
      ["__future__", ["annotations"], ["annotations"], 2],
      ["logging", [], ["logging"], 4],
      ["os.path", [], ["osp"], 5],
      ["typing", ["TYPE_CHECKING", "overload"], ["TYPE_CHECKING", "overload"], 6],
      ["fastapi", ["Depends", "FastAPI"], ["Depends", "FastAPI"], 8],
      ["..models", ["Model", "load_model"], ["M", "load_model"], 9],
      [".", ["schemas"], ["schemas"], 11],
      ["...", ["settings"], ["settings"], 12],
      [".utils", ["*"], [], 13],
      ["pandas", ["DataFrame"], ["DataFrame"], 16],
      ["uvicorn", [], ["uvicorn"], 73],
    ]);
  });

  const table: [string, Partial<PythonDefinition>][] = [
    ["Predictor", { kind: "class", depth: 0, public: true, docstring: true, annotated: false }],
    ["__init__", { depth: 1, public: false, docstring: false, annotated: true }],
    ["predict@30", { depth: 1, public: true, docstring: false, annotated: false }],
    ["name@34", { public: true, docstring: true }],
    ["name@39", { public: false, docstring: false }],
    ["_cache", { public: false }],
    ["helper", { depth: 2, public: false, docstring: true }],
    ["_Registry", { kind: "class", public: false }],
    ["lookup", { depth: 1, public: false, docstring: false }],
    ["score@53", { public: false, annotated: true }],
    ["score@54", { public: true, docstring: true, annotated: false }],
    ["predict@60", { depth: 0, public: true, docstring: false, annotated: true }],
    ["f", { public: true, docstring: true }],
    ["g", { public: true, docstring: false, annotated: false }],
    ["Empty", { kind: "class", public: true, docstring: false }],
    ["cli", { public: false, docstring: true }],
  ];
  it.each(table)("definition %s", (key, want) => {
    const [name, line] = key.split("@");
    const found = source.definitions.filter((d) => d.name === name && (!line || d.line === Number(line)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(want);
  });

  it("lists decorators without their arguments", () => {
    expect(source.decorators.map((d) => [d.name, d.line])).toEqual([
      ["property", 33],
      ["name.setter", 38],
      ["overload", 52],
      ["app.post", 59],
    ]);
  });

  it("separates import-time calls from calls in bodies, class bodies, decorators and the main guard", () => {
    expect(source.topLevelCalls.map((c) => c.callee)).toEqual(["logging.getLogger", "FastAPI"]);
    const all = source.calls.map((c) => c.callee);
    expect(all).toContain("uvicorn.run");
    expect(all).toContain("logger.info");
    expect(all).toContain("fmt");
    expect(all).toContain("Depends");
  });
});

const DOCSTRINGS: [string, string, boolean][] = [
  ["plain", 'def f():\n    """Doc."""\n', true],
  ["single-quoted", "def f():\n    'Doc.'\n", true],
  ["raw", 'def f():\n    r"""C:\\path"""\n', true],
  ["implicit concatenation", 'def f():\n    "a" "b"\n', true],
  ["after a comment", 'def f():\n    # note\n    """Doc."""\n', true],
  ["inline", 'def f(): "Doc."\n', true],
  ["f-string is no docstring", 'def f():\n    f"""{x}"""\n', false],
  ["bytes is no docstring", 'def f():\n    b"""x"""\n', false],
  ["string method call is no docstring", 'def f():\n    "a".join(x)\n', false],
  ["second statement is no docstring", 'def f():\n    x = 1\n    """Doc."""\n', false],
  ["string in a nested block is no docstring", 'def f():\n    if x:\n        """Doc."""\n', false],
  ["multi-line signature", 'def f(\n    a: int,\n    b: str,\n) -> None:\n    """Doc."""\n', true],
];

describe("docstrings", () => {
  it.each(DOCSTRINGS)("%s", (_name, src, want) => {
    expect(analysePython(src).definitions[0]?.docstring).toBe(want);
  });

  it.each([
    [
      "module docstring after comments and a shebang",
      '#!/usr/bin/env python\n# coding: utf-8\n"""Doc."""\nimport os\n',
      true,
    ],
    ["no module docstring when code comes first", 'import os\n"""Doc."""\n', false],
    ["an f-string is no module docstring", 'f"""{x}"""\n', false],
  ])("%s", (_name, src, want) => {
    expect(analysePython(src).moduleDocstring).toBe(want);
  });
});

describe("annotations", () => {
  it.each([
    ["parameter", "def f(x: int): pass\n", true],
    ["return", "def f() -> int: pass\n", true],
    ["keyword-only with default", "def f(*, x: int = 1): pass\n", true],
    ["lambda default is no annotation", "def f(x=lambda y: y): pass\n", false],
    ["dict default is no annotation", "def f(x={1: 2}): pass\n", false],
    ["slice in a default is no annotation", "def f(x=a[1:2]): pass\n", false],
    ["none", "def f(self, x, *args, **kw): pass\n", false],
  ])("%s", (_name, src, want) => {
    expect(analysePython(src).definitions[0]?.annotated).toBe(want);
  });
});

describe("main guard and import-time work", () => {
  it.each([
    ['if __name__ == "__main__":\n    main()\n', true, []],
    ["if '__main__' == __name__:\n    main()\n", true, []],
    ["if __name__ == '__main__': main()\n", true, []],
    ['if __name__ != "__main__":\n    main()\n', true, []],
    ["main()\n", false, ["main"]],
    ["try:\n    load()\nexcept ImportError:\n    fallback()\n", false, ["load", "fallback"]],
    ["for x in items():\n    work(x)\n", false, ["items", "work"]],
    ["class A:\n    x = compute()\n", false, []],
    ["def f():\n    work()\nwork()\n", false, ["work"]],
    ['def f():\n    if __name__ == "__main__":\n        work()\n', false, []],
  ])("%j", (src, guard, calls) => {
    const source = analysePython(src);
    expect(source.hasMainGuard).toBe(guard);
    expect(source.topLevelCalls.map((c) => c.callee)).toEqual(calls);
  });
});

describe("statements on one line", () => {
  it("splits semicolons and inline bodies", () => {
    const source = analysePython("import os; import sys\nif x: import json; run()\nclass A: pass\n");
    expect(source.imports.map((i) => i.module)).toEqual(["os", "sys", "json"]);
    expect(source.calls.map((c) => c.callee)).toEqual(["run"]);
    expect(source.definitions.map((d) => d.name)).toEqual(["A"]);
  });

  it("reads async definitions and decorated async functions", () => {
    const source = analysePython("@router.get('/')\nasync def index() -> dict:\n    return {}\n");
    expect(source.definitions[0]).toMatchObject({ name: "index", public: true, annotated: true });
    expect(source.decorators[0]?.name).toBe("router.get");
  });

  it("keeps Python 2 files readable", () => {
    const source = analysePython('import urllib2\nprint "fetching"\nexec code in ns\n');
    expect(source.error).toBeUndefined();
    expect(source.calls.map((c) => c.callee)).toEqual(["print"]);
  });
});
