/**
 * The repository's own .gitignore files as git reads them: each file's rules apply to the
 * paths under its folder, deeper files take precedence, and every match knows its source line.
 */
import ignore, { type Ignore } from "ignore";
import type { RepoFile, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { inProjectTemplate } from "../lib/secrets.js";

/** Where a path is ignored: the .gitignore and the line of the rule that matched. */
export interface IgnoreMatch {
  readonly path: string;
  readonly line?: number;
  readonly pattern: string;
}

interface Scope {
  /** Folder of the .gitignore, "" for the root, else with a trailing slash. */
  readonly dir: string;
  readonly path: string;
  readonly rules: Ignore;
  readonly patterns: number;
}

/** Every path is tested against every rule: a hostile 100,000-line .gitignore must not stall a scan. */
const MAX_PATTERNS = 500;

/** The parsed .gitignore files of a repository. */
export class IgnoreRules {
  private readonly scopes: readonly Scope[];

  constructor(files: readonly { path: string; text: string }[]) {
    this.scopes = files
      .map((f) => {
        const dir = f.path.slice(0, f.path.length - ".gitignore".length);
        const rules = ignore();
        let patterns = 0;
        f.text.split(/\r?\n/).forEach((raw, i) => {
          const line = raw.replace(/^\uFEFF/, "");
          if (line.trim() === "" || line.startsWith("#") || patterns >= MAX_PATTERNS) return;
          try {
            rules.add({ pattern: line, mark: String(i + 1) });
            patterns++;
          } catch {
            // A pattern the library cannot compile is one git would not match either.
          }
        });
        return { dir, path: f.path, rules, patterns };
      })
      // Shallow first, so a deeper file's verdict overrides its parent's, as in git.
      .sort((a, b) => a.dir.split("/").length - b.dir.split("/").length || (a.dir < b.dir ? -1 : 1));
  }

  /** Number of the .gitignore files read. */
  get files(): number {
    return this.scopes.length;
  }

  /** Number of rules across every file (comments and blank lines excluded). */
  get patterns(): number {
    return this.scopes.reduce((n, s) => n + s.patterns, 0);
  }

  /** The rule that ignores a path (a trailing "/" tests it as a folder), or undefined when git would track it. */
  match(path: string): IgnoreMatch | undefined {
    let verdict: IgnoreMatch | undefined;
    for (const scope of this.scopes) {
      if (!path.startsWith(scope.dir)) continue;
      const rel = path.slice(scope.dir.length);
      if (rel === "" || rel === "/") continue;
      let result: ReturnType<Ignore["test"]>;
      try {
        result = scope.rules.test(rel);
      } catch {
        continue; // a path the library refuses (e.g. "..") is never ignored
      }
      if (result.ignored) {
        const line = Number(result.rule?.mark);
        verdict = {
          path: scope.path,
          pattern: result.rule?.pattern ?? "",
          ...(Number.isFinite(line) && line > 0 ? { line } : {}),
        };
      } else if (result.unignored) verdict = undefined;
    }
    return verdict;
  }

  /** True when any of these paths would be ignored. */
  coversAny(paths: readonly string[]): boolean {
    return paths.some((p) => this.match(p) !== undefined);
  }
}

/** Glob of every .gitignore in the repository. */
export const GITIGNORE_GLOB = "**/.gitignore";

const cache = new WeakMap<RepoView, IgnoreRules>();

/** The repository's .gitignore rules (memoised per view); those inside dependencies are skipped. */
export function ignoreRules(repo: RepoView): IgnoreRules {
  const hit = cache.get(repo);
  if (hit) return hit;
  const rules = new IgnoreRules(repo.read(GITIGNORE_GLOB).filter((f) => isOwnCode(f.path)));
  cache.set(repo, rules);
  return rules;
}

/** Matching every path of a 100,000-file listing costs too much: folders first, then a sample of files. */
const MAX_TESTS = 1500;
const MAX_SOURCE_TESTS = 200;
/** Code and text config: what a developer force-adds on purpose, unlike data or build output. */
const SOURCE_EXTENSIONS = new Set(
  "py pyi js jsx ts tsx mjs cjs mts cts vue svelte css scss html md rst json yml yaml toml cfg ini sh sql".split(" "),
);
/** Placeholders that keep an ignored folder in git. */
const KEEP_FILES = new Set([".gitkeep", ".keep", ".gitignore"]);

/** True for a placeholder that keeps an (ignored) folder in git: `mlruns/.gitkeep`. */
export function isKeepFile(path: string): boolean {
  return KEEP_FILES.has(path.slice(path.lastIndexOf("/") + 1));
}

/** True for a base name of code or text config: what developers force-add on purpose. */
export function isSourceLike(base: string): boolean {
  const dot = base.lastIndexOf(".");
  return dot > 0 && SOURCE_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}

/**
 * Listed files the rules ignore (with the rule, as `path:line \`pattern\``, and its pattern),
 * skipping `skip`; at most 20.
 */
export function ignoredButListed(
  repo: RepoView,
  rules: IgnoreRules,
  skip: ReadonlySet<string>,
): { path: string; rule: string; pattern: string }[] {
  // Whole ignored folders (data/, outputs/) are the common case: one test per folder.
  const ignoredDirs = new Map<string, { rule: string; pattern: string }>();
  let tests = 0;
  for (const dir of repo.directories()) {
    if (dir === "" || tests++ >= MAX_TESTS) continue;
    const m = rules.match(`${dir}/`);
    if (m)
      ignoredDirs.set(dir, { rule: `${m.path}${m.line ? `:${m.line}` : ""} \`${m.pattern}\``, pattern: m.pattern });
  }
  const underIgnoredDir = (path: string): { rule: string; pattern: string } | undefined => {
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const rule = ignoredDirs.get(path.slice(0, slash));
      if (rule) return rule;
    }
    return undefined;
  };
  const hits: { path: string; rule: string; pattern: string }[] = [];
  // Files one by one: data and binaries (what matters) get most of the budget, source a sample.
  let dataTests = 0;
  let sourceTests = 0;
  const files = repo.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as RepoFile; // indexed: see RepoView.files
    if (hits.length >= 20) break;
    const base = f.path.slice(f.path.lastIndexOf("/") + 1);
    // A generator's template files (`{{ cookiecutter.repo_name }}/.env`) are force-added on purpose.
    if (KEEP_FILES.has(base) || skip.has(f.path) || inProjectTemplate(f.path)) continue;
    let hit = ignoredDirs.size > 0 ? underIgnoredDir(f.path) : undefined;
    const source = isSourceLike(base);
    if (!hit && (source ? sourceTests++ < MAX_SOURCE_TESTS : dataTests++ < MAX_TESTS)) {
      const m = rules.match(f.path);
      if (m) hit = { rule: `${m.path}${m.line ? `:${m.line}` : ""} \`${m.pattern}\``, pattern: m.pattern };
    }
    if (hit) hits.push({ path: f.path, ...hit });
  }
  return hits;
}
