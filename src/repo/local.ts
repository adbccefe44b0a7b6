/**
 * The local source: a folder on disk, listed the way git would show it.
 * Never follows symlinks, never opens anything but regular files, never reads past the cap.
 */
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { DEFAULT_BUDGET } from "../engine/plan.js";
import type { FileContent, RepoFile, RepoListing, SourceNote } from "../engine/types.js";
import { decodeBytes } from "./decode.js";
import { readGitIndex } from "./git-index.js";
import type { RepoSource } from "./source.js";

/** How the local source lists a folder. */
export interface LocalSourceOptions {
  /** Honour .gitignore files and .git/info/exclude (default true): ignored files are not part of the repo. */
  readonly gitignore?: boolean;
  /** Files larger than this are never read (default: the read budget's per-file cap). */
  readonly maxFileBytes?: number;
  /** Stop listing after this many entries (default 1,000,000) and say so in a note. */
  readonly maxEntries?: number;
}

/** At most this many special entries are described one by one in notes. */
const MAX_NOTES = 50;

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

/** A folder on disk as a `RepoSource`. */
export class LocalSource implements RepoSource {
  readonly root: string;
  private readonly options: Required<LocalSourceOptions>;

  constructor(root: string, options: LocalSourceOptions = {}) {
    this.root = resolve(root);
    this.options = {
      gitignore: options.gitignore ?? true,
      maxFileBytes: options.maxFileBytes ?? DEFAULT_BUDGET.maxFileBytes,
      maxEntries: options.maxEntries ?? 1_000_000,
    };
  }

  /** Walk the folder (skipping `.git`), then add tracked files the ignore rules hid. */
  async list(): Promise<RepoListing> {
    const stat = lstatSync(this.root, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) throw new Error(`${this.root} is not a directory`);
    const files: RepoFile[] = [];
    const notes: SourceNote[] = [];
    const note = (n: SourceNote) => {
      if (notes.length < MAX_NOTES) notes.push(n);
    };
    const rootRules: Rules[] = [];
    if (this.options.gitignore) {
      const exclude = this.readSmall(join(this.root, ".git", "info", "exclude"));
      if (exclude) rootRules.push({ base: "", ig: ignore().add(exclude) });
    }
    let truncated = false;

    const walk = (dir: string, rel: string, rules: readonly Rules[]) => {
      let names: string[];
      try {
        // Names only: every entry is lstat-ed below anyway (for its size), which also gives its
        // type, so the Dirent objects of `withFileTypes` would be garbage.
        names = readdirSync(dir);
      } catch (error) {
        note({
          id: "unreadable-directory",
          level: "warning",
          message: `Could not list ${rel || "."}: ${(error as NodeJS.ErrnoException).code ?? error}`,
          path: rel || ".",
        });
        return;
      }
      let active = rules;
      if (this.options.gitignore && names.includes(".gitignore")) {
        const text = this.readSmall(join(dir, ".gitignore"));
        if (text) active = [...rules, { base: rel, ig: ignore().add(text) }];
      }
      names.sort();
      for (const name of names) {
        if (truncated) return;
        if (name === ".git") continue;
        const path = rel ? `${rel}/${name}` : name;
        // `dir` is already absolute and normal, and a name holds no separator: join's
        // normalising would only add garbage (about 90 MB of it over 100,000 files).
        const full = `${dir}${sep}${name}`;
        const stat = lstatSync(full, { throwIfNoEntry: false });
        const isDir = stat?.isDirectory() === true;
        if (this.isIgnored(active, path, isDir)) continue;
        if (isDir) {
          walk(full, path, active);
          continue;
        }
        if (files.length >= this.options.maxEntries) {
          truncated = true;
          note({
            id: "listing-truncated",
            level: "warning",
            message: `Listing stopped after ${this.options.maxEntries} files; the rest of the folder was not scanned.`,
          });
          return;
        }
        files.push(this.describe(full, path, stat, note));
      }
    };
    walk(this.root, "", rootRules);

    if (this.options.gitignore) this.addTrackedButIgnored(files, note);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { identity: { source: "local", name: basename(this.root), ref: null, sha: null }, files, notes };
  }

