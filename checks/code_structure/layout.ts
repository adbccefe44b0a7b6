/**
 * How a repository's code is laid out, from the listing alone: packages, a `src/` layout,
 * folders of modules, loose scripts, notebooks, and data or model files lying beside the code.
 */
import type { RepoFile, RepoView } from "../../src/engine/check.js";
import { isOwnCode, isTestPath, languageOf } from "../lib/languages.js";

/** The shape of the code: from best organised to least. */
export type LayoutKind = "package" | "folders" | "flat" | "single-script" | "notebooks-only" | "none";

/** What the listing says about the code's organisation. */
export interface Layout {
  readonly kind: LayoutKind;
  /** Own, non-test source files that are modules (tool configs, `__init__.py`, docs apart). */
  readonly modules: readonly RepoFile[];
  readonly notebooks: readonly RepoFile[];
  /** Directories with an `__init__.py` and at least one module or subpackage. */
  readonly packages: readonly string[];
  /** `src/` holding packages or at least two modules. */
  readonly srcLayout: boolean;
  /** Other directories holding two or more modules (namespace packages, JS folders). */
  readonly moduleDirs: readonly string[];
  /** Data and model files in a directory that also holds loose scripts, or at the root. */
  readonly artefacts: readonly RepoFile[];
  /** Top-level folders that separate concerns: data, models, notebooks, serving, configs, tests. */
  readonly concerns: readonly string[];
  /** Test files of the project. */
  readonly tests: number;
}

/** Files that configure tools or build the project rather than being part of it. */
const TOOLING =
  /(^|\/)(setup\.py|conftest\.py|noxfile\.py|fabfile\.py|manage\.py|[\w.-]+\.config\.[cm]?[jt]s|\.eslintrc\.[cm]?js|gulpfile\.[cm]?js|Gruntfile\.js)$|(^|\/)(docs?|\.github|\.husky)\//;
/** Scripts served to browsers by a web app (a Flask `static/` folder): assets, not modules. */
const WEB_ASSETS = /(^|\/)(static|public|assets|www|templates)\/.*\.[cm]?jsx?$/;
/** Folders of loose scripts: what lives there is not a module layout by itself. */
const SCRIPT_DIRS = new Set(["scripts", "script", "bin", "tools", "notebooks", "notebook", "examples", "example"]);
/** Data and model files: at the root of a project they are artefacts, not code. */
const ARTEFACT =
  /\.(csv|tsv|xlsx?|parquet|feather|arrow|pkl|pickle|joblib|sav|h5|hdf5|keras|pt|pth|ckpt|safetensors|onnx|pb|tflite|npy|npz|mat|model|bin)$/i;
const CONCERNS: Record<string, string> = {
  data: "data",
  datasets: "data",
  models: "models",
  model: "models",
  artifacts: "models",
  notebooks: "notebooks",
  notebook: "notebooks",
  app: "serving",
  api: "serving",
  serving: "serving",
  service: "serving",
  server: "serving",
  backend: "serving",
  deployment: "serving",
  configs: "configs",
  config: "configs",
  conf: "configs",
  tests: "tests",
  test: "tests",
  src: "src",
  pipelines: "pipelines",
  pipeline: "pipelines",
};

/** True for files that build, document or configure the project rather than being its code. */
export function isToolingPath(path: string): boolean {
  return TOOLING.test(path);
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function isRegular(f: RepoFile): boolean {
  return f.mode === "file" || f.mode === "executable";
}

const cache = new WeakMap<RepoView, Layout>();

/** The repository's code layout (memoised per view). */
export function layoutOf(repo: RepoView): Layout {
  const hit = cache.get(repo);
  if (hit) return hit;
  const modules: RepoFile[] = [];
  const notebooks: RepoFile[] = [];
  const inits = new Set<string>();
  let tests = 0;
  const files = repo.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as RepoFile; // indexed: see RepoView.files
    if (!isRegular(f) || !isOwnCode(f)) continue;
    const lang = languageOf(f.path);
    if (!lang) continue;
    if (isTestPath(f.path)) {
      tests++;
      continue;
    }
    if (f.path.endsWith(".ipynb")) notebooks.push(f);
    else if (baseOf(f.path) === "__init__.py") inits.add(dirOf(f.path));
    else if (!TOOLING.test(f.path) && !WEB_ASSETS.test(f.path) && !f.path.endsWith(".pyi")) modules.push(f);
  }

  const perDir = new Map<string, number>();
  for (const m of modules) perDir.set(dirOf(m.path), (perDir.get(dirOf(m.path)) ?? 0) + 1);
  // Folders above some other package: a package of sub-packages only is a package too.
  const aboveAPackage = new Set<string>();
  for (const d of inits)
    for (let slash = d.lastIndexOf("/"); slash > 0; slash = d.lastIndexOf("/", slash - 1))
      aboveAPackage.add(d.slice(0, slash));
  const packages = [...inits].filter((d) => d !== "" && ((perDir.get(d) ?? 0) > 0 || aboveAPackage.has(d)));
  const srcModules = modules.filter((m) => m.path.startsWith("src/")).length;
  const srcLayout = packages.some((p) => p.startsWith("src/")) || srcModules >= 2;
  const isScriptDir = (d: string) => d.split("/").some((seg) => SCRIPT_DIRS.has(seg.toLowerCase()));
  const moduleDirs = [...perDir.entries()]
    .filter(([d, n]) => d !== "" && n >= 2 && !isScriptDir(d) && !packages.includes(d))
    .map(([d]) => d);

  // One module inside a package is a small package, not a loose script.
  const kind: LayoutKind =
    modules.length === 0
      ? notebooks.length > 0
        ? "notebooks-only"
        : "none"
      : modules.length === 1 && !packages.includes(dirOf(modules[0]?.path ?? ""))
        ? "single-script"
        : packages.length > 0 || srcLayout
          ? "package"
          : moduleDirs.length > 0
            ? "folders"
            : "flat";

  // Artefacts count where loose scripts live (the root, or the one folder of a flat layout).
  const scriptDirs = new Set(kind === "flat" || kind === "single-script" ? modules.map((m) => dirOf(m.path)) : []);
  scriptDirs.add("");
  const artefacts = repo.files.filter(
    (f) => isRegular(f) && ARTEFACT.test(f.path) && scriptDirs.has(dirOf(f.path)) && isOwnCode(f),
  );
  const concerns = [
    ...new Set(
      [...repo.directories()]
        .filter((d) => d !== "" && !d.includes("/"))
        .map((d) => CONCERNS[d.toLowerCase()])
        .filter((c): c is string => c !== undefined),
    ),
  ].sort();

  const layout: Layout = {
    kind,
    modules,
    notebooks,
    packages: packages.sort(),
    srcLayout,
    moduleDirs: moduleDirs.sort(),
    artefacts,
    concerns,
    tests,
  };
  cache.set(repo, layout);
  return layout;
}
