/**
 * code_structure.modules: is the code organised into packages and modules, or is it one
 * script, notebooks only, or a flat folder of scripts lying among data and model files?
 */
import { defineCheck, type Finding, failure, info, notApplicable, scored, warning } from "../../src/engine/check.js";
import { languages, NOTEBOOK_READ, noMainLanguage, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { hasNoSource } from "../lib/no-source.js";
import { type PythonFile, pythonSources } from "../lib/python.js";
import { APP_CONSTRUCTORS } from "../scalability/serving-detect.js";
import { resolveName } from "../scalability/usage.js";
import { type Layout, layoutOf } from "./layout.js";
import { isWork } from "./work.js";

const DOCS = "https://packaging.python.org/en/latest/discussions/src-layout-vs-flat-layout/";
const STRUCTURE_DOCS = "https://docs.python-guide.org/writing/structure/";

/** Entry points run on purpose: work at their top level is what they are for. */
const ENTRY =
  /(^|\/)(__main__|main|app|cli|run[\w-]*|server|wsgi|asgi|streamlit_app|serve|handler|lambda_function)\.py$/;
/** Settings modules read their environment at import time by design. */
const SETTINGS = /(^|\/)(config|configs|settings|conf|constants|env)\.py$/;
/** Template text the cookiecutter data-science skeleton ships in files nobody filled in. */
const TEMPLATE_MARKERS = ["making final data set from raw data", "REPLACE THIS WITH YOUR OWN CODE"];

/** Modules in a package that do work when imported (entry points and settings modules apart). */
function importTimeWork(
  layout: Layout,
  sources: readonly PythonFile[],
): { path: string; line: number; callee: string }[] {
  const prefixes = [...layout.packages, ...layout.moduleDirs].map((d) => `${d}/`);
  const inPackage = (p: string) => prefixes.some((prefix) => p.startsWith(prefix));
  const out: { path: string; line: number; callee: string }[] = [];
  for (const f of sources) {
    if (f.notebook || f.test || ENTRY.test(f.path) || SETTINGS.test(f.path) || !inPackage(f.path)) continue;
    // Streamlit and Gradio pages are scripts their framework runs top to bottom.
    if (f.source.imports.some((i) => /^(streamlit|gradio)(\.|$)/.test(i.module))) continue;
    // The module that creates the web app is the service's entry point: loading the model there
    // at start-up is how it serves (the app object is what the server imports).
    if (f.source.topLevelCalls.some((c) => APP_CONSTRUCTORS.test(resolveName(f, c.callee)))) continue;
    const call = f.source.topLevelCalls.find((c) => isWork(c.callee));
    if (call) out.push({ path: f.path, line: call.line, callee: call.callee });
  }
  return out;
}

/** Non-`__init__` modules that are empty, only a docstring, or an untouched template. */
function placeholders(
  layout: Layout,
  sources: readonly PythonFile[],
  text: (p: string) => string | undefined,
): string[] {
  const analysed = new Map(sources.map((s) => [s.path, s.source]));
  return layout.modules
    .filter((m) => m.path.endsWith(".py"))
    .filter((m) => {
      if (m.size === 0) return true;
      const src = analysed.get(m.path);
      if (src && src.codeLines === 0 && !src.error) return true;
      const body = text(m.path);
      return body !== undefined && TEMPLATE_MARKERS.some((t) => body.includes(t));
    })
    .map((m) => m.path);
}

function describe(layout: Layout): string {
  const parts: string[] = [];
  if (layout.packages.length > 0) parts.push(`packages ${layout.packages.slice(0, 4).join(", ")}`);
  if (layout.srcLayout) parts.push("a src/ layout");
  if (layout.moduleDirs.length > 0) parts.push(`module folders ${layout.moduleDirs.slice(0, 4).join(", ")}`);
  parts.push(`${layout.modules.length} module${layout.modules.length === 1 ? "" : "s"}`);
  if (layout.notebooks.length > 0) parts.push(`${layout.notebooks.length} notebooks`);
  return parts.join(", ");
}

export const modulesCheck = defineCheck({
  id: "code_structure.modules",
  title: "Code organised in modules and packages",
  criterion: "code_structure",
  weight: 3,
  looksFor:
    "A package or src/ layout with separate folders for data, models and serving, rather than one script, notebooks only, or loose scripts among data files.",
  why: "A reviewer judges whether the candidate can build software others can import, test and extend; notebooks and one long script cannot be reused or tested.",
  remediation:
    "Move the code into a package (src/<name>/ with __init__.py) split by responsibility (data, features, models, serving), keep notebooks in notebooks/ calling that package, and keep data and model files out of the code folders.",
  effort: "high",
  docs: STRUCTURE_DOCS,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ],
  evaluate(repo) {
    const layout = layoutOf(repo);
    const profile = languages(repo);
    if (hasNoSource(repo))
      return scored(0, [
        failure("no-source", "The repository holds no source code: there is nothing to organise.", undefined, {
          remediation:
            "Add the project's code, organised as a package (src/<name>/ with __init__.py) with tests beside it.",
          docs: STRUCTURE_DOCS,
        }),
      ]);
    // A download script beside an R or Go project says nothing about how that project is organised.
    if (profile.main.length === 0 && profile.python + profile.javascript > 0)
      return notApplicable(info("no-code", `${noMainLanguage(profile)}: its layout is not judged.`));
    if (layout.kind === "none") {
      const lang = languages(repo);
      return notApplicable(
        info(
          "no-code",
          lang.python + lang.javascript === 0
            ? "No Python or JavaScript/TypeScript code to judge."
            : "No modules of the project's own to judge.",
        ),
      );
    }
    const findings: Finding[] = [];
    const fix = { remediation: modulesCheck.remediation, docs: STRUCTURE_DOCS };
    let score: number;
    switch (layout.kind) {
      case "notebooks-only":
        findings.push(
          failure(
            "notebooks-only",
            `All the code is in ${layout.notebooks.length} notebook(s); there is no module to import or test.`,
            { path: layout.notebooks[0]?.path },
            fix,
          ),
        );
        score = 0.1;
        break;
      case "single-script": {
        const only = layout.modules[0];
        const withNotebooks = layout.notebooks.length > 0 ? ` beside ${layout.notebooks.length} notebook(s)` : "";
        findings.push(
          failure(
            "single-script",
            `All the code is one file${withNotebooks}: ${only?.path} (${only?.size ?? 0} bytes).`,
            { path: only?.path },
            fix,
          ),
        );
        // A one-module library with its tests is small, not disorganised.
        score = layout.tests > 0 && layout.notebooks.length === 0 ? 0.4 : 0.15;
        break;
      }
      case "flat":
        findings.push(
          warning(
            "flat-scripts",
            `${layout.modules.length} scripts side by side with no package or module folder.`,
            { path: layout.modules[0]?.path },
            { remediation: modulesCheck.remediation, docs: DOCS },
          ),
        );
        score = 0.5;
        break;
      case "folders":
        findings.push(info("module-folders", `Code is split into folders: ${describe(layout)}.`));
        score = 0.85;
        break;
      default:
        findings.push(info("package-layout", `Code is organised as ${describe(layout)}.`));
        score = 1;
    }
    if (layout.concerns.length > 0)
      findings.push(info("separate-concerns", `Top-level folders keep concerns apart: ${layout.concerns.join(", ")}.`));

    if (layout.artefacts.length > 0) {
      const names = layout.artefacts.slice(0, 5).map((a) => a.path);
      findings.push(
        warning(
          "artefacts-beside-code",
          `Data or model files lie among the code: ${names.join(", ")}${layout.artefacts.length > 5 ? ", ..." : ""}.`,
          { path: names[0] },
          {
            remediation:
              "Keep data in data/ and trained models in models/ (or DVC / an artefact store), out of the code folders.",
            docs: STRUCTURE_DOCS,
          },
        ),
      );
      score -= layout.kind === "flat" || layout.kind === "single-script" ? 0.1 : 0.05;
    }

    const sources = pythonSources(repo);
    if (layout.kind === "package" || layout.kind === "folders") {
      const stubs = placeholders(layout, sources, (p) => repo.text(p));
      const pyModules = layout.modules.filter((m) => m.path.endsWith(".py")).length;
      if (stubs.length >= 2 && stubs.length * 2 >= pyModules) {
        findings.push(
          warning(
            "placeholder-modules",
            `${stubs.length} of ${pyModules} modules are empty or untouched template files (${stubs.slice(0, 3).join(", ")}); the layout is a skeleton${layout.notebooks.length > 0 ? " and the work is in the notebooks" : ""}.`,
            { path: stubs[0] },
            fix,
          ),
        );
        score = Math.min(score, 0.5);
      }
      const work = importTimeWork(layout, sources);
      if (work.length > 0) {
        const first = work[0] as { path: string; line: number; callee: string };
        const many = work.length >= 2;
        findings.push(
          warning(
            "import-time-work",
            `${work.length} module(s) run work when imported, e.g. ${first.callee}() at ${first.path}:${first.line}.`,
            { path: first.path, line: first.line },
            {
              remediation:
                'Move the work into functions and call them from an entry point (a CLI or `if __name__ == "__main__":`), so importing a module has no side effects.',
              docs: STRUCTURE_DOCS,
            },
          ),
        );
        // CHECKLIST.md: modules that run work at import time are partial, however many there are.
        score = Math.min(score, many ? 0.55 : 0.6);
      }
    }
    if ((layout.kind === "package" || layout.kind === "folders") && layout.notebooks.length > 0) {
      const lines = (nb: boolean) =>
        pythonSources(repo, { notebooks: true })
          .filter((f) => f.notebook === nb && !f.test)
          .reduce((n, f) => n + f.source.codeLines, 0);
      const inNotebooks = lines(true);
      const inModules = lines(false);
      // A thin helper module beside notebooks that hold the pipeline: notebooks instead of code.
      if (inNotebooks > 3 * inModules && inModules < 200 && !findings.some((f) => f.id === "placeholder-modules")) {
        findings.push(
          warning(
            "notebook-centric",
            `Most of the code is in notebooks: ${inNotebooks} code lines in ${layout.notebooks.length} notebook(s) against ${inModules} in modules.`,
            { path: layout.notebooks[0]?.path },
            fix,
          ),
        );
        score = Math.min(score, 0.6);
      } else
        findings.push(info("notebooks-beside-code", `${layout.notebooks.length} notebook(s) kept beside the code.`));
    }
    return scored(score, findings);
  },
});
