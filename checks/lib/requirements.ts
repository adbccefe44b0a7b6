/**
 * Dependency lists that are not project manifests: pip requirements files (with `-r`/`-c`
 * includes followed), conda `environment.yml` and `Pipfile`. Parsed by their own grammar,
 * never grepped: a `==` inside a comment or a URL fragment is not a pin.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "./languages.js";
import { parseConda, parsePipfile } from "./requirements-env.js";
import { parsePip, type Requirement, type RequirementsFile } from "./requirements-pip.js";

export {
  type Constraint,
  classifySpec,
  type Include,
  normalizeName,
  type Requirement,
  type RequirementsFile,
} from "./requirements-pip.js";

/** Requirements files by the names pip, pip-tools and conda users give them. */
export const REQUIREMENTS_READ: ReadRequest = {
  globs: [
    "**/*requirements*.{txt,in}",
    "**/requirements/**/*.{txt,in}",
    "**/*constraints*.txt",
    "**/environment*.{yml,yaml}",
    "**/conda*.{yml,yaml}",
    "**/Pipfile",
  ],
  maxFiles: 40,
  priority: 1,
};

/** Parse a dependency file by its name: conda YAML, Pipfile TOML, else pip requirements syntax. */
export function parseRequirements(text: string, path: string): RequirementsFile {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (/\.ya?ml$/i.test(base)) return parseConda(text, path);
  if (base === "Pipfile") return parsePipfile(text, path);
  return parsePip(text, path);
}

/** True for a path named like a requirements file (not `MANIFEST.in`, not autotools `Makefile.in`). */
export function isRequirementsPath(path: string): boolean {
  if (!isOwnCode(path)) return false;
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base === "Pipfile") return true;
  if (/^(environment|conda)[\w.-]*\.ya?ml$/i.test(base)) return true;
  if (/requirements|constraints/i.test(base) && /\.(txt|in)$/i.test(base)) return true;
  return /(^|\/)requirements\//i.test(path) && /^[\w-]+\.(txt|in)$/i.test(base);
}

const cache = new WeakMap<RepoView, RequirementsFile[]>();

/**
 * Every requirements file of the repository that was read, each parsed once, plus the files
 * reached through `-r`/`-c` includes (relative to the including file; cycles stop at a file
 * already seen). Each include carries whether its target was found, missing or unread.
 */
export function requirementsFiles(repo: RepoView): RequirementsFile[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const seen = new Map<string, RequirementsFile>();
  const queue = repo
    .glob(REQUIREMENTS_READ.globs)
    .map((f) => f.path)
    .filter(isRequirementsPath);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    const text = repo.text(path);
    if (text === undefined) continue;
    const file = parseRequirements(text, path);
    seen.set(path, file);
    for (const inc of file.includes) {
      if (inc.status === "remote") continue;
      if (!repo.has(inc.path)) inc.status = "missing";
      else if (repo.text(inc.path) === undefined) inc.status = "unread";
      else {
        inc.status = "found";
        queue.push(inc.path);
      }
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  cache.set(repo, files);
  return files;
}

/** A file's requirements with those of its `-r` includes, transitively and cycle-safe (constraints apart). */
export function effectiveRequirements(files: readonly RequirementsFile[], path: string): Requirement[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const out: Requirement[] = [];
  const visited = new Set<string>();
  const visit = (p: string): void => {
    const f = byPath.get(p);
    if (!f || visited.has(p)) return;
    visited.add(p);
    out.push(...f.entries);
    for (const inc of f.includes) if (!inc.constraint) visit(inc.path);
  };
  visit(path);
  return out;
}
