/**
 * What a JS/TS test file really tests: its `it(...)`/`test(...)` calls (read by the parser in
 * `checks/lib/javascript.ts`), whether they only assert literals, and whether the file is the
 * unmodified test that a framework template ships (create-react-app, Angular CLI, Vue CLI, NestJS).
 */
import { analyseJs } from "../lib/javascript.js";

/** The facts of one JS/TS test file. */
export interface JsTestFacts {
  /** Number of `it`/`test`/`specify` calls, `.each` and `.only` included, `.skip`/`.todo` not. */
  readonly tests: number;
  /** Every assertion compares literals (`expect(true).toBe(true)`), or the file is a template's test. */
  readonly trivial: boolean;
  /** The framework template whose stock test this is, if any. */
  readonly template?: string;
  readonly firstLine?: number;
}

const TEST_CALLS = new Set([
  "it",
  "test",
  "specify",
  "it.only",
  "test.only",
  "it.each",
  "test.each",
  "it.concurrent",
  "test.concurrent",
  "Deno.test",
]);

/** Stock tests of project generators: the project has not written a test of its own. */
const TEMPLATES: readonly [RegExp, string][] = [
  [/renders learn react link/, "create-react-app"],
  [/should create the app['"`]/, "Angular CLI"],
  [/renders props\.msg when passed/, "Vue CLI"],
  [/should return "Hello World!"/, "NestJS"],
];

const LITERAL = String.raw`(?:true|false|null|undefined|-?\d+(?:\.\d+)?|'[^'\n]*'|"[^"\n]*")`;
const LITERAL_EXPECT = new RegExp(
  String.raw`expect\(\s*${LITERAL}\s*\)\s*(?:\.\s*not\s*)?\.\s*to\w*\(\s*${LITERAL}?\s*\)`,
  "g",
);

/** Analyse one JS/TS test file. Never throws. */
export function analyseJsTests(text: string, path: string): JsTestFacts {
  const source = analyseJs(text, path);
  let testCalls = source.calls.filter((c) => TEST_CALLS.has(c.callee));
  if (source.error && testCalls.length === 0) {
    // The parser gave up (a syntax error, JSX in a .ts file): count the test calls by their shape.
    testCalls = [...text.matchAll(/(?<![\w.])(?:it|test)(?:\.only|\.each\([^)]*\))?\s*\(\s*['"`]/g)].map((m) => ({
      callee: "it",
      line: text.slice(0, m.index ?? 0).split("\n").length,
    }));
  }
  const expects = source.calls.filter((c) => c.callee === "expect" || c.callee.startsWith("assert")).length;
  const literal = text.match(LITERAL_EXPECT)?.length ?? 0;
  // A stock test is a short file of a test or three; a longer file that quotes one is the project's own.
  const stock = text.length < 2000 && testCalls.length <= 3;
  const template = stock ? TEMPLATES.find(([re]) => re.test(text))?.[1] : undefined;
  const trivial = template !== undefined || (testCalls.length > 0 && expects > 0 && literal >= expects);
  return {
    tests: testCalls.length,
    trivial,
    ...(template ? { template } : {}),
    ...(testCalls[0] ? { firstLine: testCalls[0].line } : {}),
  };
}
