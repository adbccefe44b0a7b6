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
import { isOwnCode, type Language, languages, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { pythonSources } from "../lib/python.js";
import { mlEvidence } from "../testing/ml-signals.js";
import { EVIDENCE_READS, strongest, toolEvidence } from "./evidence.js";
import { type StrictVerdict, strictness, TSCONFIG_GLOBS } from "./tsconfig.js";

const MYPY_DOCS = "https://mypy.readthedocs.io/";
const TS_DOCS = "https://www.typescriptlang.org/tsconfig/#strict";
const PY_FIX = {
  remediation:
    "Run a type checker on the annotated code: configure mypy (or pyright) in pyproject.toml ([tool.mypy]) and run it in CI and as a pre-commit hook (mirrors-mypy).",
  docs: MYPY_DOCS,
};
const TS_FIX = {
  remediation:
    'Set "strict": true in tsconfig.json compilerOptions (or extend @tsconfig/strictest) and run `tsc --noEmit` in CI.',
  docs: TS_DOCS,
};

type Verdict = { score: number | null; findings: Finding[] };

/** How much of the public Python API is annotated, notebooks included, tests excluded. */
function annotationShare(repo: RepoView): { annotated: number; total: number } {
  let annotated = 0;
  let total = 0;
  for (const file of pythonSources(repo, { notebooks: true })) {
    if (file.test) continue;
    for (const d of file.source.definitions) {
      if (d.kind !== "function" || !d.public) continue;
      total++;
      if (d.annotated) annotated++;
    }
  }
  return { annotated, total };
}

function hintsScore(annotated: number, total: number): number {
  const share = total === 0 ? 0 : annotated / total;
  if (share >= 0.5) return 0.6;
  if (share >= 0.2) return 0.45;
  if (annotated >= 3) return 0.3;
  return annotated > 0 ? 0.1 : 0;
}

function pythonVerdict(repo: RepoView): Verdict {
  const checker = strongest(toolEvidence(repo), "python", "typechecker");
  const at = checker ? { path: checker.path, ...(checker.line ? { line: checker.line } : {}) } : {};
  if (checker?.strength === "run")
    return {
      score: 1,
      findings: [
        info("checker", `Python type checker: ${checker.tool}, run (${checker.path}: ${checker.detail}).`, at),
      ],
    };
  if (checker?.strength === "config")
    return {
      score: 0.85,
      findings: [
        warning(
          "checker-not-run",
          `Python type checker: ${checker.tool} is configured (${checker.path}) but no CI step, git hook or project script runs it.`,
          at,
          PY_FIX,
        ),
      ],
    };
  const { annotated, total } = annotationShare(repo);
  const percent = total === 0 ? 0 : Math.round((100 * annotated) / total);
  const findings: Finding[] = [];
  let score = hintsScore(annotated, total);
  if (checker) {
    findings.push(
      warning(
        "checker-not-run",
        `${checker.tool} is only declared as a dependency (${checker.path}): nothing configures or runs it.`,
        at,
        PY_FIX,
      ),
    );
    score = Math.max(score, 0.3);
  }
  if (annotated === 0)
    findings.push(
      failure(
        "no-annotations",
        total === 0
          ? "No public Python functions to read type hints from, and no type checker."
          : `None of the ${total} public Python functions has type hints, and no type checker is configured.`,
        {},
        {
          remediation:
            "Add type hints to public functions (parameters and return types), then check them with mypy or pyright in CI.",
          docs: MYPY_DOCS,
        },
      ),
    );
  else
    findings.push(
      warning(
        "hints-without-checker",
        `${annotated} of ${total} public Python functions (${percent}%) have type hints, but no type checker verifies them.`,
        {},
        PY_FIX,
      ),
    );
  return { score, findings };
}

function strictFinding(best: StrictVerdict): Verdict {
  const at = { path: best.path };
  if (best.strict === true)
    return {
      score: 1,
      findings: [
        info(
          "strict",
          `TypeScript strict mode is on (${best.path}${best.from && best.from !== best.path ? `, from ${best.from}` : ""}).`,
          at,
        ),
      ],
    };
  if (best.mostlyStrict)
    return {
      score: 0.7,
      findings: [
        warning("not-strict", `${best.path} turns on noImplicitAny and strictNullChecks but not "strict".`, at, TS_FIX),
      ],
    };
  if (best.unresolved)
    return {
      score: 0.6,
      findings: [
        warning(
          "strict-unverified",
          `${best.path} extends ${best.unresolved}, whose "strict" setting could not be verified.`,
          at,
          TS_FIX,
        ),
      ],
    };
  return {
    score: best.strict === false ? 0.4 : 0.5,
    findings: [
      warning(
        "not-strict",
        best.strict === false
          ? `${best.path} sets "strict": false${best.from && best.from !== best.path ? ` (from ${best.from})` : ""}.`
          : `${best.path} does not turn on "strict" (TypeScript's default is off).`,
        at,
        TS_FIX,
      ),
    ],
  };
}

const RANK = (v: StrictVerdict): number =>
  v.strict === true ? 4 : v.mostlyStrict ? 3 : v.unresolved ? 2 : v.strict === undefined ? 1 : 0;

/** Best verdict first; among equals the plain `tsconfig.json` nearest the root, the one a reader opens. */
function byStrictness(a: StrictVerdict, b: StrictVerdict): number {
  const plain = (v: StrictVerdict): number => (/(^|\/)[tj]sconfig\.json$/.test(v.path) ? 0 : 1);
  return RANK(b) - RANK(a) || plain(a) - plain(b) || a.path.split("/").length - b.path.split("/").length;
}

function javascriptVerdict(repo: RepoView): Verdict {
  const own = repo.glob("**/*.{ts,tsx,mts,cts}").filter((f) => isOwnCode(f.path) && !/\.d\.[cm]?ts$/.test(f.path));
  const configs = strictness(repo);
  const broken = configs.filter((c) => c.error);
  const errors = broken.map((c) =>
    failure(
      "invalid-tsconfig",
      `${c.path} does not parse: ${c.error?.message}`,
      { path: c.path, line: c.error?.line },
      TS_FIX,
    ),
  );
  const usable = configs.filter((c) => !c.error && !c.solution);
  if (own.length === 0) {
    // Plain JavaScript: typed only when the project opts in with checkJs.
    const checked = usable.filter((c) => c.checkJs).sort(byStrictness)[0];
    if (!checked)
      return {
        score: null,
        findings: [info("plain-javascript", "Plain JavaScript without checkJs: no optional typing to judge.")],
      };
    const strict = checked.strict === true;
    return {
      score: strict ? 0.9 : 0.6,
      findings: [
        strict
          ? info("check-js", `${checked.path} type-checks JavaScript (checkJs) in strict mode.`, { path: checked.path })
          : warning(
              "check-js",
              `${checked.path} type-checks JavaScript (checkJs) without strict mode.`,
              { path: checked.path },
              TS_FIX,
            ),
      ],
    };
  }
  const best = [...usable].sort(byStrictness)[0];
  if (!best)
    return {
      score: 0.35,
      findings: [
        ...errors,
        warning(
          "no-tsconfig",
          `${own.length} TypeScript file(s) but no usable tsconfig.json: the compiler runs with its non-strict defaults.`,
          {},
          TS_FIX,
        ),
      ],
    };
  const verdict = strictFinding(best);
  return { score: verdict.score, findings: [...verdict.findings, ...errors] };
}

/** code_quality.types: a type checker on Python code, strict TypeScript. */
export const types: Check = defineCheck({
  id: "code_quality.types",
  title: "Type checking",
  criterion: "code_quality",
  weight: 2,
  looksFor:
    "A type checker configured or run (mypy, pyright, basedpyright, ty, pytype) for Python, or TypeScript with strict: true; type hints alone are partial.",
  why: "Types document interfaces and catch a class of bugs before runtime; checked types show a reviewer the code is built to be maintained.",
  remediation: "Python: annotate public functions and run mypy or pyright in CI. TypeScript: turn on strict mode.",
  effort: "low",
  docs: MYPY_DOCS,
  reads: [...EVIDENCE_READS, PYTHON_SOURCE_READ, NOTEBOOK_READ, { globs: TSCONFIG_GLOBS, maxFiles: 30, priority: 0 }],
  evaluate(repo) {
    const found = languages(repo).main;
    // In a Python ML project with a web frontend, the Python part is the heart and weighs most,
    // whichever part has more bytes (as testing.tests judges it).
    const main =
      found.length > 1 && found.includes("python") && mlEvidence(repo).length > 0
        ? (["python", ...found.filter((l) => l !== "python")] as Language[])
        : found;
    const verdicts = main.map((l: Language) => (l === "python" ? pythonVerdict(repo) : javascriptVerdict(repo)));
    const findings = verdicts.flatMap((v) => v.findings);
    const applicable = verdicts.filter((v): v is { score: number; findings: Finding[] } => v.score !== null);
    const [first, second] = applicable;
    if (!first)
      return notApplicable(
        ...(findings.length > 0 ? findings : [info("no-code", "No Python or TypeScript code to judge types in.")]),
      );
    return scored(second ? 0.75 * first.score + 0.25 * second.score : first.score, findings);
  },
});
