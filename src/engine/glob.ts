import { braceExpand, Minimatch } from "minimatch";

/**
 * Glob matching over a sorted listing, fast enough for 100,000 paths.
 *
 * Most checklist globs are of three shapes: `**\/*.py` (by extension), `**\/Dockerfile`
 * (by base name) and `.github/workflows/*.yml` (under a literal folder). Those are answered
 * from indexes built once; anything else is a regular expression tested only on the paths
 * under the pattern's literal prefix.
 */

/** Options for one glob: `nocase` for names such as README that repositories spell freely. */
export interface GlobOptions {
  readonly nocase?: boolean;
}

const GLOB_CHARS = /[*?[\]{}()!+@]/;

function baseName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? path : path.slice(slash + 1);
}

function extensionOf(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1);
}

/** A compiled single glob (already brace-expanded). */
type Matcher =
  | { kind: "ext"; ext: string; nocase: boolean }
  | { kind: "base"; base: string; nocase: boolean }
  | { kind: "exact"; path: string; nocase: boolean }
  | { kind: "pattern"; prefix: string; mm: Minimatch; nocase: boolean };

function compile(pattern: string, nocase: boolean): Matcher {
  const p = pattern.replace(/^\.\//, "");
  const ext = /^\*\*\/\*\.([^/*?[\]{}()!+@]+)$/.exec(p);
  if (ext?.[1] && !ext[1].includes(".")) return { kind: "ext", ext: nocase ? ext[1].toLowerCase() : ext[1], nocase };
  const base = /^\*\*\/([^/]+)$/.exec(p);
  if (base?.[1] && !GLOB_CHARS.test(base[1]))
    return { kind: "base", base: nocase ? base[1].toLowerCase() : base[1], nocase };
  if (!GLOB_CHARS.test(p)) return { kind: "exact", path: nocase ? p.toLowerCase() : p, nocase };
  const segments = p.split("/");
  const literal: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (GLOB_CHARS.test(segment)) break;
    literal.push(segment);
  }
  const prefix = literal.length > 0 ? `${literal.join("/")}/` : "";
  const mm = new Minimatch(p, { dot: true, nocase, nonegate: true, nocomment: true, nobrace: true });
  return { kind: "pattern", prefix: nocase ? prefix.toLowerCase() : prefix, mm, nocase };
}

/** Indexes over one sorted list of paths, answering globs with memoised results. */
export class GlobIndex {
  private readonly paths: readonly string[];
  private readonly lowerPaths: readonly string[];
  private readonly byExt = new Map<string, number[]>();
  private readonly byExtLower = new Map<string, number[]>();
  private readonly byBase = new Map<string, number[]>();
  private readonly byBaseLower = new Map<string, number[]>();
  private readonly exact = new Map<string, number>();
  private readonly exactLower = new Map<string, number[]>();
  private readonly memo = new Map<string, readonly number[]>();

  /** `paths` must be sorted in code-unit order, as listings are. */
  constructor(paths: readonly string[]) {
    this.paths = paths;
    this.lowerPaths = paths.map((p) => p.toLowerCase());
    paths.forEach((path, i) => {
      const base = baseName(path);
      const ext = extensionOf(path);
      push(this.byExt, ext, i);
      push(this.byExtLower, ext.toLowerCase(), i);
      push(this.byBase, base, i);
      push(this.byBaseLower, base.toLowerCase(), i);
      this.exact.set(path, i);
      push(this.exactLower, path.toLowerCase(), i);
    });
  }

  /** Indexes (into the listing) of the paths matching any of the patterns, ascending. */
  match(patterns: string | readonly string[], options: GlobOptions = {}): readonly number[] {
    const list = typeof patterns === "string" ? [patterns] : patterns;
    const key = `${options.nocase ? "i" : "c"}\u0000${list.join("\u0000")}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const found = new Set<number>();
    for (const pattern of list) {
      for (const expanded of braceExpand(pattern)) {
        for (const i of this.matchOne(compile(expanded, options.nocase ?? false))) found.add(i);
      }
    }
    const result = [...found].sort((a, b) => a - b);
    this.memo.set(key, result);
    return result;
  }

  /** True when the path matches the pattern, without scanning the listing. */
  static test(path: string, pattern: string, options: GlobOptions = {}): boolean {
    return braceExpand(pattern).some((expanded) => testOne(compile(expanded, options.nocase ?? false), path));
  }

  private matchOne(m: Matcher): readonly number[] {
    switch (m.kind) {
      case "ext":
        return (m.nocase ? this.byExtLower : this.byExt).get(m.ext) ?? [];
      case "base":
        return (m.nocase ? this.byBaseLower : this.byBase).get(m.base) ?? [];
      case "exact": {
        if (m.nocase) return this.exactLower.get(m.path) ?? [];
        const i = this.exact.get(m.path);
        return i === undefined ? [] : [i];
      }
      case "pattern": {
        const out: number[] = [];
        const source = m.nocase ? this.lowerPaths : this.paths;
        if (m.prefix === "" || m.nocase) {
          // Lower-cased paths are not in the listing's order, so a case-insensitive prefix scans all.
          source.forEach((p, i) => {
            if (p.startsWith(m.prefix) && m.mm.match(this.paths[i] ?? "")) out.push(i);
          });
          return out;
        }
        for (let i = lowerBound(this.paths, m.prefix); i < this.paths.length; i++) {
          const p = this.paths[i] ?? "";
          if (!p.startsWith(m.prefix)) break;
          if (m.mm.match(p)) out.push(i);
        }
        return out;
      }
    }
  }
}

function testOne(m: Matcher, path: string): boolean {
  const p = m.nocase ? path.toLowerCase() : path;
  switch (m.kind) {
    case "ext":
      return extensionOf(p) === m.ext;
    case "base":
      return baseName(p) === m.base;
    case "exact":
      return p === m.path;
    case "pattern":
      return m.mm.match(path);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lowerBound(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
