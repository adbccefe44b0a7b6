/**
 * Python source as facts: imports, calls, decorators, definitions and docstrings, read with a
 * tokenizer that knows strings, comments and continuations. (First version: interface only;
 * the tokenizer lands in the next commit.)
 */
import type { RepoView } from "../../src/engine/check.js";
import type { Parsed } from "./parse.js";

/** One import statement's module (relative imports keep their dots) and imported names. */
export interface PythonImport {
  readonly module: string;
  readonly names: readonly string[];
  readonly line: number;
}

/** A call as written: dotted callee ("logging.getLogger") and its 1-based line. */
export interface PythonCall {
  readonly callee: string;
  readonly line: number;
}

/** A decorator's dotted name ("app.post", "pytest.fixture"). */
export interface PythonDecorator {
  readonly name: string;
  readonly line: number;
}

/** A def or class statement. */
export interface PythonDefinition {
  readonly kind: "function" | "class";
  readonly name: string;
  readonly line: number;
  /** 0 at module level, +1 per enclosing def/class. */
  readonly depth: number;
  /** Part of the public API: no leading underscore, not a dunder, not nested in a function. */
  readonly public: boolean;
  readonly docstring: boolean;
  /** A function with a return or parameter annotation (classes: false). */
  readonly annotated: boolean;
}

/** What one Python file contains, outside strings and comments. */
export interface PythonSource {
  readonly imports: readonly PythonImport[];
  readonly calls: readonly PythonCall[];
  readonly decorators: readonly PythonDecorator[];
  readonly definitions: readonly PythonDefinition[];
  readonly moduleDocstring: boolean;
  /** Identifiers seen in code (not in strings or comments). */
  readonly names: ReadonlySet<string>;
  /** Calls executed at import time: outside def/class bodies and `if __name__ == "__main__"`. */
  readonly topLevelCalls: readonly PythonCall[];
  readonly hasMainGuard: boolean;
  /** Lines holding code (not blank, not only comments or docstrings). */
  readonly codeLines: number;
  /** First tokenizer problem (unterminated string...): the facts before it are still reported. */
  readonly error?: { readonly message: string; readonly line: number };
}

/** Analyse one Python file's text. */
export function analysePython(_text: string): PythonSource {
  return {
    imports: [],
    calls: [],
    decorators: [],
    definitions: [],
    moduleDocstring: false,
    names: new Set(),
    topLevelCalls: [],
    hasMainGuard: false,
    codeLines: 0,
  };
}

/** The code cells of a notebook (nbformat 3 or 4), joined, IPython magics blanked. */
export function notebookCode(_text: string): Parsed<{ code: string; cells: number }> {
  return { ok: true, value: { code: "", cells: 0 } };
}

/** One analysed Python file or notebook of the project. */
export interface PythonFile {
  readonly path: string;
  readonly source: PythonSource;
  readonly notebook: boolean;
  readonly test: boolean;
}

/** The project's own Python files read with PYTHON_SOURCE_READ (and NOTEBOOK_READ when asked). */
export function pythonSources(_repo: RepoView, _opts?: { notebooks?: boolean }): readonly PythonFile[] {
  return [];
}

/** Where the project's own code imports any of these top-level packages. */
export function importsModule(
  _repo: RepoView,
  _roots: readonly string[],
  _opts?: { notebooks?: boolean; tests?: boolean },
): { path: string; line: number; module: string }[] {
  return [];
}
