import ignore from "ignore";
import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { isOwnCode, languages } from "../lib/languages.js";
import { type ArtefactGroup, type ArtefactKind, committedArtefacts, megabytes } from "./artefacts.js";
import { GITIGNORE_GLOB, type IgnoreRules, ignoreRules } from "./ignore-rules.js";

const DOCS = "https://git-scm.com/docs/gitignore";
const TEMPLATES = "https://github.com/github/gitignore";
const REMEDIATION =
  "Start from github/gitignore's Python.gitignore (and Node.gitignore for JS), make sure it ignores __pycache__/, .venv/, .env, .ipynb_checkpoints/ and node_modules/, then `git rm -r --cached` what is already committed.";

/** What a Python or JS project's .gitignore must keep out, as sample paths git would see. */
interface Requirement {
  readonly id: string;
  readonly what: string;
  /** Lost from the score when not covered. */
  readonly weight: number;
  /** Sample paths; `all` means every one must be ignored, else any one suffices. */
  readonly probes: readonly string[];
  readonly all: boolean;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash + 1);
}

function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) n++;
  return n;
}

/** Up to `n` distinct folders of the project's own files, shallowest first (one pass: listings can be huge). */
function folders(paths: readonly string[], n: number): string[] {
  const seen = new Set<string>();
  const best: { dir: string; depth: number }[] = [];
  for (const path of paths) {
    const dir = dirOf(path);
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (!isOwnCode(dir)) continue;
    const d = depth(dir);
    if (best.length === n && d >= (best[n - 1]?.depth ?? 0)) continue;
    best.push({ dir, depth: d });
    best.sort((a, b) => a.depth - b.depth || (a.dir < b.dir ? -1 : 1));
    if (best.length > n) best.pop();
  }
  return best.map((b) => b.dir);
}

function requirements(repo: RepoView): Requirement[] {
  // A sample of each kind is enough to place the probes, and keeps a 100,000-file scan cheap.
  const paths = (glob: string): string[] =>
    repo
      .glob(glob)
      .slice(0, 5000)
      .map((f) => f.path);
  const gitignoreDirs = folders(paths(GITIGNORE_GLOB), 5);
  const roots = [...new Set(["", ...gitignoreDirs])];
  const out: Requirement[] = [];
  if (languages(repo).main.includes("python")) {
    const pyDirs = folders(paths("**/*.py"), 5);
    out.push({
      id: "missing-pycache",
      what: "Python bytecode caches (__pycache__/, *.pyc)",
      weight: 0.3,
      probes: (pyDirs.length > 0 ? pyDirs : [""]).map((d) => `${d}__pycache__/module.cpython-311.pyc`),
      all: true,
    });
    out.push({
      id: "missing-venv",
      what: "virtual environments (.venv/, venv/, env/)",
      weight: 0.2,
      probes: roots.flatMap((d) => [".venv", "venv", "env"].map((v) => `${d}${v}/pyvenv.cfg`)),
      all: false,
    });
    out.push({
      id: "missing-env",
      what: "local secrets files (.env)",
      weight: 0.15,
      probes: roots.map((d) => `${d}.env`),
      all: false,
    });
    const notebooks = folders(paths("**/*.ipynb"), 3);
    if (notebooks.length > 0)
      out.push({
        id: "missing-checkpoints",
        what: "Jupyter checkpoints (.ipynb_checkpoints/)",
        weight: 0.1,
        probes: notebooks.map((d) => `${d}.ipynb_checkpoints/analysis-checkpoint.ipynb`),
        all: true,
      });
  }
  const packages = folders(paths("**/package.json"), 5);
  if (packages.length > 0 || languages(repo).main.includes("javascript"))
    out.push({
      id: "missing-node-modules",
      what: "installed packages (node_modules/)",
      weight: 0.35,
      probes: (packages.length > 0 ? packages : [""]).map((d) => `${d}node_modules/left-pad/index.js`),
      all: true,
    });
  return out;
}

