/**
 * The Python side of code_structure.dependencies: which manifests declare the dependencies,
 * how tightly they pin them, whether a list is a dumped environment, and which imports of the
 * project's own code no manifest declares.
 */
import type { RepoFile, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { declaredDependencies } from "../lib/project.js";
import { pythonSources } from "../lib/python.js";
import {
  type Constraint,
  classifySpec,
  effectiveRequirements,
  isRequirementsPath,
  normalizeName,
  REQUIREMENTS_READ,
  type Requirement,
  type RequirementsFile,
  requirementsFiles,
} from "../lib/requirements.js";
import { type ListOrigin, listOrigin } from "./environment-dump.js";
import { isDeclared, isStdlib } from "./import-names.js";
import { isToolingPath } from "./layout.js";

/** Lock files that pin a Python environment whatever the manifest's ranges say. */
export const PYTHON_LOCKS = [
  "**/poetry.lock",
  "**/uv.lock",
  "**/Pipfile.lock",
  "**/pdm.lock",
  "**/*conda-lock.{yml,yaml}",
  "**/pylock*.toml",
];

/** One dependency as far as pinning is concerned. */
export interface PinnedEntry {
  readonly name: string;
  readonly constraint: Constraint;
  readonly path: string;
  readonly line?: number;
  readonly dev: boolean;
}

/** An import of a third-party package that no manifest declares. */
export interface UndeclaredImport {
  readonly root: string;
  readonly path: string;
  readonly line: number;
  readonly notebook: boolean;
}

/** Everything the dependency check needs to know about the Python side. */
export interface PythonDependencies {
  readonly files: readonly (RequirementsFile & { readonly origin: ListOrigin })[];
  /** Manifests that declare dependencies (pyproject, setup.cfg, setup.py, requirements...). */
  readonly manifests: readonly string[];
  readonly locks: readonly string[];
  /** Requirements files listed but not read (too large, binary, over the read budget), with why. */
  readonly unread: readonly { readonly path: string; readonly reason: string }[];
  readonly entries: readonly PinnedEntry[];
  /** Each manifest with what installing from it pulls in (a requirements file with its `-r` includes). */
  readonly byManifest: readonly { readonly path: string; readonly entries: readonly PinnedEntry[] }[];
  readonly undeclared: readonly UndeclaredImport[];
  /** Distinct third-party import roots seen in the project's own code. */
  readonly thirdParty: number;
}

/** Poetry and PEP 621 specs: a bare version pins (Poetry), `^`/`~` bound, the rest by PEP 440. */
export function constraintOf(spec: string): Constraint {
  const s = spec.trim();
  if (/^\d/.test(s)) return /[*]/.test(s) ? "bounded" : "exact";
  if (/^[\^~](?!=)/.test(s)) return "bounded";
  return classifySpec(s.replace(/;.*$/, ""));
}

/** Runtimes and installers: declaring them is not a project dependency. */
const NOT_A_DEPENDENCY = new Set(["python", "pip", "setuptools", "wheel", "conda"]);
/** Build-time imports: setuptools comes with every environment pip can install into. */
const BUILD_IMPORTS = new Set(["setuptools", "pkg_resources", "distutils", "_distutils_hack"]);
/** Notebook and hosted-runtime imports that no project manifest would list. */
const RUNTIME_IMPORTS =
  /^(IPython|google\.colab|kaggle_secrets|kaggle_datasets|kaggle_environments|js|pyodide|__main__|google\.cloud\.aiplatform\.notebooks)/;

/** Names the project's own code defines: every module file and every folder holding Python. */
function localModules(repo: RepoView): Set<string> {
  const local = new Set<string>();
  // The listing is sorted, so files of one folder come together: each folder's names are
  // added once, not split out again for each of its (often thousands of) files.
  let lastDir: string | undefined;
  const files = repo.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as RepoFile;
    if (!PYTHON_MODULE_FILE.test(f.path) || !isOwnCode(f)) continue;
    const slash = f.path.lastIndexOf("/");
    const base = f.path.slice(slash + 1);
    local.add(base.slice(0, base.indexOf(".")));
    const dir = slash === -1 ? "" : f.path.slice(0, slash);
    if (dir === lastDir) continue;
    lastDir = dir;
    if (dir !== "") for (const part of dir.split("/")) local.add(part);
  }
  return local;
}

/** Files that make a Python module importable by name. */
const PYTHON_MODULE_FILE = /\.(py|pyi|ipynb|so|pyd)$/;

