/**
 * Listing a commit through the Git trees API: one recursive request, and only when GitHub
 * truncates it (over 100,000 entries or 7 MB) the rest through GraphQL, many directories a
 * query, several levels deep; or, without GraphQL or when it fails, a bounded breadth-first
 * walk of the subtrees through the trees API.
 */
import type { FileMode, RepoFile, SourceNote } from "../engine/types.js";

/** One entry of a Git tree as the REST API returns it. */
export interface GitTreeEntry {
  readonly path?: string;
  readonly mode?: string;
  readonly type?: string;
  readonly sha?: string;
  readonly size?: number;
}

/** A Git tree response: entries relative to the requested tree, and whether GitHub cut it short. */
export interface GitTree {
  readonly tree: readonly GitTreeEntry[];
  readonly truncated: boolean;
}

/** Fetch one tree by sha (a commit sha works for the root), recursively or one level. */
export type FetchTree = (sha: string, recursive: boolean) => Promise<GitTree>;

/** An entry of a directory listed through GraphQL; `entries` when the query reached below it. */
export interface DirectoryEntry {
  readonly name: string;
  /** `blob`, `tree` or `commit` (a submodule). */
  readonly type: string;
  /** git's octal mode as a number, as GraphQL gives it (33188 is 100644). */
  readonly mode: number;
  readonly oid: string | undefined;
  readonly size: number;
  readonly entries?: readonly DirectoryEntry[];
}

/** List directories by path, each `depth` levels down, in one request; null for one not found. */
export type FetchDirectories = (
  paths: readonly string[],
  depth: number,
) => Promise<readonly (readonly DirectoryEntry[] | null)[]>;

/** How a truncated tree is completed. */
export interface TreeWalkOptions {
  /** Requests allowed after the truncated one. */
  readonly maxExtraRequests: number;
  /** Trees-API requests in flight at once during the REST walk. */
  readonly concurrency: number;
  /** GraphQL listing; without it (or when it fails for other reasons than rate limits) the REST walk. */
  readonly fetchDirectories?: FetchDirectories;
  /** Levels below each directory one GraphQL query lists (default 8). */
  readonly depth?: number;
  /** Directories per GraphQL query (default 100). */
  readonly directoriesPerQuery?: number;
}

/** A listed file with the blob sha GitHub gave it (kept to fetch raw bytes later). */
export interface ListedFile extends RepoFile {
  readonly sha: string | undefined;
}

/** What a listing produced: files in no particular order, and a note when the tree was truncated. */
export interface TreeListing {
  readonly files: ReadonlyMap<string, ListedFile>;
  readonly note: SourceNote | undefined;
}

function modeOf(entry: GitTreeEntry): FileMode | undefined {
  if (entry.type === "tree") return undefined;
  if (entry.type === "commit" || entry.mode === "160000") return "submodule";
  switch (entry.mode) {
    case "100644":
    case "100664": // legacy group-writable mode still found in old repositories
      return "file";
    case "100755":
      return "executable";
    case "120000":
      return "symlink";
    default:
      return "special";
  }
}

function addEntries(into: Map<string, ListedFile>, prefix: string, entries: readonly GitTreeEntry[]): void {
  for (const entry of entries) {
    const mode = modeOf(entry);
    if (!mode || !entry.path) continue;
    const path = prefix + entry.path;
    into.set(path, { path, size: entry.size ?? 0, mode, sha: entry.sha });
  }
}

/** A directory still to list: `recursive` first, one level down when that is truncated too. */
interface Pending {
  readonly path: string;
  readonly sha: string;
  readonly recursive: boolean;
}

