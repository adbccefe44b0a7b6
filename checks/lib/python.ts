/**
 * The Python detector every check shares: facts read from Python files and notebooks with a
 * tokenizer that knows strings and comments, so `print` in a docstring, `import logging` in a
 * comment or "dvc" in a string never count. Repo-level results are memoised per view.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode, isTestPath, NOTEBOOK_GLOBS, PYTHON_GLOBS } from "./languages.js";
import { analysePython, type PythonSource } from "./python-analyse.js";
import { notebookCode } from "./python-notebook.js";
import { type Tokenized, tokenizePython } from "./python-tokenize.js";

export {
  analysePython,
  type PythonCall,
  type PythonDecorator,
  type PythonDefinition,
  type PythonImport,
  type PythonSource,
} from "./python-analyse.js";
export { type NotebookCode, notebookCode } from "./python-notebook.js";

/** One analysed Python file or notebook of the project. */
export interface PythonFile {
  readonly path: string;
  /** For a notebook, lines are lines of the .ipynb file (where the code line's JSON string is). */
  readonly source: PythonSource;
  readonly notebook: boolean;
  /** A test file or a file under a test folder. */
  readonly test: boolean;
  /** The source cut the file at its size limit: facts past the cut are missing. */
  readonly truncated: boolean;
}

/** Which files to include. */
export interface PythonSourceOptions {
  /** Include notebooks (the check must read `NOTEBOOK_READ`). Default false. */
  readonly notebooks?: boolean;
}

interface Cached {
  scripts?: readonly PythonFile[];
  notebooks?: readonly PythonFile[];
}

const cache = new WeakMap<RepoView, Cached>();
const tokenCache = new WeakMap<RepoView, Map<string, Tokenized>>();

/**
 * The tokens of a Python text read from this view, tokenized once whichever checks ask: the
 * shared analysis, the test facts and the configuration scan all walk the same tokens.
 */
export function pythonTokens(repo: RepoView, text: string): Tokenized {
  let byText = tokenCache.get(repo);
  if (!byText) {
    byText = new Map();
    tokenCache.set(repo, byText);
  }
  let tokenized = byText.get(text);
  if (!tokenized) {
    tokenized = tokenizePython(text);
    byText.set(text, tokenized);
  }
  return tokenized;
}

/**
 * The project's own Python files read with `PYTHON_SOURCE_READ` (and notebooks read with
 * `NOTEBOOK_READ` when asked), sorted by path. Non-Python notebooks (R, Julia kernels) are left out;
 * a notebook that is not valid JSON is kept, with its error and no facts.
 */
export function pythonSources(repo: RepoView, opts?: PythonSourceOptions): readonly PythonFile[] {
  let cached = cache.get(repo);
  if (!cached) {
    cached = {};
    cache.set(repo, cached);
  }
  if (!cached.scripts) {
    cached.scripts = repo
      .read(PYTHON_GLOBS)
      .filter((f) => isOwnCode(f.path))
      .map((f) => ({
        path: f.path,
        source: analysePython(f.text, pythonTokens(repo, f.text)),
        notebook: false,
        test: isTestPath(f.path),
        truncated: f.truncated,
      }));
  }
  if (!opts?.notebooks) return cached.scripts;
  if (!cached.notebooks) {
    const notebooks: PythonFile[] = [];
    for (const f of repo.read(NOTEBOOK_GLOBS)) {
      if (!isOwnCode(f.path)) continue;
      const source = notebookSource(f.text);
      if (source)
        notebooks.push({ path: f.path, source, notebook: true, test: isTestPath(f.path), truncated: f.truncated });
    }
    cached.notebooks = [...cached.scripts, ...notebooks].sort((a, b) => (a.path < b.path ? -1 : 1));
  }
  return cached.notebooks;
}

/**
 * Analyse a notebook cell by cell, as IPython compiles it (a cell left with an open bracket or
 * string does not swallow the next ones), with lines mapped to the .ipynb file; undefined for
 * notebooks of other kernels (R, Julia).
 */
function notebookSource(text: string): PythonSource | undefined {
  const nb = notebookCode(text);
  if (!nb.ok) return { ...analysePython(""), error: { message: nb.error, line: nb.line ?? 1 } };
  if (!nb.value.language.includes("python")) return undefined;
  const { fileLines, cellStarts } = nb.value;
  const lines = nb.value.code.split("\n");
  const fallback = fileLines.find((l) => l > 0) ?? 1;
  const parts = cellStarts.map((start, i) => {
    const end = cellStarts[i + 1] ?? lines.length - 1;
    const source = analysePython(`${lines.slice(start, end).join("\n")}\n`);
    const at = (line: number): number => fileLines[start + line - 1] || fallback;
    const remap = <T extends { line: number }>(items: readonly T[]): T[] =>
      items.map((item) => ({ ...item, line: at(item.line) }));
    return {
      ...source,
      imports: remap(source.imports),
      calls: remap(source.calls),
      decorators: remap(source.decorators),
      definitions: remap(source.definitions),
      topLevelCalls: remap(source.topLevelCalls),
      ...(source.error ? { error: { ...source.error, line: at(source.error.line) } } : {}),
    };
  });
  return mergeSources(parts);
}

/** One source made of several (a notebook's cells), in order. */
function mergeSources(parts: readonly PythonSource[]): PythonSource {
  const names = new Set<string>();
  for (const p of parts) for (const n of p.names) names.add(n);
  const error = parts.find((p) => p.error)?.error;
  const merged: PythonSource = {
    imports: parts.flatMap((p) => p.imports),
    calls: parts.flatMap((p) => p.calls),
    decorators: parts.flatMap((p) => p.decorators),
    definitions: parts.flatMap((p) => p.definitions),
    moduleDocstring: parts[0]?.moduleDocstring ?? false,
    names,
    topLevelCalls: parts.flatMap((p) => p.topLevelCalls),
    hasMainGuard: parts.some((p) => p.hasMainGuard),
    codeLines: parts.reduce((n, p) => n + p.codeLines, 0),
  };
  return error ? { ...merged, error } : merged;
}

/** Which files `importsModule` looks at. */
export interface ImportSearchOptions {
  /** Include notebooks (default true; the check must read `NOTEBOOK_READ` for them to be seen). */
  readonly notebooks?: boolean;
  /** Include test files (default false: a test importing a tool is not the project using it). */
  readonly tests?: boolean;
}

/** Where one of the modules was imported. */
export interface ImportSite {
  readonly path: string;
  readonly line: number;
  /** The module as imported ("mlflow.sklearn", "opentelemetry"). */
  readonly module: string;
}

/**
 * Where the project's own code imports any of these packages: top-level names ("mlflow") or
 * dotted ones ("torch.distributed", which `from torch import distributed` also matches).
 */
export function importsModule(repo: RepoView, roots: readonly string[], opts?: ImportSearchOptions): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const file of pythonSources(repo, { notebooks: opts?.notebooks ?? true })) {
    if (file.test && !opts?.tests) continue;
    for (const imp of file.source.imports) {
      const hit = roots.some(
        (root) =>
          imp.module === root ||
          imp.module.startsWith(`${root}.`) ||
          imp.names.some((name) => `${imp.module}.${name}` === root),
      );
      if (hit) sites.push({ path: file.path, line: imp.line, module: imp.module });
    }
  }
  return sites;
}
