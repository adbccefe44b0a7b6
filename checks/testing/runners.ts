/**
 * How the tests would be run: a runner configured (pytest/tox/nox config, Jest/Vitest config, a
 * real `test` script, a Makefile target), run in CI, or only declared as a dependency.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode, type Language } from "../lib/languages.js";
import { declaredDependencies, packageJsons, pythonToolConfig } from "../lib/project.js";
import { jsToolConfig } from "../lib/project-jsconfig.js";
import { requirementsFiles } from "../lib/requirements.js";
import { NPM_DEFAULT_TEST } from "../lib/tasks.js";
import { type ProjectCommand, projectCommands } from "./commands.js";
import { testInventory } from "./test-inventory.js";

/** Strength of the evidence: config and ci are "configured or run"; the others are weaker. */
export type RunnerKind = "config" | "ci" | "script" | "dependency" | "import";

/** One piece of evidence that a runner exists for a language's tests. */
export interface RunnerEvidence {
  readonly language: Language;
  readonly kind: RunnerKind;
  readonly tool: string;
  readonly path: string;
  readonly line?: number;
}

/** The runner a command invokes, if it runs tests. */
export function testRunnerOf(argv: readonly string[]): { tool: string; language: Language } | undefined {
  const [a = "", b = ""] = argv;
  const prog = a.replace(/^.*\//, "");
  if (/^(pytest|py\.test|unittest|nose2|nosetests|green|ward|behave|tox|nox)$/.test(prog))
    return { tool: prog, language: "python" };
  if (prog === "coverage" && b === "run") return { tool: "coverage run", language: "python" };
  if (prog === "hatch" && b === "test") return { tool: "hatch test", language: "python" };
  if (prog === "manage.py" && b === "test") return { tool: "manage.py test", language: "python" };
  if (/^(vitest|jest|mocha|ava|karma|jasmine|tap|uvu|c8|nyc)$/.test(prog) && !(prog === "vitest" && b === "bench"))
    return { tool: prog, language: "javascript" };
  if (prog === "playwright" && b === "test") return { tool: "playwright test", language: "javascript" };
  if (prog === "cypress" && b === "run") return { tool: "cypress run", language: "javascript" };
  if ((prog === "react-scripts" || prog === "ng" || prog === "craco") && b === "test")
    return { tool: `${prog} test`, language: "javascript" };
  if (prog === "vue-cli-service" && b.startsWith("test"))
    return { tool: "vue-cli-service test", language: "javascript" };
  if ((prog === "node" || prog === "bun" || prog === "deno") && (b === "--test" || b === "test"))
    return { tool: `${prog} test`, language: "javascript" };
  return undefined;
}

const PY_TEST_DEPS = new Set(["pytest", "nose2", "ward", "behave", "hypothesis", "tox", "nox"]);
const JS_TEST_DEPS = /^(jest|vitest|mocha|ava|jasmine|karma|cypress|@playwright\/test|tap|uvu|react-scripts)$/;

const cache = new WeakMap<RepoView, readonly RunnerEvidence[]>();

function fromCommand(c: ProjectCommand): RunnerEvidence | undefined {
  const runner = testRunnerOf(c.argv);
  if (!runner) return undefined;
  // A local script only counts as configuring a runner; CI running it is the stronger evidence.
  return { ...runner, kind: c.where === "ci" ? "ci" : "script", path: c.path, line: c.line };
}

/** Every piece of runner evidence in the repository (memoised per view). */
export function testRunners(repo: RepoView): readonly RunnerEvidence[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: RunnerEvidence[] = [];
  const at = (path: string, line?: number) => ({ path, ...(line !== undefined ? { line } : {}) });
  for (const cfg of pythonToolConfig(repo, "pytest"))
    out.push({ language: "python", kind: "config", tool: "pytest", ...at(cfg.path, cfg.line) });
  for (const cfg of pythonToolConfig(repo, "tox"))
    out.push({ language: "python", kind: "config", tool: "tox", ...at(cfg.path, cfg.line) });
  for (const f of repo.glob("**/noxfile.py"))
    if (isOwnCode(f)) out.push({ language: "python", kind: "config", tool: "nox", path: f.path });
  for (const tool of ["jest", "vitest"] as const)
    for (const cfg of jsToolConfig(repo, tool))
      out.push({ language: "javascript", kind: "config", tool, ...at(cfg.path, cfg.line) });
  for (const f of repo.glob([
    "**/.mocharc.{js,cjs,json,yml,yaml,jsonc}",
    "**/{karma.conf,playwright.config,cypress.config,ava.config}.{js,ts,cjs,mjs}",
  ]))
    if (isOwnCode(f))
      out.push({ language: "javascript", kind: "config", tool: f.path.replace(/^.*\/|\..*$/g, ""), path: f.path });
  for (const pkg of packageJsons(repo)) {
    const test = pkg.value.scripts.test;
    if (test !== undefined && test.trim() !== "" && !NPM_DEFAULT_TEST.test(test.trim())) {
      const line = pkg.text.slice(0, Math.max(0, pkg.text.indexOf('"test"'))).split("\n").length;
      out.push({ language: "javascript", kind: "script", tool: "npm test", path: pkg.path, line });
    }
  }
  for (const c of projectCommands(repo)) {
    const e = fromCommand(c);
    if (e) out.push(e);
  }
  for (const d of declaredDependencies(repo)) {
    if (d.ecosystem === "python" && PY_TEST_DEPS.has(d.name))
      out.push({ language: "python", kind: "dependency", tool: d.name, ...at(d.path, d.line) });
    if (d.ecosystem === "npm" && JS_TEST_DEPS.test(d.name))
      out.push({ language: "javascript", kind: "dependency", tool: d.name, ...at(d.path, d.line) });
  }
  for (const file of requirementsFiles(repo))
    for (const r of file.entries)
      if (PY_TEST_DEPS.has(r.key))
        out.push({ language: "python", kind: "dependency", tool: r.key, path: file.path, line: r.line });
  for (const f of testInventory(repo).files) {
    const imported = [...(f.python?.imports ?? [])].find((m) => m === "pytest" || m === "unittest");
    if (imported) out.push({ language: "python", kind: "import", tool: imported, path: f.path });
  }
  cache.set(repo, out);
  return out;
}

const STRENGTH: Record<RunnerKind, number> = { ci: 5, config: 4, script: 3, dependency: 2, import: 1 };

/** The strongest runner evidence for a language, if any. */
export function strongestRunner(repo: RepoView, language: Language): RunnerEvidence | undefined {
  let best: RunnerEvidence | undefined;
  for (const e of testRunners(repo))
    if (e.language === language && (!best || STRENGTH[e.kind] > STRENGTH[best.kind])) best = e;
  return best;
}
