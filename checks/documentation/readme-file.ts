/**
 * Which file is the repository's README, as GitHub chooses it (`.github/`, then the root, then
 * `docs/`), parsed. Shared by the readme and license checks (memoised per view).
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { type DocText, readMarkdown } from "../lib/markdown.js";
import { readRst } from "../lib/markdown-rst.js";

/** README candidates at the root and one folder down (`.github/`, `docs/`, a lone project folder). */
export const README_READ: ReadRequest = {
  globs: ["README", "README.*", "*/README", "*/README.*"],
  nocase: true,
  maxFiles: 12,
  priority: 0,
};

/** README names GitHub renders, best first: Markdown, reStructuredText, plain text. */
const NAME = /^readme(\.(md|markdown|mdown|mkdn|mkd|rst|txt|text|rdoc|org|adoc|asciidoc))?$/i;
const EXT_ORDER = [
  "md",
  "markdown",
  "mdown",
  "mkdn",
  "mkd",
  "rst",
  "adoc",
  "asciidoc",
  "org",
  "rdoc",
  "txt",
  "text",
  "",
];
const LOCATIONS = [".github", "", "docs"];

/** Where the README was found. */
export type ReadmeLocation = "root" | ".github" | "docs" | "subfolder";

/** The README chosen, parsed. */
export interface ReadmeFile {
  readonly path: string;
  readonly location: ReadmeLocation;
  readonly text: string;
  readonly truncated: boolean;
  readonly doc: DocText;
}

/** A README-named file whose text could not be read (binary, too large...). */
export interface UnreadableReadme {
  readonly path: string;
  readonly reason: string;
}

/** The README and the README-named files that are not text. */
export interface ReadmeLookup {
  readonly readme?: ReadmeFile;
  readonly unreadable: readonly UnreadableReadme[];
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function extOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.indexOf(".");
  return dot === -1 ? "" : name.slice(dot + 1).toLowerCase();
}

const rank = (path: string): number => {
  const i = EXT_ORDER.indexOf(extOf(path));
  return i === -1 ? EXT_ORDER.length : i;
};

const cache = new WeakMap<RepoView, ReadmeLookup>();

/** Find and parse the README. A check that calls it must list `README_READ` in its `reads`. */
export function findReadme(repo: RepoView): ReadmeLookup {
  const hit = cache.get(repo);
  if (hit) return hit;
  const candidates = repo
    .glob(README_READ.globs, { nocase: true })
    .filter((f) => NAME.test(f.path.slice(f.path.lastIndexOf("/") + 1)));
  const unreadable: UnreadableReadme[] = [];
  let chosen: ReadmeFile | undefined;
  const tryDir = (dir: string, location: ReadmeLocation): void => {
    const here = candidates.filter((f) => dirOf(f.path) === dir).sort((a, b) => rank(a.path) - rank(b.path));
    for (const f of here) {
      const content = repo.content(f.path);
      if (content.kind !== "text") {
        unreadable.push({
          path: f.path,
          reason: f.mode === "file" || f.mode === "executable" ? content.reason : f.mode,
        });
        continue;
      }
      if (chosen) continue;
      const doc = /\.rst$/i.test(f.path) ? readRst(content.text) : readMarkdown(content.text);
      chosen = { path: f.path, location, text: content.text, truncated: content.truncated, doc };
    }
  };
  for (const dir of LOCATIONS) tryDir(dir, dir === "" ? "root" : (dir as ReadmeLocation));
  // No README where GitHub looks: a repo whose project sits in one folder still documents it there.
  if (!chosen) {
    const dirs = [...new Set(candidates.map((f) => dirOf(f.path)).filter((d) => d !== "" && !LOCATIONS.includes(d)))];
    for (const dir of dirs.sort()) if (!chosen) tryDir(dir, "subfolder");
  }
  const lookup = chosen ? { readme: chosen, unreadable } : { unreadable };
  cache.set(repo, lookup);
  return lookup;
}