/** How far each kind of committed artefact caps the score, and how it is reported. */
const ARTEFACTS: Record<ArtefactKind, { cap: number; serious: boolean; what: string }> = {
  venv: { cap: 0.4, serious: true, what: "a virtual environment" },
  node_modules: { cap: 0.4, serious: true, what: "installed node_modules" },
  large_file: { cap: 0.5, serious: true, what: "large model or data files" },
  env_file: { cap: 0.5, serious: true, what: "a local .env file" },
  cache: { cap: 0.5, serious: false, what: "Python/tool caches" },
  run_dir: { cap: 0.5, serious: false, what: "experiment/tool run folders" },
  os_file: { cap: 0.6, serious: false, what: "operating-system files" },
};
const ARTEFACT_IDS: Record<ArtefactKind, string> = {
  venv: "committed-venv",
  node_modules: "committed-node-modules",
  large_file: "committed-large-file",
  env_file: "committed-env",
  cache: "committed-cache",
  run_dir: "committed-run-dir",
  os_file: "committed-os-file",
};
const UNTRACK = {
  remediation:
    "Remove them from the index with `git rm -r --cached <path>`, add them to .gitignore, and keep large models/data in Git LFS, DVC or a model registry.",
  docs: DOCS,
};

/** Paths stored by Git LFS (`filter=lfs` in .gitattributes): a large file there is a pointer, not bloat. */
function lfsPaths(repo: RepoView): (path: string) => boolean {
  const rules = ignore();
  let any = false;
  for (const f of repo.read("**/.gitattributes")) {
    const base = dirOf(f.path);
    for (const line of f.text.split(/\r?\n/)) {
      const [pattern, ...attrs] = line.trim().split(/\s+/);
      if (!pattern || pattern.startsWith("#") || !attrs.includes("filter=lfs")) continue;
      rules.add(base === "" ? pattern : `${base}${pattern.replace(/^\//, "")}`);
      any = true;
    }
  }
  return (path) => {
    if (!any) return false;
    try {
      return rules.ignores(path);
    } catch {
      return false;
    }
  };
}

function artefactFinding(group: ArtefactGroup, rules: IgnoreRules): Finding {
  const shown =
    group.examples.slice(0, 3).join(", ") + (group.examples.length > 3 ? ` and ${group.examples.length - 3} more` : "");
  const spec = ARTEFACTS[group.kind];
  const first = group.examples[0] ?? "";
  const rule = rules.match(first);
  const contradiction = rule
    ? ` although ${rule.path}${rule.line ? ` line ${rule.line}` : ""} ignores it (\`${rule.pattern}\`): it was committed before the rule or force-added`
    : "";
  const size = group.kind === "large_file" ? ` (${megabytes(group.bytes)})` : "";
  const message = `The repository contains ${spec.what}: ${shown}${size}${contradiction}.`;
  const at = { path: first.replace(/\/$/, "") };
  return spec.serious
    ? failure(ARTEFACT_IDS[group.kind], message, at, UNTRACK)
    : warning(ARTEFACT_IDS[group.kind], message, at, UNTRACK);
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

function isSourceLike(base: string): boolean {
  const dot = base.lastIndexOf(".");
  return dot > 0 && SOURCE_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}

/** Committed files the repository's own rules ignore, outside the artefact groups above. */
function trackedButIgnored(
  repo: RepoView,
  rules: IgnoreRules,
  grouped: ReadonlySet<string>,
): { cap: number; finding: Finding } | undefined {
  // Whole ignored folders (data/, outputs/) are the common case: one test per folder.
  const ignoredDirs = new Map<string, string>();
  let tests = 0;
  for (const dir of repo.directories()) {
    if (dir === "" || tests++ >= MAX_TESTS) continue;
    const m = rules.match(`${dir}/`);
    if (m) ignoredDirs.set(dir, `${m.path}${m.line ? `:${m.line}` : ""} \`${m.pattern}\``);
  }
  const underIgnoredDir = (path: string): string | undefined => {
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const rule = ignoredDirs.get(path.slice(0, slash));
      if (rule) return rule;
    }
    return undefined;
  };
  const hits: { path: string; rule: string }[] = [];
  // Files one by one: data and binaries (what matters) get most of the budget, source a sample.
  let dataTests = 0;
  let sourceTests = 0;
  for (const f of repo.files) {
    if (hits.length >= 20) break;
    const base = f.path.slice(f.path.lastIndexOf("/") + 1);
    if (KEEP_FILES.has(base) || grouped.has(f.path)) continue;
    let rule = ignoredDirs.size > 0 ? underIgnoredDir(f.path) : undefined;
    const source = isSourceLike(base);
    if (!rule && (source ? sourceTests++ < MAX_SOURCE_TESTS : dataTests++ < MAX_TESTS)) {
      const m = rules.match(f.path);
      if (m) rule = `${m.path}${m.line ? `:${m.line}` : ""} \`${m.pattern}\``;
    }
    if (rule) hits.push({ path: f.path, rule });
  }
  // Source files under an over-broad rule (Python.gitignore's `lib/` over a frontend's src/lib/)
  // were force-added on purpose: the rule is sloppy, the repository is not dirty.
  const data = hits.filter((h) => !isSourceLike(h.path.slice(h.path.lastIndexOf("/") + 1)));
  const shown = data[0] ?? hits[0];
  if (!shown) return undefined;
  const count = (n: number): string => (hits.length >= 20 ? `${n} or more` : String(n));
  if (data.length === 0)
    return {
      cap: 1,
      finding: warning(
        "ignored-source",
        `${count(hits.length)} committed source file(s) match the repository's own ignore rules, e.g. ${shown.path} (${shown.rule}): the rule is broader than intended.`,
        { path: shown.path },
        {
          remediation:
            "Narrow the rule (anchor it with a leading `/`, or add a `!` exception) so it matches only what should stay out.",
          docs: DOCS,
        },
      ),
    };
  return {
    cap: 0.6,
    finding: warning(
      "tracked-but-ignored",
      `${count(data.length)} committed file(s) match the repository's own ignore rules, e.g. ${shown.path} (${shown.rule}): the .gitignore does not describe what is committed.`,
      { path: shown.path },
      UNTRACK,
    ),
  };
}