  /** Read the planned files: regular files only, opened without following links or blocking. */
  async read(paths: readonly string[]): Promise<ReadonlyMap<string, FileContent>> {
    const out = new Map<string, FileContent>();
    for (const path of paths) out.set(path, this.readOne(path));
    return out;
  }

  private readOne(path: string): FileContent {
    const full = join(this.root, ...path.split("/"));
    if (!full.startsWith(this.root + sep))
      return { kind: "unread", reason: "unreadable", detail: "outside the folder" };
    let fd: number;
    try {
      // O_NONBLOCK: a file swapped for a FIFO since listing must not hang the scan.
      fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      return { kind: "unread", reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    try {
      const stat = lstatSync(full);
      if (!stat.isFile()) return { kind: "unread", reason: "not_regular" };
      if (stat.size > this.options.maxFileBytes)
        return { kind: "unread", reason: "too_large", detail: `${stat.size} bytes` };
      const buf = Buffer.alloc(stat.size);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, got);
        if (n === 0) break;
        got += n;
      }
      return decodeBytes(buf.subarray(0, got));
    } catch (error) {
      return { kind: "unread", reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    } finally {
      closeSync(fd);
    }
  }

  private describe(full: string, path: string, stat: Stats | undefined, note: (n: SourceNote) => void): RepoFile {
    if (!stat) return { path, size: 0, mode: "special" }; // gone since the folder was read
    if (stat.isSymbolicLink()) {
      this.noteSymlink(full, path, note);
      return { path, size: stat.size, mode: "symlink" };
    }
    if (stat.isFile()) return { path, size: stat.size, mode: stat.mode & 0o111 ? "executable" : "file" };
    const kind = stat.isFIFO() ? "a FIFO" : stat.isSocket() ? "a socket" : "a device";
    note({ id: "special-file", level: "info", message: `${path} is ${kind}; it was listed but not read.`, path });
    return { path, size: 0, mode: "special" };
  }

  private noteSymlink(full: string, path: string, note: (n: SourceNote) => void): void {
    let target = "";
    try {
      target = readlinkSync(full);
      const real = realpathSync(full);
      if (real !== this.root && !real.startsWith(this.root + sep))
        note({
          id: "symlink-outside",
          level: "info",
          message: `${path} links outside the repository (${target}); not followed.`,
          path,
        });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ELOOP" ? "is a symlink loop" : "is a broken symlink";
      note({
        id: code === "ELOOP" ? "symlink-loop" : "symlink-broken",
        level: "info",
        message: `${path} ${why}${target ? ` (-> ${target})` : ""}; not followed.`,
        path,
      });
    }
  }

  private isIgnored(rules: readonly Rules[], path: string, isDir: boolean): boolean {
    if (rules.length === 0) return false;
    let ignored = false;
    // Indexed, not for-of with destructuring: this runs for every entry of the walk.
    for (let i = 0; i < rules.length; i++) {
      const { base, ig } = rules[i] as Rules;
      const local = base ? path.slice(base.length + 1) : path;
      const r = ig.test(isDir ? `${local}/` : local);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  private addTrackedButIgnored(files: RepoFile[], note: (n: SourceNote) => void): void {
    const tracked = readGitIndex(join(this.root, ".git", "index"));
    if (!tracked) return;
    const seen = new Set(files.map((f) => f.path));
    for (const { path, mode } of tracked) {
      if (seen.has(path) || path.split("/").includes(".git")) continue;
      if ((mode & 0o170000) === 0o160000) {
        files.push({ path, size: 0, mode: "submodule" });
        continue;
      }
      const full = join(this.root, ...path.split("/"));
      const stat = lstatSync(full, { throwIfNoEntry: false });
      if (!stat) continue; // deleted in the working tree: not part of what is being checked
      if (relative(this.root, full).startsWith("..")) continue;
      if (stat.isSymbolicLink()) {
        this.noteSymlink(full, path, note);
        files.push({ path, size: stat.size, mode: "symlink" });
      } else if (stat.isFile()) files.push({ path, size: stat.size, mode: stat.mode & 0o111 ? "executable" : "file" });
    }
  }

  private readSmall(file: string): string | undefined {
    try {
      const stat = lstatSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size > 1_000_000) return undefined;
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  }
}
