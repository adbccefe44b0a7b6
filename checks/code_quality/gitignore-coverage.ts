/**
 * What a project's .gitignore must cover, as sample paths git would see: bytecode caches next to
 * the Python code, virtual environments and .env at the roots, checkpoints next to notebooks,
 * node_modules next to every package.json.
 */
import { countOf, type RepoView } from "../../src/engine/check.js";
import { isOwnCode, languages } from "../lib/languages.js";
import { GITIGNORE_GLOB } from "./ignore-rules.js";

/** What a Python or JS project's .gitignore must keep out, as sample paths git would see. */
export interface Requirement {
  readonly id: string;
  readonly what: string;
  /** Lost from the score when not covered. */
  readonly weight: number;
  /** Sample paths; `all` means every one must be ignored, else any one suffices. */
  readonly probes: readonly string[];
  readonly all: boolean;
  /** What a rule for this artefact names: a folder rule that covers a probe by accident does not. */
  readonly token: RegExp;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash + 1);
}

function depth(path: string): number {
  return countOf(path, "/");
}

/** Up to `n` distinct folders of the project's own files, shallowest first (one pass: listings can be huge). */
function folders(paths: readonly string[], n: number): string[] {
  const seen = new Set<string>();
  const best: { dir: string; depth: number }[] = [];
  for (const path of paths) {
    const dir = dirOf(path);
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (!isOwnCode(dir)) continue;
    const d = depth(dir);
    if (best.length === n && d >= (best[n - 1]?.depth ?? 0)) continue;
    best.push({ dir, depth: d });
    best.sort((a, b) => a.depth - b.depth || (a.dir < b.dir ? -1 : 1));
    if (best.length > n) best.pop();
  }
  return best.map((b) => b.dir);
}

/** The coverage a Python and/or JS project needs, with the probes that test it. */
export function coverageRequirements(repo: RepoView): Requirement[] {
  // A sample of each kind is enough to place the probes, and keeps a 100,000-file scan cheap.
  const paths = (glob: string): string[] =>
    repo
      .glob(glob)
      .slice(0, 5000)
      .map((f) => f.path);
  const gitignoreDirs = folders(paths(GITIGNORE_GLOB), 5);
  const roots = [...new Set(["", ...gitignoreDirs])];
  const out: Requirement[] = [];
  if (languages(repo).main.includes("python")) {
    const pyDirs = folders(paths("**/*.py"), 5);
    out.push({
      id: "missing-pycache",
      token: /pyc|pycache|py\[|\*\.py/,
      what: "Python bytecode caches (__pycache__/, *.pyc)",
      weight: 0.3,
      probes: (pyDirs.length > 0 ? pyDirs : [""]).map((d) => `${d}__pycache__/module.cpython-311.pyc`),
      all: true,
    });
    out.push({
      id: "missing-venv",
      token: /env/i,
      what: "virtual environments (.venv/, venv/, env/)",
      weight: 0.2,
      probes: roots.flatMap((d) => [".venv", "venv", "env"].map((v) => `${d}${v}/pyvenv.cfg`)),
      all: false,
    });
    out.push({
      id: "missing-env",
      token: /env/i,
      what: "local secrets files (.env)",
      weight: 0.3,
      probes: roots.map((d) => `${d}.env`),
      all: false,
    });
    const notebooks = folders(paths("**/*.ipynb"), 3);
    if (notebooks.length > 0)
      out.push({
        id: "missing-checkpoints",
        token: /checkpoint/,
        what: "Jupyter checkpoints (.ipynb_checkpoints/)",
        weight: 0.1,
        probes: notebooks.map((d) => `${d}.ipynb_checkpoints/analysis-checkpoint.ipynb`),
        all: true,
      });
  }
  const packages = folders(paths("**/package.json"), 5);
  if (packages.length > 0 || languages(repo).main.includes("javascript"))
    out.push({
      id: "missing-node-modules",
      token: /node_modules/,
      what: "installed packages (node_modules/)",
      weight: 0.35,
      probes: (packages.length > 0 ? packages : [""]).map((d) => `${d}node_modules/left-pad/index.js`),
      all: true,
    });
  return out;
}
