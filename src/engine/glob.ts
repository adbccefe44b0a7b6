import { braceExpand } from "minimatch";
import picomatch from "picomatch";

/**
 * Glob matching over a sorted listing, fast enough for 100,000 paths.
 *
 * Most checklist globs are of three shapes: `**\/*.py` (by extension), `**\/Dockerfile`
 * (by base name) and `.github/workflows/*.yml` (under a literal folder). Those are answered
 * from indexes built on first use; anything else is a regular expression (compiled by
 * picomatch) tested only on the paths under the pattern's literal prefix. Braces are expanded
 * first (minimatch's braceExpand) so `**\/*.{yml,yaml}` still takes the extension index.
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
  | { kind: "pattern"; prefix: string; re: RegExp; nocase: boolean; ext?: string; depth?: number };

const compiled = new Map<string, Matcher>();

function compile(pattern: string, nocase: boolean): Matcher {
  const key = `${nocase ? "i" : "c"}${pattern}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const m = compileUncached(pattern.replace(/^\.\//, ""), nocase);
  compiled.set(key, m);
  return m;
}

function compileUncached(p: string, nocase: boolean): Matcher {
  const ext = /^\*\*\/\*\.([^/*?[\]{}()!+@]+)$/.exec(p);
  if (ext?.[1] && !ext[1].includes(".")) return { kind: "ext", ext: nocase ? ext[1].toLowerCase() : ext[1], nocase };
  const base = /^\*\*\/([^/]+)$/.exec(p);
  if (base?.[1] && !GLOB_CHARS.test(base[1]))
    return { kind: "base", base: nocase ? base[1].toLowerCase() : base[1], nocase };
  if (!GLOB_CHARS.test(p)) return { kind: "exact", path: nocase ? p.toLowerCase() : p, nocase };
  const literal: string[] = [];
  for (const segment of p.split("/").slice(0, -1)) {
    if (GLOB_CHARS.test(segment)) break;
    literal.push(segment);
  }
  const prefix = literal.length > 0 ? `${literal.join("/")}/` : "";
  const re = picomatch.makeRe(p, { dot: true, nocase, nobrace: true, noextglob: false });
  // Candidate filters: a literal extension on the last segment (`**/k8s/**/*.yml`), or a fixed
  // depth when there is no globstar (`README.*`, `*/README`).
  const last = p.slice(p.lastIndexOf("/") + 1);
  const lastExt = /\.([A-Za-z0-9_-]+)$/.exec(last)?.[1];
  const depth = p.includes("**") ? undefined : p.split("/").length - 1;
  return {
    kind: "pattern",
    prefix: nocase ? prefix.toLowerCase() : prefix,
    re,
    nocase,
    ...(lastExt !== undefined ? { ext: nocase ? lastExt.toLowerCase() : lastExt } : {}),
    ...(depth !== undefined ? { depth } : {}),
  };
}

/** Indexes over one sorted list of paths, built on first use, answering globs with memoised results. */
export class GlobIndex {
  private readonly paths: readonly string[];
  private lowerPaths: readonly string[] | undefined;
  private byExt: Map<string, Postings> | undefined;
  private byBase: Map<string, Postings> | undefined;
  private byExtLower: Map<string, Postings> | undefined;
  private byBaseLower: Map<string, Postings> | undefined;
  private byDepth: number[][] | undefined;
  private exact: Map<string, number> | undefined;
  private readonly memo = new Map<string, readonly number[]>();

  /** `paths` must be sorted in code-unit order, as listings are. */
  constructor(paths: readonly string[]) {
    this.paths = paths;
  }

  /** Indexes (into the listing) of the paths matching any of the patterns, ascending. */
  match(patterns: string | readonly string[], options: GlobOptions = {}): readonly number[] {
    const list = typeof patterns === "string" ? [patterns] : patterns;
    const key = `${options.nocase ? "i" : "c"}\u0000${list.join("\u0000")}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const parts: (readonly number[])[] = [];
    for (const pattern of list) {
      for (const expanded of braceExpand(pattern))
        parts.push(this.matchOne(compile(expanded, options.nocase ?? false)));
    }
    const result = parts.length === 1 ? (parts[0] ?? []) : [...new Set(parts.flat())].sort((a, b) => a - b);
    this.memo.set(key, result);
    return result;
  }

  /** True when the path matches the pattern, without scanning the listing. */
  static test(path: string, pattern: string, options: GlobOptions = {}): boolean {
    return braceExpand(pattern).some((expanded) => testOne(compile(expanded, options.nocase ?? false), path));
  }

  private extIndex(): Map<string, Postings> {
    if (!this.byExt) {
      const map = new Map<string, Postings>();
      for (let i = 0; i < this.paths.length; i++) push(map, extensionOf(this.paths[i] as string), i);
      this.byExt = map;
    }
    return this.byExt;
  }

  private baseIndex(): Map<string, Postings> {
    if (!this.byBase) {
      const map = new Map<string, Postings>();
      for (let i = 0; i < this.paths.length; i++) push(map, baseName(this.paths[i] as string), i);
      this.byBase = map;
    }
    return this.byBase;
  }

  /** A lower-cased copy of an index, for case-insensitive lookups; lists stay ascending. */
  private static lowered(map: Map<string, Postings>): Map<string, Postings> {
    const out = new Map<string, Postings>();
    for (const [k, list] of map) {
      const key = k.toLowerCase();
      const prev = out.get(key);
      out.set(key, prev === undefined ? list : [...postings(prev), ...postings(list)].sort((a, b) => a - b));
    }
    return out;
  }

  /** The smaller of the extension and depth indexes that must hold every match, if any applies. */
  private candidates(m: Extract<Matcher, { kind: "pattern" }>): readonly number[] | undefined {
    let best: readonly number[] | undefined;
    if (m.ext !== undefined) {
      if (m.nocase) this.byExtLower ??= GlobIndex.lowered(this.extIndex());
      best = postings((m.nocase ? this.byExtLower : this.extIndex())?.get(m.ext));
    }
    if (m.depth !== undefined) {
      if (!this.byDepth) {
        const byDepth: number[][] = [];
        for (let i = 0; i < this.paths.length; i++) {
          const p = this.paths[i] as string;
          let d = 0;
          for (let c = 0; c < p.length; c++) if (p.charCodeAt(c) === 47) d++;
          const atDepth = byDepth[d];
          if (atDepth) atDepth.push(i);
          else byDepth[d] = [i];
        }
        this.byDepth = byDepth;
      }
      const atDepth = this.byDepth[m.depth] ?? [];
      if (!best || atDepth.length < best.length) best = atDepth;
    }
    return best;
  }

  private matchOne(m: Matcher): readonly number[] {
    switch (m.kind) {
      case "ext":
        if (!m.nocase) return postings(this.extIndex().get(m.ext));
        this.byExtLower ??= GlobIndex.lowered(this.extIndex());
        return postings(this.byExtLower.get(m.ext));
      case "base":
        if (!m.nocase) return postings(this.baseIndex().get(m.base));
        this.byBaseLower ??= GlobIndex.lowered(this.baseIndex());
        return postings(this.byBaseLower.get(m.base));
      case "exact": {
        if (m.nocase) {
          this.lowerPaths ??= this.paths.map((p) => p.toLowerCase());
          const out: number[] = [];
          this.lowerPaths.forEach((p, i) => {
            if (p === m.path) out.push(i);
          });
          return out;
        }
        if (!this.exact) this.exact = new Map(this.paths.map((p, i) => [p, i]));
        const i = this.exact.get(m.path);
        return i === undefined ? [] : [i];
      }
      case "pattern": {
        const out: number[] = [];
        const candidates = this.candidates(m);
        if (candidates) {
          for (const i of candidates) if (m.re.test(this.paths[i] as string)) out.push(i);
          return out;
        }
        if (m.prefix === "" || m.nocase) {
          // Lower-cased paths are not in the listing's order, so a case-insensitive prefix scans all.
          for (let i = 0; i < this.paths.length; i++) if (m.re.test(this.paths[i] as string)) out.push(i);
          return out;
        }
        for (let i = lowerBound(this.paths, m.prefix); i < this.paths.length; i++) {
          const p = this.paths[i] as string;
          if (!p.startsWith(m.prefix)) break;
          if (m.re.test(p)) out.push(i);
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
      return m.re.test(path);
  }
}

/**
 * The listing indexes under one key, ascending: a bare number while there is one (most base
 * names in a large repository are unique, and 100,000 one-element arrays cost about 8 MB).
 */
type Postings = number | number[];

function postings(entry: Postings | undefined): readonly number[] {
  return entry === undefined ? [] : typeof entry === "number" ? [entry] : entry;
}

function push(map: Map<string, Postings>, key: string, value: number): void {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, value);
  else if (typeof entry === "number") map.set(key, [entry, value]);
  else entry.push(value);
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
