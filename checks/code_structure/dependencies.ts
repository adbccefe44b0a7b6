/**
 * code_structure.dependencies: a curated dependency manifest with pinned versions or a lock
 * file, for each main language; not a dumped environment, and not missing what the code imports.
 */
import { defineCheck, type Finding, failure, info, notApplicable, scored, warning } from "../../src/engine/check.js";
import { languageOf, languages, NOTEBOOK_READ, noMainLanguage, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { PROJECT_READ, pyprojects } from "../lib/project.js";
import { REQUIREMENTS_READ } from "../lib/requirements.js";
import { judgeJs } from "./js-deps.js";
import { layoutOf } from "./layout.js";
import { type PinnedEntry, pythonDependencies } from "./python-deps.js";

const PIP_DOCS = "https://pip.pypa.io/en/stable/reference/requirements-file-format/";
const PYPROJECT_DOCS = "https://packaging.python.org/en/latest/guides/writing-pyproject-toml/";

/** How much each kind of constraint counts toward "pinned". */
const PIN_WEIGHT = { exact: 1, bounded: 0.7, lower: 0.15, none: 0 } as const;
/** The libraries an ML project stands on: leaving one out of the manifest breaks a fresh install. */
const CORE = new Set([
  "sklearn",
  "torch",
  "tensorflow",
  "pandas",
  "numpy",
  "fastapi",
  "flask",
  "transformers",
  "xgboost",
  "lightgbm",
  "cv2",
  "keras",
]);

/** 0.4 for a manifest with nothing pinned, up to 1 when every entry is exact. */
export function pinScore(entries: readonly PinnedEntry[]): number {
  const runtime = entries.some((e) => !e.dev) ? entries.filter((e) => !e.dev) : entries;
  if (runtime.length === 0) return 1;
  const mean = runtime.reduce((s, e) => s + PIN_WEIGHT[e.constraint], 0) / runtime.length;
  return 0.4 + 0.6 * mean;
}

function pinSummary(entries: readonly PinnedEntry[]): string {
  const count = (c: string) => entries.filter((e) => e.constraint === c).length;
  return `${count("exact")} exact, ${count("bounded")} bounded, ${count("lower")} lower-bound only, ${count("none")} unpinned`;
}

function judgePython(repo: Parameters<typeof pythonDependencies>[0], findings: Finding[]): number {
  const py = pythonDependencies(repo);
  const projectFiles = [
    ...pyprojects(repo).map((p) => p.path),
    ...repo.glob(["setup.py", "setup.cfg"]).map((f) => f.path),
  ];
  for (const f of py.files)
    for (const e of f.errors.slice(0, 3))
      findings.push(
        warning(
          "requirements-unparsable",
          `${f.path}: ${e.message}`,
          { path: f.path, line: e.line },
          { remediation: "Fix the line: pip refuses the whole file when one line is invalid.", docs: PIP_DOCS },
        ),
      );
  for (const f of py.files)
    for (const inc of f.includes.filter((i) => i.status === "missing"))
      findings.push(
        warning(
          "include-missing",
          `${f.path} includes ${inc.target}, which the repository does not have.`,
          { path: f.path, line: inc.line },
          { remediation: `Commit ${inc.path} or drop the -r line.`, docs: PIP_DOCS },
        ),
      );

  for (const u of py.unread)
    findings.push(info("manifest-unread", `${u.path} could not be judged: ${u.reason}.`, { path: u.path }));
  if (py.manifests.length === 0 && py.locks.length === 0 && py.unread.length > 0) return 0.5;
  if (py.manifests.length === 0 && py.locks.length === 0) {
    if (projectFiles.length > 0 && py.thirdParty === 0) {
      findings.push(
        info("no-third-party", `${projectFiles[0]} declares no dependencies and the code imports none.`, {
          path: projectFiles[0],
        }),
      );
      return 0.9;
    }
    const where = projectFiles.length > 0 ? ` (${projectFiles.join(", ")} list none)` : "";
    findings.push(
      failure(
        "no-manifest",
        `No dependency manifest: no requirements.txt, pyproject dependencies, environment.yml, Pipfile or lock file${where}${py.thirdParty > 0 ? `, yet the code imports ${py.thirdParty} third-party package(s)` : ""}.`,
        projectFiles[0] ? { path: projectFiles[0] } : undefined,
        {
          remediation:
            "Declare the dependencies with pinned versions (requirements.txt with ==, or pyproject.toml plus a lock file from uv/Poetry).",
          docs: PYPROJECT_DOCS,
        },
      ),
    );
    return py.thirdParty > 0 || projectFiles.length === 0 ? 0 : 0.2;
  }

  let score: number;
  const compiled = py.files.filter((f) => f.origin.compiled).map((f) => f.path);
  if (py.locks.length > 0 || compiled.length > 0) {
    findings.push(
      info("lock-file", `Versions are locked: ${[...py.locks, ...compiled].join(", ")}.`, {
        path: py.locks[0] ?? compiled[0],
      }),
    );
    score = 1;
  } else {
    // The best-pinned install path decides: a pinned requirements.txt beside pyproject ranges is a lock.
    const runtime = py.byManifest.filter((m) => m.entries.some((e) => !e.dev));
    const candidates = runtime.length > 0 ? runtime : py.byManifest.filter((m) => m.entries.length > 0);
    const best = candidates
      .map((m) => ({ ...m, score: pinScore(m.entries) }))
      .sort((a, b) => b.score - a.score || b.entries.length - a.entries.length)[0];
    const chosen = best?.entries ?? py.entries;
    score = best?.score ?? pinScore(py.entries);
    const summary = `${chosen.length} Python dependencies in ${best?.path ?? py.manifests.join(", ")}: ${pinSummary(chosen)}.`;
    if (score >= 0.85) findings.push(info("pinned", summary, { path: best?.path ?? py.manifests[0] }));
    else {
      const loose = chosen.find((e) => e.constraint === "none" || e.constraint === "lower");
      findings.push(
        warning(
          "unpinned",
          summary,
          { path: loose?.path ?? py.manifests[0], line: loose?.line },
          {
            remediation:
              "Pin exact versions (==) for an application, or keep ranges in pyproject.toml and commit a lock file (uv lock, poetry lock, pip-compile).",
            docs: PIP_DOCS,
          },
        ),
      );
    }
  }

  const dumps = py.files.filter((f) => f.origin.dump);
  if (dumps.length > 0) {
    const d = dumps[0] as (typeof dumps)[number];
    const curated =
      py.files.some((f) => !f.origin.dump && f.entries.length > 0) ||
      py.entries.some((e) => !py.files.some((f) => f.path === e.path));
    findings.push(
      warning(
        "environment-dump",
        `${d.path} is a dump of a whole environment, not a list curated for the project: ${d.origin.reasons.join("; ")}.`,
        { path: d.path },
        {
          remediation:
            "List only what the project imports (pipreqs can start the list, or `conda env export --from-history`), then pin those.",
          docs: PIP_DOCS,
        },
      ),
    );
    score = curated ? score - 0.1 : Math.min(score, 0.5);
  }

  const coded = py.undeclared.filter((u) => !u.notebook);
  const inNotebooks = py.undeclared.filter((u) => u.notebook);
  if (py.undeclared.length > 0) {
    const first = coded[0] ?? (py.undeclared[0] as (typeof py.undeclared)[number]);
    const roots = py.undeclared.map((u) => u.root);
    findings.push(
      warning(
        "undeclared-imports",
        `The code imports ${roots.length} package(s) no manifest declares: ${roots.slice(0, 8).join(", ")}${roots.length > 8 ? ", ..." : ""} (first at ${first.path}:${first.line}).`,
        { path: first.path, line: first.line },
        {
          remediation: `Add ${roots.slice(0, 3).join(", ")} to the manifest, with versions (import names can differ: sklearn is scikit-learn, cv2 is opencv-python).`,
          docs: PIP_DOCS,
        },
      ),
    );
    if (coded.length >= 2 || coded.some((u) => CORE.has(u.root))) score = Math.min(score, 0.6);
    else score -= 0.1 * coded.length;
    score -= Math.min(0.15, 0.05 * inNotebooks.length);
  }
  return score;
}

/** Lock files of the ecosystems the checklist does not read: R (renv), Julia, Go, Rust, Ruby, PHP, Elixir, Dart, Swift. */
const OTHER_LOCKS = [
  "renv.lock",
  "packrat/packrat.lock",
  "Manifest.toml",
  "go.sum",
  "Cargo.lock",
  "Gemfile.lock",
  "composer.lock",
  "mix.lock",
  "pubspec.lock",
  "Package.resolved",
];

export const dependenciesCheck = defineCheck({
  id: "code_structure.dependencies",
  title: "Dependencies declared and pinned",
  criterion: "code_structure",
  weight: 3,
  looksFor:
    "A curated dependency manifest with pinned versions or a lock file (requirements.txt with ==, poetry.lock, uv.lock, package-lock.json...), covering what the code imports.",
  why: "A reviewer who cannot install the exact environment cannot run the project; a pip freeze of a laptop's whole environment shows the list was never thought about.",
  remediation:
    "Declare the project's direct dependencies in requirements.txt or pyproject.toml (package.json for JS) with pinned versions or a committed lock file.",
  effort: "low",
  docs: PIP_DOCS,
  reads: [REQUIREMENTS_READ, PROJECT_READ, PYTHON_SOURCE_READ, NOTEBOOK_READ],
  evaluate(repo) {
    const lang = languages(repo);
    const findings: Finding[] = [];
    if (lang.main.length === 0 && lang.python + lang.javascript > 0) {
      // Python/JS glue around a project in another language: that language's lock file is the evidence.
      const lock = OTHER_LOCKS.find((path) => repo.has(path));
      if (lock)
        return scored(1, [info("other-lock", `The project's dependencies are locked in ${lock}.`, { path: lock })]);
      return notApplicable(info("no-code", `${noMainLanguage(lang)}: its dependencies are not judged.`));
    }
    const parts: { score: number; weight: number }[] = [];
    const layout = layoutOf(repo);
    // A docs/conf.py or setup.py alone does not make a project Python.
    const pythonCode = layout.notebooks.length > 0 || layout.modules.some((m) => languageOf(m.path) === "python");
    if (lang.python > 0 && (pythonCode || pythonDependencies(repo).manifests.length > 0))
      parts.push({ score: judgePython(repo, findings), weight: lang.python });
    if (lang.javascript > 0) {
      // Stray scripts in a Python project need no package.json; a JS project does.
      const jsModules = layout.modules.some((m) => languageOf(m.path) === "javascript");
      const js = judgeJs(repo, findings, jsModules && lang.main[0] === "javascript");
      if (js !== undefined) parts.push({ score: js, weight: Math.max(lang.javascript, lang.python * 0.25) });
    }
    if (parts.length === 0) return notApplicable(info("no-code", "No Python or JavaScript/TypeScript code to judge."));
    const total = parts.reduce((s, p) => s + p.weight, 0);
    return scored(parts.reduce((s, p) => s + p.score * p.weight, 0) / total, findings);
  },
});
