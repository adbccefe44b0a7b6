/**
 * Which languages a repository is written in, from the listing alone (no contents needed):
 * bytes of source per language, ignoring vendored, generated and minified paths.
 */
import type { RepoFile, RepoView } from "../../src/engine/check.js";

/** The languages the checklist judges; the rest count as "other". */
export type Language = "python" | "javascript";

/** Extensions of the judged languages (a map: a path ending in `.constructor` is no language). */
const EXTENSIONS = new Map<string, Language>([
  ["py", "python"],
  ["pyi", "python"],
  ["ipynb", "python"],
  ["js", "javascript"],
  ["jsx", "javascript"],
  ["mjs", "javascript"],
  ["cjs", "javascript"],
  ["ts", "javascript"],
  ["tsx", "javascript"],
  ["mts", "javascript"],
  ["cts", "javascript"],
  ["vue", "javascript"],
  ["svelte", "javascript"],
]);

/**
 * Source in languages the checklist does not judge (R, Julia, JVM, Go, Rust, C/C++...): counted
 * only so that a little Python glue in an R project is not taken for a Python project.
 */
/** Source files in languages the checklist does not judge (R, Go, Java...). */
export const OTHER_SOURCE =
  /\.(r|rmd|jl|scala|sc|java|kt|kts|go|rs|c|cc|cpp|cxx|h|hpp|cs|fs|swift|rb|php|pl|lua|dart|ex|exs|erl|hs|clj|groovy|sas)$/i;

/** Below this share of all source, undeclared Python and JS are glue around a project in another language. */
const GLUE_SHARE = 0.25;
/** Files that make a language a declared part of the project (its own dependency manifest, notebooks). */
const DECLARES: readonly [RegExp, Language][] = [
  [
    /(^|\/)(requirements[\w.-]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|environment\.ya?ml)$|\.ipynb$/,
    "python",
  ],
  [/(^|\/)package\.json$/, "javascript"],
];

/** Paths that are not the project's own code: dependencies, builds, virtual environments. */
export const VENDORED =
  /(^|\/)(node_modules|vendor|third_party|site-packages|dist|build|\.venv|venv|env|\.tox|\.next|\.nuxt|coverage|__pycache__|\.ipynb_checkpoints)\//;

/** Globs of Python source (notebooks apart). */
export const PYTHON_GLOBS = ["**/*.py"] as const;
/** Globs of JavaScript/TypeScript source. */
export const JS_GLOBS = ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"] as const;
/** Globs of notebooks. */
export const NOTEBOOK_GLOBS = ["**/*.ipynb"] as const;

/** The language of a path by its extension, if it is one the checklist judges. */
export function languageOf(path: string): Language | undefined {
  const dot = path.lastIndexOf(".");
  if (dot === -1) return undefined;
  const ext = path.slice(dot + 1);
  const language = EXTENSIONS.get(ext) ?? EXTENSIONS.get(ext.toLowerCase());
  if (language === undefined) return undefined;
  return path.endsWith(".d.ts") || path.endsWith(".min.js") ? undefined : language;
}

/** True for the project's own files (not dependencies, builds or virtual environments). */
export function isOwnCode(file: RepoFile | string): boolean {
  return !VENDORED.test(typeof file === "string" ? file : file.path);
}

/** Source bytes per language, the project's own files only. */
export interface LanguageProfile {
  readonly python: number;
  readonly javascript: number;
  /** Bytes of source in languages the checklist does not judge. */
  readonly other: number;
  /**
   * Languages with at least 10% of the judged bytes, largest first. When Python and JS together
   * are under a quarter of all source, only a language with its own manifest counts: an ML
   * service with its requirements.txt beside an Android app is judged, a download script beside
   * an R analysis is glue.
   */
  readonly main: readonly Language[];
}

const cache = new WeakMap<RepoView, LanguageProfile>();

/** The repository's language profile (memoised per view). */
export function languages(repo: RepoView): LanguageProfile {
  const hit = cache.get(repo);
  if (hit) return hit;
  const bytes: Record<Language, number> = { python: 0, javascript: 0 };
  let other = 0;
  const declared = new Set<Language>();
  const files = repo.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as RepoFile; // indexed: see RepoView.files
    if (f.mode !== "file" && f.mode !== "executable") continue;
    for (let d = 0; d < DECLARES.length; d++) {
      // Indexed, not destructured: array destructuring iterates too.
      const declares = DECLARES[d] as (typeof DECLARES)[number];
      if (declares[0].test(f.path) && isOwnCode(f)) declared.add(declares[1]);
    }
    const lang = languageOf(f.path);
    if (!lang && OTHER_SOURCE.test(f.path) && isOwnCode(f)) other += f.size;
    if (!lang || !isOwnCode(f)) continue;
    // Notebooks are mostly JSON and outputs: count a tenth of their size as code.
    bytes[lang] += f.path.endsWith(".ipynb") ? Math.ceil(f.size / 10) : f.size;
  }
  const total = bytes.python + bytes.javascript;
  const main = (Object.keys(bytes) as Language[])
    .filter(
      (l) => bytes[l] > 0 && bytes[l] >= total * 0.1 && (total >= (total + other) * GLUE_SHARE || declared.has(l)),
    )
    .sort((a, b) => bytes[b] - bytes[a]);
  const profile = { ...bytes, other, main };
  cache.set(repo, profile);
  return profile;
}

/** Test files by the conventions of pytest, unittest, Jest/Vitest and Mocha. */
const TEST_PATH =
  /(^|\/)(tests?|__tests__|spec|specs)\/|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;

/** True for a test file or a file under a test folder. */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/**
 * The shared read requests for source code. Checks that read source use these exact objects,
 * so every check sees the same files and the budget is spent once.
 */
export const PYTHON_SOURCE_READ = { globs: PYTHON_GLOBS, maxFiles: 250, priority: 2 } as const;
/** Notebooks: code cells are read from them, never outputs. */
export const NOTEBOOK_READ = { globs: NOTEBOOK_GLOBS, maxFiles: 40, priority: 3 } as const;
/** JavaScript and TypeScript source. */
export const JS_SOURCE_READ = { globs: JS_GLOBS, maxFiles: 150, priority: 3 } as const;

/** Why no language is judged: none of the checklist's languages, or only glue around another one. */
export function noMainLanguage(profile: LanguageProfile): string {
  const judged = profile.python + profile.javascript;
  if (judged === 0) return "No Python or JavaScript/TypeScript code";
  const share = Math.round((100 * judged) / (judged + profile.other));
  return `Python/JavaScript is only glue here (${share}% of the source; the project is written in another language)`;
}
