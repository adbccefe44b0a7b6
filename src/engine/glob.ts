import { braceExpand } from "minimatch";
import picomatch from "picomatch";
import { lowerBound, union } from "./sorted.js";
import { countOf } from "./text.js";

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
  private byExt: Map<string, Postings> | undefined;
  private byBase: Map<string, Postings> | undefined;
  private extVariants: Map<string, readonly number[]> | undefined;
  private baseVariants: Map<string, readonly number[]> | undefined;
  private depthList: Uint16Array | undefined;
  private byDepth: number[][] | undefined;
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
    const result = union(parts);
    this.memo.set(key, result);
    return result;
  }

  /** True when the path matches the pattern, without scanning the listing. */
  static test(path: string, pattern: string, options: GlobOptions = {}): boolean {
    return braceExpand(pattern).some((expanded) => testOne(compile(expanded, options.nocase ?? false), path));
  }

  /** The listing index of exactly this path, or -1: a binary search of the sorted listing. */
  indexOf(path: string): number {
    const i = lowerBound(this.paths, path);
    return this.paths[i] === path ? i : -1;
  }

  /** The depth (number of `/`) of every listed path, by listing index. */
  depths(): Uint16Array {
    if (!this.depthList) {
      const depths = new Uint16Array(this.paths.length);
      for (let i = 0; i < this.paths.length; i++) depths[i] = Math.min(depthOf(this.paths[i] as string), 0xffff);
      this.depthList = depths;
    }
    return this.depthList;
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

  /**
   * The keys of an index that have upper-case letters, under their lower-cased form: with the
   * already lower-case keys of the index itself, they answer a case-insensitive lookup. Most
   * names are lower case, so this is far smaller than a lower-cased copy of the whole index.
   */
  private static variants(map: Map<string, Postings>): Map<string, readonly number[]> {
    const out = new Map<string, readonly number[]>();
    // forEach, not for-of over entries: no [key, value] pair allocated per name.
    map.forEach((list, k) => {
      const key = k.toLowerCase();
      if (key === k) return;
      const prev = out.get(key);
      out.set(key, prev === undefined ? postings(list) : union([prev, postings(list)]));
    });
    return out;
  }

  private lookup(kind: "ext" | "base", key: string, nocase: boolean): readonly number[] {
    const map = kind === "ext" ? this.extIndex() : this.baseIndex();
    const exact = postings(map.get(key));
    if (!nocase) return exact;
    if (kind === "ext") this.extVariants ??= GlobIndex.variants(map);
    else this.baseVariants ??= GlobIndex.variants(map);
    const other = (kind === "ext" ? this.extVariants : this.baseVariants)?.get(key);
    return other === undefined ? exact : union([exact, other]);
  }

  /** The smaller of the extension and depth indexes that must hold every match, if any applies. */
  private candidates(m: Extract<Matcher, { kind: "pattern" }>): readonly number[] | undefined {
    let best: readonly number[] | undefined;
    if (m.ext !== undefined) best = this.lookup("ext", m.ext, m.nocase);
    if (m.depth !== undefined) {
      if (!this.byDepth) {
        const byDepth: number[][] = [];
        const depths = this.depths();
        for (let i = 0; i < depths.length; i++) {
          const d = depths[i] as number;
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
        return this.lookup("ext", m.ext, m.nocase);
      case "base":
        return this.lookup("base", m.base, m.nocase);
      case "exact": {
        if (m.nocase)
          // Same base name first (an index built anyway), then the whole path.
          return this.lookup("base", baseName(m.path), true).filter(
            (i) => (this.paths[i] as string).toLowerCase() === m.path,
          );
        // The listing is sorted: a binary search finds the one path without a map of them all.
        const i = this.indexOf(m.path);
        return i === -1 ? [] : [i];
      }
      case "pattern": {
        const out: number[] = [];
        const candidates = this.candidates(m);
        const paths = this.paths;
        // Indexed loops: on code that has not warmed up, for-of allocates a result per step.
        if (candidates) {
          for (let k = 0; k < candidates.length; k++) {
            const i = candidates[k] as number;
            if (m.re.test(paths[i] as string)) out.push(i);
          }
          return out;
        }
        if (m.prefix === "" || m.nocase) {
          // Lower-cased paths are not in the listing's order, so a case-insensitive prefix scans all.
          for (let i = 0; i < paths.length; i++) if (m.re.test(paths[i] as string)) out.push(i);
          return out;
        }
        for (let i = lowerBound(paths, m.prefix); i < paths.length; i++) {
          const p = paths[i] as string;
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

/** Number of `/` in a path: its depth below the root. */
export function depthOf(path: string): number {
  return countOf(path, "/");
}
