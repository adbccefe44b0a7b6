/**
 * The Python detector every check shares: facts read from Python files and notebooks with a
 * tokenizer that knows strings and comments, so `print` in a docstring, `import logging` in a
 * comment or "dvc" in a string never count. Repo-level results are memoised per view.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode, isTestPath, NOTEBOOK_GLOBS, PYTHON_GLOBS } from "./languages.js";
import { analysePython, type PythonSource } from "./python-analyse.js";
import { notebookCode } from "./python-notebook.js";

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
        source: analysePython(f.text),
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

/** Analyse a notebook's code with lines mapped to the .ipynb file; undefined for non-Python kernels. */
function notebookSource(text: string): PythonSource | undefined {
  const nb = notebookCode(text);
  if (!nb.ok) return { ...analysePython(""), error: { message: nb.error, line: nb.line ?? 1 } };
  if (!nb.value.language.includes("python")) return undefined;
  const map = nb.value.fileLines;
  const at = (line: number): number => map[line - 1] || map.find((l) => l > 0) || 1;
  const source = analysePython(nb.value.code);
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
