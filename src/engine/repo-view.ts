import { GlobIndex, type GlobOptions } from "./glob.js";
import type { FileContent, RepoFile, RepoIdentity, RepoSnapshot } from "./types.js";

/** A file whose text was read, as handed to a check. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
  /** True when the source cut the text at its per-file limit. */
  readonly truncated: boolean;
}

const NOT_PLANNED: FileContent = { kind: "unread", reason: "not_planned" };

/**
 * The read-only view of a snapshot that every check receives.
 * Checks may list any path, but only see the text of files their `reads` declared.
 */
export class RepoView {
  /**
   * Every listed file, sorted by path. Loops over all of them use an index, not for-of: until
   * V8 has optimised the loop, each for-of step allocates a result object, and a check runs
   * once, on up to 100,000 files.
   */
  readonly files: readonly RepoFile[];
  readonly identity: RepoIdentity;
  private readonly index: GlobIndex;
  private readonly contents: ReadonlyMap<string, FileContent>;
  private dirCache: ReadonlySet<string> | undefined;

  /** `index` may be passed when the planner already built one over the same files. */
  constructor(snapshot: RepoSnapshot, index?: GlobIndex) {
    this.files = snapshot.files;
    this.identity = snapshot.identity;
    this.contents = snapshot.contents;
    this.index = index ?? new GlobIndex(snapshot.files.map((f) => f.path));
  }

  /** The listed file at exactly this path. */
  file(path: string): RepoFile | undefined {
    // The index searches the sorted listing: no map of 100,000 entries.
    const i = this.index.indexOf(path);
    return i === -1 ? undefined : this.files[i];
  }

  /** True when a file (of any mode) is listed at exactly this path. */
  has(path: string): boolean {
    return this.file(path) !== undefined;
  }

  /** Listed files matching any of the globs (minimatch syntax, dotfiles included), sorted by path. */
  glob(patterns: string | readonly string[], options?: GlobOptions): RepoFile[] {
    return this.index.match(patterns, options).map((i) => this.files[i] as RepoFile);
  }

  /** Every directory that holds at least one listed file ("" is the root). */
  directories(): ReadonlySet<string> {
    if (!this.dirCache) {
      const dirs = new Set<string>([""]);
      for (let i = 0; i < this.files.length; i++) {
        const f = this.files[i] as RepoFile; // indexed: see `files`
        let slash = f.path.lastIndexOf("/");
        while (slash > 0) {
          const dir = f.path.slice(0, slash);
          if (dirs.has(dir)) break;
          dirs.add(dir);
          slash = dir.lastIndexOf("/");
        }
      }
      this.dirCache = dirs;
    }
    return this.dirCache;
  }

  /** The content state of a path: text, or why it was not read. */
  content(path: string): FileContent {
    return this.contents.get(path) ?? NOT_PLANNED;
  }

  /** The text of a file if it was read and is text; undefined otherwise. */
  text(path: string): string | undefined {
    const c = this.contents.get(path);
    return c?.kind === "text" ? c.text : undefined;
  }

  /** The read text files among those matching the globs, sorted by path. */
  read(patterns: string | readonly string[], options?: GlobOptions): TextFile[] {
    const out: TextFile[] = [];
    // A few hundred files are read out of up to 100,000 matched: look up the matches, not map them all.
    const matched = this.index.match(patterns, options);
    for (let k = 0; k < matched.length; k++) {
      const path = (this.files[matched[k] as number] as RepoFile).path;
      const c = this.contents.get(path);
      if (c?.kind === "text") out.push({ path, text: c.text, truncated: c.truncated });
    }
    return out;
  }
}
