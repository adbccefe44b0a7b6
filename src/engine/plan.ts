import type { Check, ReadRequest } from "./check.js";
import { GlobIndex } from "./glob.js";
import type { RepoFile, UnreadReason } from "./types.js";

/** Limits on what one scan reads: they keep a GitHub scan to a few requests whatever the repo's size. */
export interface ReadBudget {
  /** At most this many files are read in all. */
  readonly maxFiles: number;
  /** At most this many bytes (by listed size) are read in all. */
  readonly maxBytes: number;
  /** A file larger than this is never read (GitHub's GraphQL blob text stops at 512,000 bytes). */
  readonly maxFileBytes: number;
}

/** Defaults documented in the README: about 4 MB across at most 1,000 files. */
export const DEFAULT_BUDGET: ReadBudget = { maxFiles: 1000, maxBytes: 4_000_000, maxFileBytes: 512_000 };

/** What to fetch, and which wanted files were left out and why. */
export interface ReadPlan {
  /** Paths to read, sorted. */
  readonly paths: readonly string[];
  /** Sum of the listed sizes of `paths`. */
  readonly bytes: number;
  /** Files some check wanted but the plan does not read. */
  readonly skipped: ReadonlyMap<string, UnreadReason>;
}

/**
 * The first `limit` of these ascending listing indexes, shallow paths first, then by path (the
 * listing is sorted by path): a pass bucketing by depth, not a sort of every candidate.
 */
function shallowest(indexes: readonly number[], depths: Uint16Array, limit: number): number[] {
  const buckets: number[][] = [];
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] as number;
    const d = depths[i] as number;
    const bucket = buckets[d];
    if (bucket) bucket.push(i);
    else buckets[d] = [i];
  }
  const out: number[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (let k = 0; k < bucket.length && out.length < limit; k++) out.push(bucket[k] as number);
    if (out.length >= limit) break;
  }
  return out;
}

function isReadable(f: RepoFile): boolean {
  return f.mode === "file" || f.mode === "executable";
}

/**
 * Merge every check's read requests into one deterministic plan.
 * Order: request priority, then shallow paths before deep ones, then path; the budget is
 * filled in that order, so the same listing always gives the same plan.
 */
export function planReads(
  files: readonly RepoFile[],
  checks: readonly Pick<Check, "reads">[],
  budget: ReadBudget = DEFAULT_BUDGET,
  index: GlobIndex = new GlobIndex(files.map((f) => f.path)),
): ReadPlan {
  const wanted = new Map<number, number>(); // listing index -> best (lowest) priority
  const depths = index.depths();
  const order = (a: number, b: number) => (depths[a] as number) - (depths[b] as number) || a - b;
  const seen = new Set<ReadRequest>();
  for (const request of checks.flatMap((c) => c.reads)) {
    // Checks share request objects (PYTHON_SOURCE_READ...): one is planned once.
    if (seen.has(request)) continue;
    seen.add(request);
    const priority = request.priority ?? 1;
    const readable: number[] = [];
    const matched = index.match(request.globs, { nocase: request.nocase ?? false });
    for (let k = 0; k < matched.length; k++) {
      const i = matched[k] as number;
      const f = files[i] as RepoFile;
      if (!isReadable(f)) continue;
      if (f.size <= budget.maxFileBytes) readable.push(i);
      else if (!wanted.has(i)) wanted.set(i, Number.POSITIVE_INFINITY); // reported as too large
    }
    const limit = request.maxFiles ?? Number.POSITIVE_INFINITY;
    const chosen = readable.length > limit ? shallowest(readable, depths, limit) : readable;
    for (const i of chosen) {
      const prev = wanted.get(i);
      if (prev === undefined || priority < prev) wanted.set(i, priority);
    }
  }

  const ordered = [...wanted.entries()]
    .sort((a, b) => a[1] - b[1] || order(a[0], b[0]))
    .map(([i]) => files[i] as RepoFile);

  const paths: string[] = [];
  const skipped = new Map<string, UnreadReason>();
  let bytes = 0;
  for (const f of ordered) {
    if (f.size > budget.maxFileBytes) skipped.set(f.path, "too_large");
    else if (paths.length >= budget.maxFiles || bytes + f.size > budget.maxBytes) skipped.set(f.path, "over_budget");
    else {
      paths.push(f.path);
      bytes += f.size;
    }
  }
  paths.sort();
  return { paths, bytes, skipped };
}