/** code_quality.gitignore: a .gitignore that covers the language's artefacts, and is not contradicted. */
export const gitignore: Check = defineCheck({
  id: "code_quality.gitignore",
  title: ".gitignore hygiene",
  criterion: "code_quality",
  weight: 1,
  looksFor:
    "A .gitignore covering __pycache__, virtual environments, .env, notebook checkpoints and node_modules, with none of those (nor large model/data files, run folders or .DS_Store) committed.",
  why: "Committed caches, environments and model binaries bloat the history and leak local paths or secrets; a reviewer reads them as not knowing git.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [
    { globs: [GITIGNORE_GLOB], maxFiles: 40, priority: 0 },
    { globs: ["**/.gitattributes"], maxFiles: 10, priority: 1 },
  ],
  evaluate(repo) {
    const rules = ignoreRules(repo);
    const { groups, paths: grouped } = committedArtefacts(repo, lfsPaths(repo));
    // Listed in ARTEFACTS order, so reports (and tests) read the worst first.
    const order = Object.keys(ARTEFACTS) as ArtefactKind[];
    const committed = [...groups]
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map((g) => artefactFinding(g, rules));
    const hasFile = repo.glob(GITIGNORE_GLOB).some((f) => isOwnCode(f.path));

    if (!hasFile) {
      if (languages(repo).main.length === 0 && groups.length === 0)
        return notApplicable(info("no-code", "No Python or JavaScript/TypeScript code to judge a .gitignore for."));
      const missing = failure("missing", "There is no .gitignore.", {}, { remediation: REMEDIATION, docs: TEMPLATES });
      return scored(0, [missing, ...committed]);
    }
    if (rules.files === 0)
      return scored(0.5, [
        info("unreadable", "The .gitignore could not be read, so its coverage is unknown."),
        ...committed,
      ]);

    const findings: Finding[] = [];
    let score = 1;
    if (rules.patterns === 0) {
      findings.push(
        warning(
          "empty",
          "The .gitignore holds no rules.",
          { path: ".gitignore" },
          { remediation: REMEDIATION, docs: TEMPLATES },
        ),
      );
      score = 0.25;
    } else {
      const covered: string[] = [];
      const gaps: Finding[] = [];
      for (const req of requirements(repo)) {
        const ok = req.all ? req.probes.every((p) => rules.match(p)) : rules.coversAny(req.probes);
        if (ok) covered.push(req.what);
        else {
          score -= req.weight;
          gaps.push(
            warning(
              req.id,
              `The .gitignore does not ignore ${req.what}.`,
              { path: ".gitignore" },
              { remediation: REMEDIATION, docs: TEMPLATES },
            ),
          );
        }
      }
      score = Math.max(0.3, score);
      if (covered.length > 0)
        findings.push(info("covers", `The .gitignore covers ${covered.join("; ")}.`, { path: ".gitignore" }));
      findings.push(...gaps);
    }
    findings.push(...committed);

    const caps = groups.map((g) => ARTEFACTS[g.kind].cap);
    const stray = trackedButIgnored(repo, rules, grouped);
    if (stray) {
      findings.push(stray.finding);
      if (stray.cap < 1) caps.push(stray.cap);
    }
    if (caps.length > 0) score = Math.min(score, Math.max(0.3, Math.min(...caps) - 0.05 * (caps.length - 1)));
    return scored(score, findings);
  },
});
