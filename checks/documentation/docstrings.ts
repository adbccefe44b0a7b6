import {
  type CheckOutcome,
  defineCheck,
  type Finding,
  info,
  notApplicable,
  scored,
  warning,
} from "../../src/engine/check.js";
import { jsSources } from "../lib/javascript.js";
import { JS_SOURCE_READ, languages, NOTEBOOK_READ, noMainLanguage, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { pythonSources } from "../lib/python.js";

const PEP257 = "https://peps.python.org/pep-0257/";
const TSDOC = "https://tsdoc.org/";
const REMEDIATION =
  "Give every public function, class and method a docstring (Python, PEP 257) or a /** ... */ doc comment (JS/TS, TSDoc) that says what it does, its parameters and what it returns; interrogate (Python) or eslint-plugin-jsdoc (JS/TS) can enforce it.";

/** At or above this share of documented public symbols the check passes. */
const PASS_SHARE = 0.7;
/** Below this share it fails. */
const FAIL_SHARE = 0.2;
const WORST_FILES = 5;

/**
 * Files that are public code by location but not an API anyone reads: packaging and task scripts,
 * docs configuration, database migrations, tool configs, stories, and framework route files
 * (Next.js `page.tsx`/`layout.tsx`, `pages/`), whose exports the framework calls.
 */
const NOT_API =
  /(^|\/)(setup\.py|noxfile\.py|manage\.py|conftest\.py)$|(^|\/)docs?\/|(^|\/)migrations\/|(^|\/)alembic\/versions\/|\.config\.[cm]?[jt]s$|(^|\/)\.?eslintrc\.[cm]?js$|\.stories\.[jt]sx?$|(^|\/)(setupTests|reportWebVitals|vite-env\.d)\.[jt]sx?$|(^|\/)app\/(.*\/)?(page|layout|loading|error|not-found|template|route|default|global-error)\.[jt]sx?$|(^|\/)pages\/.*\.[jt]sx?$/;

/** One file's public symbols and how many are documented. */
interface FileCount {
  readonly path: string;
  readonly language: "python" | "javascript";
  readonly total: number;
  readonly documented: number;
  /** The first undocumented symbol: where to start. */
  readonly first?: { readonly name: string; readonly line: number };
}

function pythonCounts(notebooksOnly: boolean, files: ReturnType<typeof pythonSources>): FileCount[] {
  const out: FileCount[] = [];
  for (const f of files) {
    if (f.test || NOT_API.test(f.path) || f.notebook !== notebooksOnly) continue;
    // Nested functions are implementation details; methods of public classes are API.
    const defs = f.source.definitions.filter((d) => d.public);
    if (defs.length === 0) continue;
    const missing = defs.find((d) => !d.docstring);
    out.push({
      path: f.path,
      language: "python",
      total: defs.length,
      documented: defs.filter((d) => d.docstring).length,
      ...(missing ? { first: { name: missing.name, line: missing.line } } : {}),
    });
  }
  return out;
}

function jsCounts(files: ReturnType<typeof jsSources>): FileCount[] {
  const out: FileCount[] = [];
  for (const f of files) {
    if (f.test || NOT_API.test(f.path)) continue;
    const symbols = f.source.exported.filter((e) => e.kind === "function" || e.kind === "class" || e.kind === "method");
    if (symbols.length === 0) continue;
    const missing = symbols.find((s) => !s.documented);
    out.push({
      path: f.path,
      language: "javascript",
      total: symbols.length,
      documented: symbols.filter((s) => s.documented).length,
      ...(missing ? { first: { name: missing.name, line: missing.line } } : {}),
    });
  }
  return out;
}

/** Score from the documented share: pass from 70%, fail under 20%, linear in between. */
export function shareScore(share: number): number {
  if (share >= PASS_SHARE) return 0.75 + ((share - PASS_SHARE) / (1 - PASS_SHARE)) * 0.25;
  if (share >= FAIL_SHARE) return 0.25 + ((share - FAIL_SHARE) / (PASS_SHARE - FAIL_SHARE)) * 0.5;
  return (share / FAIL_SHARE) * 0.25;
}

const pct = (n: number, d: number) => `${Math.round((100 * n) / d)}%`;

export const docstrings = defineCheck({
  id: "documentation.docstrings",
  title: "Docstrings on public code",
  criterion: "documentation",
  weight: 2,
  looksFor:
    "The share of public functions, classes and methods in non-test source (Python docstrings; JSDoc/TSDoc on exported JS/TS symbols) that carry a doc comment.",
  why: "Docstrings show a reviewer what each piece is for without reading its body, and show that the code was written to be used by others.",
  remediation: REMEDIATION,
  effort: "low",
  docs: PEP257,
  reads: [PYTHON_SOURCE_READ, JS_SOURCE_READ, NOTEBOOK_READ],
  evaluate(repo): CheckOutcome {
    const profile = languages(repo);
    // Glue around a project in another language (R's roxygen, Go's doc comments) is not its API.
    if (profile.main.length === 0 && profile.python + profile.javascript > 0)
      return notApplicable(info("docstrings-no-public-code", `${noMainLanguage(profile)}: docstrings are not judged.`));
    let counts = [...pythonCounts(false, pythonSources(repo)), ...jsCounts(jsSources(repo))];
    // A notebook-only project is judged on the functions its notebooks define.
    const fromNotebooks = counts.length === 0;
    if (fromNotebooks) counts = pythonCounts(true, pythonSources(repo, { notebooks: true }));
    const total = counts.reduce((n, c) => n + c.total, 0);
    if (total === 0) {
      return notApplicable(
        info("docstrings-no-public-code", "No public functions or classes in non-test Python or JS/TS source."),
      );
    }
    const documented = counts.reduce((n, c) => n + c.documented, 0);
    const share = documented / total;
    const findings: Finding[] = [];
    const byLanguage = (["python", "javascript"] as const)
      .map((lang) => {
        const of = counts.filter((c) => c.language === lang);
        const t = of.reduce((n, c) => n + c.total, 0);
        const d = of.reduce((n, c) => n + c.documented, 0);
        return t === 0 ? undefined : `${lang === "python" ? "Python" : "JS/TS"} ${d}/${t}`;
      })
      .filter((s) => s !== undefined);
    findings.push(
      info(
        "docstrings-coverage",
        `${documented} of ${total} public functions and classes documented (${pct(documented, total)}; ${byLanguage.join(", ")})${fromNotebooks ? " in notebooks" : ""} across ${counts.length} files.`,
      ),
    );
    if (share < PASS_SHARE) {
      const worst = counts
        .filter((c) => c.documented < c.total)
        .sort((a, b) => b.total - b.documented - (a.total - a.documented) || (a.path < b.path ? -1 : 1))
        .slice(0, WORST_FILES);
      for (const c of worst) {
        const first = c.first ? ` (first: \`${c.first.name}\`)` : "";
        findings.push(
          warning(
            "docstrings-missing",
            `${c.path}: ${c.total - c.documented} of ${c.total} public functions and classes have no ${c.language === "python" ? "docstring" : "doc comment"}${first}.`,
            c.first ? { path: c.path, line: c.first.line } : { path: c.path },
            { remediation: REMEDIATION, docs: c.language === "python" ? PEP257 : TSDOC },
          ),
        );
      }
    }
    return scored(shareScore(share), findings);
  },
});
