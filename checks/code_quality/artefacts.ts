/**
 * Files a repository holds that a working .gitignore keeps out: virtual environments, caches,
 * node_modules, OS litter, tool run folders, large model/data files and local `.env` files.
 * Read from the listing alone (paths, sizes), so it costs no reads.
 */
import ignore from "ignore";
import type { RepoFile, RepoView } from "../../src/engine/check.js";
import { inProjectTemplate } from "../lib/secrets.js";
import { isKeepFile } from "./ignore-rules.js";

/** Kinds of committed artefact, each with its own weight in the verdict. */
export type ArtefactKind = "venv" | "node_modules" | "cache" | "run_dir" | "large_file" | "os_file" | "env_file";

/** One kind of artefact found, with where. */
export interface ArtefactGroup {
  readonly kind: ArtefactKind;
  /** The folders or files to show (a venv's root, a cache folder, each large file). */
  readonly examples: readonly string[];
  /** How many listed files fall in this group. */
  readonly files: number;
  /** Bytes of those files by listed size. */
  readonly bytes: number;
}

/** A virtual environment's tell-tale files; group 1 is the environment's root folder. */
const VENV =
  /^(?:(.*)\/)?(?:pyvenv\.cfg|Scripts\/(?:python|pythonw|activate)(?:\.exe|\.bat)?|bin\/activate|bin\/python[0-9.]*|conda-meta\/history|[Ll]ib\/(?:python[0-9.]+\/)?site-packages\/.*)$/;
const VENV_AT_ROOT = /^(pyvenv\.cfg|[Ll]ib\/|Scripts\/|bin\/|[Ii]nclude\/|share\/)/;
const NODE_MODULES = /^(.*?node_modules)\//;
const CACHE = /^(.*?(?:__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.hypothesis))\/|\.py[co]$/;
/** Folders experiment tools write runs into; wandb/ only with its run folders (a package may be called wandb). */
const RUN_DIR =
  /^(.*?(?:^|\/)(?:mlruns|lightning_logs|\.ipynb_checkpoints|catboost_info|multirun|wandb(?=\/(?:run-|offline-run-|latest-run|debug))))\/|^(.*?)\/[^/]*events\.out\.tfevents\./;
const OS_FILE = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/;
/** Local environment files; templates (`.env.example`, `.env.sample`...) are meant to be committed. */
const ENV_FILE = /(^|\/)\.env(\.(local|dev|development|prod|production|staging|test))?$/;
/** Every artefact path contains one of these; the precise patterns above run only on those. */
const MAYBE =
  /pyvenv|conda-meta|Scripts\/|bin\/|site-packages|node_modules|__pycache__|_cache\/|\.tox\/|\.nox\/|\.hypothesis|\.py[co]$|mlruns|lightning_logs|ipynb_checkpoints|catboost_info|multirun|wandb\/|tfevents|\.DS_Store|Thumbs\.db|desktop\.ini|\.env/;
const MODEL_OR_DATA =
  /\.(pkl|pickle|joblib|h5|hdf5|keras|pt|pth|ckpt|safetensors|onnx|pb|tflite|bin|npy|npz|csv|tsv|parquet|feather|arrow|xlsx|xls|json|jsonl|zip|gz|tar|7z|rar|sav|model|weights)$/i;
/** GitHub warns from 50 MB and refuses 100 MB; 10 MB of model or data is already a repository bloat. */
const LARGE_DATA_BYTES = 10 * 1024 * 1024;
const LARGE_ANY_BYTES = 50 * 1024 * 1024;

function isLarge(f: RepoFile): boolean {
  return f.size > LARGE_ANY_BYTES || (f.size > LARGE_DATA_BYTES && MODEL_OR_DATA.test(f.path));
}

/** The committed artefacts, grouped, and every path that fell in a group. */
export interface Artefacts {
  readonly groups: readonly ArtefactGroup[];
  readonly paths: ReadonlySet<string>;
}

/** The committed artefacts; `lfs(path)` tells which paths Git LFS stores (a pointer, not bloat). */
export function committedArtefacts(repo: RepoView, lfs: (path: string) => boolean): Artefacts {
  const paths = new Set<string>();
  const groups = new Map<ArtefactKind, { examples: Set<string>; files: number; bytes: number }>();
  const add = (kind: ArtefactKind, example: string, f: RepoFile): void => {
    let g = groups.get(kind);
    if (!g) {
      g = { examples: new Set(), files: 0, bytes: 0 };
      groups.set(kind, g);
    }
    g.examples.add(example);
    paths.add(f.path);
    g.files++;
    g.bytes += f.size;
  };
  // One cheap test first: in a large repository almost no path is an artefact.
  const candidates = repo.files.filter((f) => MAYBE.test(f.path) || f.size > LARGE_DATA_BYTES);
  // A venv's root is known from any of its marker files; everything under it belongs to it.
  const venvRoots = new Set<string>();
  for (const f of candidates) {
    const m = VENV.exec(f.path);
    if (m) venvRoots.add(m[1] ?? "");
  }
  const inVenv = (path: string): string | undefined => {
    for (const root of venvRoots) {
      // A venv created at the repository root shares it with the project's own files.
      if (root === "" ? VENV_AT_ROOT.test(path) : path.startsWith(`${root}/`)) return root === "" ? "." : root;
    }
    return undefined;
  };
  for (const f of candidates) {
    const venv = venvRoots.size > 0 ? inVenv(f.path) : undefined;
    if (venv !== undefined) {
      add("venv", `${venv}/`, f);
      continue;
    }
    const nm = NODE_MODULES.exec(f.path);
    if (nm) {
      add("node_modules", `${nm[1]}/`, f);
      continue;
    }
    const cache = CACHE.exec(f.path);
    if (cache) {
      add("cache", cache[1] ? `${cache[1]}/` : f.path, f);
      continue;
    }
    const run = RUN_DIR.exec(f.path);
    // A placeholder that keeps an ignored run folder in git (`mlruns/.gitkeep`) is no run output.
    if (run && !isKeepFile(f.path)) {
      add("run_dir", `${run[1] ?? run[2] ?? ""}/`, f);
      continue;
    }
    if ((f.mode === "file" || f.mode === "executable") && isLarge(f) && !lfs(f.path)) {
      add("large_file", f.path, f);
      continue;
    }
    if (OS_FILE.test(f.path)) add("os_file", f.path, f);
    else if (ENV_FILE.test(f.path) && !inProjectTemplate(f.path)) add("env_file", f.path, f);
  }
  return {
    groups: [...groups.entries()].map(([kind, g]) => ({
      kind,
      examples: [...g.examples],
      files: g.files,
      bytes: g.bytes,
    })),
    paths,
  };
}

/** Human size: "52.4 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Paths stored by Git LFS (`filter=lfs` in .gitattributes): a large file there is a pointer, not bloat. */
export function lfsMatcher(repo: RepoView): (path: string) => boolean {
  const rules = ignore();
  let any = false;
  for (const f of repo.read("**/.gitattributes")) {
    const base = f.path.slice(0, f.path.lastIndexOf("/") + 1);
    for (const line of f.text.split(/\r?\n/)) {
      const [pattern, ...attrs] = line.trim().split(/\s+/);
      if (!pattern || pattern.startsWith("#") || !attrs.includes("filter=lfs")) continue;
      rules.add(base === "" ? pattern : `${base}${pattern.replace(/^\//, "")}`);
      any = true;
    }
  }
  return (path) => {
    if (!any) return false;
    try {
      return rules.ignores(path);
    } catch {
      return false;
    }
  };
}