const cache = new WeakMap<RepoView, PythonDependencies>();

/** The Python dependency facts of the repository (memoised per view). */
export function pythonDependencies(repo: RepoView): PythonDependencies {
  const hit = cache.get(repo);
  if (hit) return hit;
  const files = requirementsFiles(repo).map((f) => ({ ...f, origin: listOrigin(f, repo.text(f.path) ?? "") }));
  // Pipfiles are read here with their pins; the project helper's copy would count them twice.
  const declared = declaredDependencies(repo).filter((d) => d.ecosystem === "python" && !/(^|\/)Pipfile$/.test(d.path));
  const pinned = (path: string, e: Requirement): PinnedEntry => ({
    name: e.name,
    constraint: e.constraint,
    path,
    line: e.line,
    dev: e.dev,
  });
  const counts = (e: Requirement) => e.kind !== "local" && !NOT_A_DEPENDENCY.has(e.key);
  const origin = new Map<Requirement, string>(files.flatMap((f) => f.entries.map((e) => [e, f.path] as const)));
  const requirementFiles = files.filter((f) => !/constraints/i.test(f.path));
  const entries: PinnedEntry[] = requirementFiles.flatMap((f) =>
    f.entries.filter(counts).map((e) => pinned(f.path, e)),
  );
  const byManifest = requirementFiles.map((f) => ({
    path: f.path,
    // Installing from a file installs its includes too: `-r base.txt` pins count for the file.
    entries: effectiveRequirements(files, f.path)
      .filter(counts)
      .map((e) => pinned(origin.get(e) ?? f.path, e)),
  }));
  const fromProject = new Map<string, PinnedEntry[]>();
  for (const d of declared) {
    if (NOT_A_DEPENDENCY.has(d.name)) continue;
    const entry: PinnedEntry = {
      name: d.name,
      constraint: constraintOf(d.spec),
      path: d.path,
      dev: d.dev,
      ...(d.line ? { line: d.line } : {}),
    };
    entries.push(entry);
    fromProject.set(d.path, [...(fromProject.get(d.path) ?? []), entry]);
  }
  for (const [path, list] of fromProject) byManifest.push({ path, entries: list });
  const manifests = [
    ...new Set([
      ...files.filter((f) => f.entries.length > 0 || f.includes.length > 0).map((f) => f.path),
      ...declared.map((d) => d.path),
    ]),
  ].sort();
  const locks = repo
    .glob(PYTHON_LOCKS)
    .filter((f) => isOwnCode(f))
    .map((f) => f.path);

  const unread = repo
    .glob(REQUIREMENTS_READ.globs)
    .filter((f) => isRequirementsPath(f.path) && repo.text(f.path) === undefined)
    .map((f) => {
      const c = repo.content(f.path);
      return { path: f.path, reason: c.kind === "unread" ? c.reason.replace(/_/g, " ") : "unknown" };
    });
  for (const f of files)
    for (const inc of f.includes)
      if (inc.status === "unread")
        unread.push({ path: inc.path, reason: "not read (its name is not a requirements file name)" });

  const declaredKeys = new Set<string>([
    ...files.flatMap((f) => f.entries.map((e) => e.key)),
    ...declared.map((d) => normalizeName(d.name)),
  ]);
  const local = localModules(repo);
  const seen = new Map<string, UndeclaredImport>();
  const roots = new Set<string>();
  for (const src of pythonSources(repo, { notebooks: true })) {
    if (src.test || isToolingPath(src.path)) continue;
    for (const imp of src.source.imports) {
      if (imp.module.startsWith(".") || RUNTIME_IMPORTS.test(imp.module)) continue;
      const root = imp.module.split(".")[0] ?? "";
      if (!root || isStdlib(root) || local.has(root) || BUILD_IMPORTS.has(root)) continue;
      roots.add(root);
      if (isDeclared(root, declaredKeys)) continue;
      const prev = seen.get(root);
      // Prefer a site in a module over one in a notebook: it is the stronger evidence.
      if (!prev || (prev.notebook && !src.notebook))
        seen.set(root, { root, path: src.path, line: imp.line, notebook: src.notebook });
    }
  }
  const result: PythonDependencies = {
    files,
    manifests,
    locks,
    unread,
    entries,
    byManifest,
    undeclared: [...seen.values()].sort((a, b) => (a.root < b.root ? -1 : 1)),
    thirdParty: roots.size,
  };
  cache.set(repo, result);
  return result;
}