function subtrees(prefix: string, entries: readonly GitTreeEntry[]): Pending[] {
  const out: Pending[] = [];
  for (const e of entries)
    if (e.type === "tree" && e.path && e.sha && !e.path.includes("/"))
      out.push({ path: prefix + e.path, sha: e.sha, recursive: true });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The directories a truncated recursive answer lists completely. GitHub walks the tree in git's
 * pre-order and stops at its limit, so the answer is a prefix of that walk: a directory is
 * complete once the walk has moved past it, that is, unless it is on the path of the last entry.
 * If the answer is not shaped like a pre-order walk (an entry whose directory is not open),
 * nothing is trusted and every directory is asked for.
 */
export function coveredDirectories(prefix: string, entries: readonly GitTreeEntry[]): string[] {
  const open: string[] = [];
  const dirs: string[] = [];
  for (const e of entries) {
    if (!e.path) return [];
    const slash = e.path.lastIndexOf("/");
    const parent = slash < 0 ? "" : e.path.slice(0, slash);
    while (open.length > 0 && open[open.length - 1] !== parent) open.pop();
    if (parent !== "" && open.length === 0) return [];
    if (e.type === "tree") {
      open.push(e.path);
      dirs.push(e.path);
    }
  }
  const unfinished = new Set(open);
  return dirs.filter((d) => !unfinished.has(d)).map((d) => prefix + d);
}

function describe(dirs: readonly string[]): string {
  const shown = dirs.slice(0, 5).map((d) => (d === "." ? "the top level" : `${d}/`));
  return dirs.length > 5 ? `${shown.join(", ")} and ${dirs.length - 5} more` : shown.join(", ");
}

/** What a walk after a truncated answer did: requests made, directories it could not list. */
interface Walked {
  readonly requests: number;
  readonly incomplete: string[];
}

/**
 * The GraphQL walk: the root listed `depth` levels deep in one query, then every directory
 * below that depth which the truncated answer did not cover, `perQuery` directories a query.
 */
async function walkByQueries(
  fetchDirectories: FetchDirectories,
  files: Map<string, ListedFile>,
  covered: ReadonlySet<string>,
  options: { max: number; depth: number; perQuery: number },
  sent: { requests: number },
): Promise<Walked> {
  const incomplete: string[] = [];
  let pending = [""];
  const visit = (prefix: string, entries: readonly DirectoryEntry[], next: string[]) => {
    for (const e of entries) {
      const path = prefix + e.name;
      if (e.type === "tree") {
        if (e.entries) visit(`${path}/`, e.entries, next);
        else if (!covered.has(path)) next.push(path);
        continue;
      }
      const mode = modeOf({ type: e.type, mode: e.mode.toString(8) });
      if (mode) files.set(path, { path, size: e.size, mode, sha: e.oid });
    }
  };
  while (pending.length > 0) {
    if (sent.requests >= options.max) {
      incomplete.push(...pending.map((p) => p || "."));
      break;
    }
    const batch = pending.slice(0, options.perQuery);
    pending = pending.slice(batch.length);
    sent.requests++;
    const answers = await fetchDirectories(batch, options.depth);
    const next: string[] = [];
    batch.forEach((dir, i) => {
      const entries = answers[i];
      if (entries) visit(dir ? `${dir}/` : "", entries, next);
      else incomplete.push(dir || ".");
    });
    pending = [...pending, ...next.sort()];
  }
  return { requests: sent.requests, incomplete };
}

/** The trees-API walk: breadth-first, in waves of `concurrency`, at most `max` requests. */
async function walkBySubtrees(
  fetchTree: FetchTree,
  commitSha: string,
  files: Map<string, ListedFile>,
  covered: Set<string>,
  max: number,
  concurrency: number,
): Promise<Walked> {
  const incomplete: string[] = [];
  let extra = 0;
  let queue: Pending[] = [{ path: "", sha: commitSha, recursive: false }];
  while (queue.length > 0) {
    const room = max - extra;
    if (room <= 0) {
      for (const p of queue) incomplete.push(p.path || ".");
      break;
    }
    const wave = queue.slice(0, Math.min(room, Math.max(1, concurrency)));
    queue = queue.slice(wave.length);
    extra += wave.length;
    const answers = await Promise.all(wave.map((p) => fetchTree(p.sha, p.recursive)));
    wave.forEach((p, i) => {
      const answer = answers[i] as GitTree;
      const prefix = p.path ? `${p.path}/` : "";
      addEntries(files, prefix, answer.tree);
      if (!answer.truncated) {
        if (!p.recursive) queue.push(...subtrees(prefix, answer.tree).filter((d) => !covered.has(d.path)));
      } else if (p.recursive) {
        for (const d of coveredDirectories(prefix, answer.tree)) covered.add(d);
        queue.push({ ...p, recursive: false });
      } else {
        // A single directory with more direct entries than GitHub lists at once.
        incomplete.push(p.path || ".");
      }
    });
  }
  return { requests: extra, incomplete };
}

/**
 * List the tree of `commitSha`. When the recursive answer is truncated, the rest is listed
 * through GraphQL (`fetchDirectories`), or, without it or when GraphQL fails for another
 * reason than a rate limit, by the trees API directory by directory. Either walk is bounded
 * by `maxExtraRequests` and deterministic: the same repository and limits give the same
 * listing. Entries a truncated answer did include are kept even where a walk could not reach.
 */
export async function listTree(
  fetchTree: FetchTree,
  commitSha: string,
  options: TreeWalkOptions,
): Promise<TreeListing> {
  const files = new Map<string, ListedFile>();
  const first = await fetchTree(commitSha, true);
  addEntries(files, "", first.tree);
  if (!first.truncated) return { files, note: undefined };

  const covered = new Set(coveredDirectories("", first.tree));
  let walked: Walked | undefined;
  let how = "directory by directory";
  let spent = 0;
  if (options.fetchDirectories) {
    const sent = { requests: 0 };
    try {
      walked = await walkByQueries(
        options.fetchDirectories,
        files,
        covered,
        {
          max: options.maxExtraRequests,
          depth: Math.max(1, options.depth ?? 8),
          perQuery: Math.max(1, options.directoriesPerQuery ?? 100),
        },
        sent,
      );
      how = "through GraphQL";
    } catch (error) {
      if ((error as { rateLimited?: unknown })?.rateLimited === true) throw error;
      // The trees API can still finish the listing: fall back to it with what is left.
      spent = sent.requests;
      how = `directory by directory (listing through GraphQL failed: ${(error as Error)?.message ?? String(error)})`;
    }
  }
  walked ??= await walkBySubtrees(
    fetchTree,
    commitSha,
    files,
    covered,
    Math.max(0, options.maxExtraRequests - spent),
    options.concurrency,
  );
  const extra = walked.requests + spent;
  const incomplete = walked.incomplete;
  const note: SourceNote =
    incomplete.length === 0
      ? {
          id: "tree-truncated",
          level: "info",
          message: `GitHub truncated the recursive listing of this commit; it was completed ${how} (${extra} more ${extra === 1 ? "request" : "requests"}).`,
        }
      : {
          id: "tree-truncated",
          level: "warning",
          message:
            `GitHub truncated the recursive listing of this commit and the walk ${how} stopped after ${extra} more requests: ` +
            `the listing is partial, ${incomplete.length} ${incomplete.length === 1 ? "directory was" : "directories were"} not fully listed (${describe(incomplete.sort())}). ` +
            "Scores that depend on files there may be too low.",
        };
  return { files, note };
}
