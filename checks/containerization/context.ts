/**
 * The build context of a Dockerfile, inferred from the listing: which folder its COPY sources
 * live in, whether a `.dockerignore` covers it, which sources the repository does not have,
 * and whether `COPY . .` would carry a committed `.env` into the image.
 */
import { minimatch } from "minimatch";
import type { RepoView } from "../../src/engine/check.js";
import { copySources, type DockerfileModel, substitute } from "../lib/dockerfile.js";
import { stageVariables } from "../lib/dockerfile-stages.js";
import { isOwnCode } from "../lib/languages.js";
import { isEnvTemplate } from "../lib/secrets.js";

/** A COPY/ADD source as the image build sees it. */
export interface CopySource {
  readonly source: string;
  readonly line: number;
}

/** Folders that hold build output: a COPY of them is fed by an earlier build step, not by git. */
const BUILD_OUTPUT =
  /^(dist|build|target|out|\.next|node_modules|site|bin|obj|wheels|\.venv|venv)(\/|$)|\.(jar|war|whl)$/;

/** The folder of a path ("" for the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/** A folder and all its ancestors up to the root, nearest first. */
export function ancestors(dir: string): string[] {
  const out = [dir];
  let d = dir;
  while (d !== "") {
    d = dirOf(d);
    out.push(d);
  }
  return out;
}

function join(dir: string, rel: string): string {
  return dir === "" ? rel : `${dir}/${rel}`;
}

/** The sources copied from the build context (not `--from` a stage, not URLs), variables resolved. */
export function contextSources(model: DockerfileModel): CopySource[] {
  const out: CopySource[] = [];
  for (const stage of model.stages) {
    const values = stageVariables(model, stage);
    for (const ins of stage.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.from) continue;
      for (const raw of copySources(ins)) {
        const source = substitute(raw, values);
        if (/^(https?|git|ssh):\/\/|^git@/.test(source)) continue;
        out.push({ source, line: ins.line });
      }
    }
  }
  return out;
}

function normalise(source: string): string {
  return source
    .replace(/^(\.\/)+/, "")
    .replace(/^\/+/, "")
    .replace(/\/+$/, "");
}

/** True when the source exists in this context folder (file, folder or glob match). */
function existsIn(repo: RepoView, dir: string, source: string): boolean {
  const rel = normalise(source);
  if (rel === "" || rel === ".") return true;
  const path = join(dir, rel);
  if (/[*?[]/.test(rel)) return repo.glob(path).length > 0 || repo.glob(`${path}/**`).length > 0;
  return repo.has(path) || repo.directories().has(path);
}

/** The likeliest build context: the ancestor folder where most COPY sources exist (nearest on ties). */
export function inferContext(repo: RepoView, dockerfilePath: string, sources: readonly CopySource[]): string {
  let best = dirOf(dockerfilePath);
  let bestCount = -1;
  for (const dir of ancestors(dirOf(dockerfilePath))) {
    const count = sources.filter((s) => !s.source.includes("$") && existsIn(repo, dir, s.source)).length;
    if (count > bestCount) {
      best = dir;
      bestCount = count;
    }
  }
  return best;
}

/** Sources found in no candidate context (the Dockerfile's folder or any ancestor), split by likely cause. */
export function missingSources(
  repo: RepoView,
  dockerfilePath: string,
  sources: readonly CopySource[],
): { readonly missing: CopySource[]; readonly built: CopySource[] } {
  const missing: CopySource[] = [];
  const built: CopySource[] = [];
  const dirs = ancestors(dirOf(dockerfilePath));
  for (const s of sources) {
    // A wildcard that matches nothing is the idiom for an optional file (`COPY requirements.in* ./`).
    if (s.source.includes("$") || /[*?[]/.test(s.source) || dirs.some((d) => existsIn(repo, d, s.source))) continue;
    (BUILD_OUTPUT.test(normalise(s.source)) ? built : missing).push(s);
  }
  return { missing, built };
}

/** The `.dockerignore` that applies: BuildKit's `<Dockerfile>.dockerignore`, else the nearest one up the tree. */
export function dockerignoreFor(repo: RepoView, dockerfilePath: string, context: string): string | undefined {
  const own = `${dockerfilePath}.dockerignore`;
  if (repo.has(own)) return own;
  for (const dir of [context, ...ancestors(dirOf(dockerfilePath))]) {
    const path = join(dir, ".dockerignore");
    if (repo.has(path)) return path;
  }
  return undefined;
}

/** Patterns of a `.dockerignore` (comments and blank lines dropped). */
export function ignorePatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** True when Docker would leave this context-relative path out of the build context. */
export function isIgnored(rel: string, patterns: readonly string[]): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = normalise(negated ? raw.slice(1) : raw);
    if (pattern === "") continue;
    const options = { dot: true, nocomment: true, nonegate: true };
    // A pattern ignores a folder's whole content, and `*` alone matches everything below the root.
    const hit = minimatch(rel, pattern, options) || rel.startsWith(`${pattern}/`) || pattern === "*";
    if (hit) ignored = !negated;
  }
  return ignored;
}

/** Committed `.env` files under the context that a `COPY .` would carry into the image. */
export function leakedEnvFiles(repo: RepoView, context: string, patterns: readonly string[] | undefined): string[] {
  const prefix = context === "" ? "" : `${context}/`;
  return repo
    .glob(["**/.env", "**/.env.*"])
    .filter((f) => f.path.startsWith(prefix) && isOwnCode(f) && !isEnvTemplate(f.path))
    .map((f) => f.path)
    .filter((path) => !patterns || !isIgnored(path.slice(prefix.length), patterns));
}

/** True for a source that copies the whole context (`.`, `./`, `*`). */
export function copiesWholeContext(source: string): boolean {
  const rel = normalise(source);
  return rel === "" || rel === "." || rel === "*";
}

/** Credential files that should never be copied into an image. */
const CREDENTIAL_FILE =
  /(^|\/)(\.env(\.[^/]*)?|[^/]*\.(pem|key|p12|pfx)|id_(rsa|dsa|ecdsa|ed25519)[^/]*|\.ssh|\.aws|\.netrc|\.pypirc|\.git-credentials|kaggle\.json|credentials[^/]*\.json|service[-_]account[^/]*\.json|secrets\.(toml|ya?ml|json))$/;

/** True when a COPY source names a credential file (`.env`, `id_rsa`, `credentials.json`), not a template. */
export function isCredentialSource(source: string): boolean {
  const rel = normalise(source);
  return CREDENTIAL_FILE.test(rel) && !isEnvTemplate(rel);
}
