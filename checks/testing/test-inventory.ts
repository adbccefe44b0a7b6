/**
 * The repository's tests: which files are test files (from the listing), and what the ones that
 * were read contain (test functions, placeholders). Memoised per view: three checks share it.
 */
import type { ReadRequest, RepoFile, RepoView } from "../../src/engine/check.js";
import { isOwnCode, JS_SOURCE_READ, type Language, languageOf, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { pythonTokens } from "../lib/python.js";
import { analyseJsTests, type JsTestFacts } from "./js-test-facts.js";
import { analysePythonTests, type PythonTestFacts } from "./python-test-facts.js";

/**
 * Test folders at the root, read whatever their depth (literal prefixes keep the glob cheap on
 * huge listings); tests elsewhere are read through the shared source requests.
 */
export const TEST_READ: ReadRequest = {
  globs: ["{tests,test,__tests__,spec}/**/*.{py,js,jsx,ts,tsx,mjs,cjs}", "**/conftest.py"],
  maxFiles: 100,
  priority: 2,
};

/** What a test-file-checking check reads: the test folders and the shared source requests. */
export const TEST_READS: readonly ReadRequest[] = [TEST_READ, PYTHON_SOURCE_READ, JS_SOURCE_READ];

/** One test file of the project's own. */
export interface TestFile {
  readonly path: string;
  readonly language: Language;
  /** Named like a test module (`test_*.py`, `*.test.ts`), not a helper beside tests. */
  readonly named: boolean;
  readonly python?: PythonTestFacts;
  readonly js?: JsTestFacts;
}

/** Per-language totals. `real` counts tests that are not placeholders. */
export interface TestTotals {
  readonly files: number;
  readonly read: number;
  readonly tests: number;
  readonly real: number;
  /** Files named like tests whose text was not read (budget): their tests are unknown. */
  readonly unread: number;
  /** Read test-named files that hold no test at all. */
  readonly empty: number;
}

/** Every test file and the totals per language. */
export interface TestInventory {
  readonly files: readonly TestFile[];
  readonly totals: Readonly<Record<Language, TestTotals>>;
}

const PY_NAMED = /(^|\/)(test_[^/]*|[^/]*_test|tests?)\.py$/;
const PY_IN_TEST_DIR = /(^|\/)(tests?|testing)\/.*\.py$/;
const JS_NAMED = /\.(test|spec|cy|e2e-spec)\.[cm]?[jt]sx?$/;
const JS_IN_TEST_DIR = /(^|\/)(__tests__|tests?|specs?|e2e)\/.*\.[cm]?[jt]sx?$/;

/** Classify a path: a test module, a helper in a test folder, or not a test file. */
export function testPathKind(path: string): "named" | "helper" | undefined {
  const lang = languageOf(path);
  if (lang === "python") {
    if (path.endsWith(".ipynb")) return undefined;
    if (PY_NAMED.test(path)) return "named";
    if (/(^|\/)conftest\.py$/.test(path) || PY_IN_TEST_DIR.test(path)) return "helper";
  } else if (lang === "javascript") {
    if (JS_NAMED.test(path)) return "named";
    if (/(^|\/)__tests__\//.test(path)) return "named";
    if (JS_IN_TEST_DIR.test(path)) return "helper";
  }
  return undefined;
}

const cache = new WeakMap<RepoView, TestInventory>();

function emptyTotals(): { files: number; read: number; tests: number; real: number; unread: number; empty: number } {
  return { files: 0, read: 0, tests: 0, real: 0, unread: 0, empty: 0 };
}

/** The project's test files and what they hold (memoised per view). */
export function testInventory(repo: RepoView): TestInventory {
  const hit = cache.get(repo);
  if (hit) return hit;
  const files: TestFile[] = [];
  const totals = { python: emptyTotals(), javascript: emptyTotals() };
  const listed = repo.files;
  for (let i = 0; i < listed.length; i++) {
    const f = listed[i] as RepoFile; // indexed: see RepoView.files
    if (f.mode !== "file" && f.mode !== "executable") continue;
    // Every test path names "test", "spec" or "e2e" (conftest included): skip the rest cheaply.
    if (!/test|spec|e2e/.test(f.path) || !isOwnCode(f)) continue;
    const kind = testPathKind(f.path);
    if (!kind) continue;
    const language = languageOf(f.path) as Language;
    const text = repo.text(f.path);
    const python =
      text !== undefined && language === "python" ? analysePythonTests(text, pythonTokens(repo, text)) : undefined;
    const js = text !== undefined && language === "javascript" ? analyseJsTests(text, f.path) : undefined;
    const tests = python?.functions.length ?? js?.tests ?? 0;
    // A helper in a test folder that defines tests is a test module all the same (mocha's test/*.js).
    const named = kind === "named" || tests > 0;
    // Django's `tests.py` and a root `test.py` are often scripts: only their content makes them tests.
    if (/(^|\/)tests?\.py$/.test(f.path) && text !== undefined && tests === 0) continue;
    if (!named) {
      files.push({ path: f.path, language, named, ...(python ? { python } : {}), ...(js ? { js } : {}) });
      continue;
    }
    const t = totals[language];
    t.files++;
    if (text === undefined) t.unread++;
    else {
      t.read++;
      t.tests += tests;
      const real = python ? python.functions.filter((fn) => !fn.trivial).length : js && !js.trivial ? js.tests : 0;
      t.real += real;
      if (tests === 0) t.empty++;
    }
    files.push({ path: f.path, language, named, ...(python ? { python } : {}), ...(js ? { js } : {}) });
  }
  const inventory = { files, totals };
  cache.set(repo, inventory);
  return inventory;
}
