import { describe, expect, it } from "vitest";
import { analyseJs, jsImportsModule, jsSources } from "../../../checks/lib/javascript.js";
import { JS_SOURCE_READ } from "../../../checks/lib/languages.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";

const viewOf = (tree: Tree) => new RepoView(snapshotOf(tree, [{ reads: [JS_SOURCE_READ] }]));

const EXPRESS_SERVER = `import express from "express";
import type { Request, Response } from "express";
import pino from "pino";
const { z } = require("zod");
// import winston from "winston";
const note = "require('axios') in a string";
const tpl = \`import("lodash") \${note}\`;
/* require("left-pad") */

const logger = pino();

/** Builds the HTTP app that serves predictions. */
export function createApp() {
  const app = express();
  app.post("/predict", async (req: Request, res: Response) => {
    const model = await import("./model.js");
    logger.info({ path: req.path }, "predict");
    res.json(model.predict(req.body));
  });
  return app;
}

export async function start(port = 3000): Promise<void> {
  createApp().listen(port);
  console.log(\`listening on \${port}\`);
}
`;

const IMPORT_CASES: [string, string, string, string[]][] = [
  [
    "ESM, require and dynamic import; strings and comments ignored",
    "src/server.ts",
    EXPRESS_SERVER,
    ["express", "express", "pino", "zod", "./model.js"],
  ],
  [
    "export-from re-exports",
    "src/index.ts",
    'export * from "./a";\nexport { b } from "./b";\nexport type { C } from "./c";',
    ["./a", "./b", "./c"],
  ],
  ["TypeScript import-equals", "src/legacy.ts", 'import fs = require("fs");\nfs.readFileSync("x");', ["fs"]],
  ["template literal without substitutions", "src/x.js", "const m = require(`dotenv`);", ["dotenv"]],
  ["computed require is not an import", "src/x.js", "const name = 'a'; require(name); require(`./$" + "{name}`);", []],
  [
    "JSX in .js",
    "src/App.js",
    'import React from "react";\nexport default function App() { return <div className="app">{"import x from \'y\'"}</div>; }',
    ["react"],
  ],
  [
    "TSX with generics",
    "src/Table.tsx",
    'import { useState } from "react";\nexport function Table<T,>(p: { rows: T[] }) { const [s] = useState<T | null>(null); return <table />; }',
    ["react"],
  ],
  ["angle-bracket cast in .ts", "src/cast.ts", 'import { x } from "./x";\nconst y = <number>x;', ["./x"]],
  [
    "Flow annotations in .js",
    "src/flow.js",
    '// @flow\nimport type { Node } from "react";\nimport axios from "axios";\nfunction f(x: number): string { return String(x); }',
    ["react", "axios"],
  ],
  [
    "CommonJS .cjs",
    "scripts/build.cjs",
    'const path = require("node:path");\nmodule.exports = { root: path.resolve(".") };',
    ["node:path"],
  ],
];

const CALL_CASES: [string, string, string, string[]][] = [
  [
    "dotted callees as written",
    "src/a.ts",
    "console.log(1); this.logger.info('x'); a?.b?.(); obj['warn']('y');",
    ["console.log", "this.logger.info", "a.b", "obj.warn"],
  ],
  [
    "call results and computed members have no name",
    "src/a.ts",
    "f()(); a[b](); getLogger().info('x');",
    ["f", "getLogger"],
  ],
  [
    "calls in comments and strings are not calls",
    "src/a.js",
    "// console.log(1)\nconst s = 'console.error(2)';\n/* print() */",
    [],
  ],
];

describe("analyseJs", () => {
  it.each(IMPORT_CASES)("imports: %s", (_name, path, text, expected) => {
    const r = analyseJs(text, path);
    expect(r.error).toBeUndefined();
    expect(r.imports.map((i) => i.module)).toEqual(expected);
  });

  it.each(CALL_CASES)("calls: %s", (_name, path, text, expected) => {
    expect(analyseJs(text, path).calls.map((c) => c.callee)).toEqual(expected);
  });

  it("gives lines and marks type-only imports", () => {
    const r = analyseJs(EXPRESS_SERVER, "src/server.ts");
    expect(r.imports[0]).toEqual({ module: "express", line: 1 });
    expect(r.imports[1]).toEqual({ module: "express", line: 2, typeOnly: true });
    expect(r.imports.find((i) => i.module === "./model.js")?.line).toBe(16);
    expect(r.calls).toContainEqual({ callee: "logger.info", line: 17 });
  });

  it("never throws on a syntax error and keeps what precedes it", () => {
    const r = analyseJs('import express from "express";\nconst pino = require("pino");\nfunction (\n', "src/broken.js");
    expect(r.error).toMatchObject({ line: 3 });
    expect(r.imports.map((i) => i.module)).toEqual(["express", "pino"]);
  });

  it.each([
    ["binary noise", "\u0000\u0001\u0002PNG\u0000"],
    ["empty", ""],
    ["unterminated template", "const a = `abc"],
    ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("survives %s", (_name, text) => {
    expect(() => analyseJs(text, "src/x.js")).not.toThrow();
  });
});

const SERVICE_TS = `/**
 * @license MIT
 */
import { Injectable } from "@nestjs/common";

/** Scores a batch of rows with the loaded model. */
export function score(rows: number[][]): number[];
export function score(rows: number[][], threshold: number): number[];
export function score(rows: number[][], threshold?: number): number[] {
  return rows.map(() => threshold ?? 0);
}

export const normalise = (x: number[]) => x.map((v) => v / 255);

/**
 * Default settings.
 */
export const DEFAULTS = { batch: 32 };

export interface Prediction { label: string }

/** Wraps the model for the HTTP layer. */
@Injectable()
export class ModelService {
  constructor(private readonly path: string) {}

  /** Predicts one row. */
  predict(row: number[]): number { return row.length; }

  reload(): void {}

  private cache(): void {}
  protected hook(): void {}
  _internal(): void {}
  #secret(): void {}
}

function helper() {}
/** A documented helper exported under another name. */
function util() {}
export { helper, util as publicUtil };

export default function main() {}
`;

describe("exported symbols", () => {
  it("reads ESM exports, overloads once, public methods, and doc comments", () => {
    const r = analyseJs(SERVICE_TS, "src/service.ts");
    expect(r.error).toBeUndefined();
    expect(r.exported.map((e) => [e.name, e.kind, e.documented])).toEqual([
      ["score", "function", true],
      ["normalise", "function", false],
      ["DEFAULTS", "variable", true],
      ["Prediction", "type", false],
      ["ModelService", "class", true],
      ["ModelService.predict", "method", true],
      ["ModelService.reload", "method", false],
      ["helper", "function", false],
      ["publicUtil", "function", true],
      ["main", "function", false],
    ]);
    expect(r.exported.find((e) => e.name === "publicUtil")?.line).toBe(40);
  });

  it("does not take a file-level @license block for a symbol's doc", () => {
    const r = analyseJs("/** @license MIT */\nexport function f() {}", "src/f.ts");
    expect(r.exported).toEqual([{ name: "f", kind: "function", line: 2, documented: false }]);
  });

  it("accepts a directive line comment between the doc block and the code", () => {
    const r = analyseJs(
      "/** Parses. */\n// eslint-disable-next-line complexity\nexport function parse() {}",
      "src/p.ts",
    );
    expect(r.exported[0]?.documented).toBe(true);
  });

  it("does not count a plain block comment or an empty /** */", () => {
    const r = analyseJs("/* Parses. */\nexport function a() {}\n/** */\nexport function b() {}", "src/p.ts");
    expect(r.exported.map((e) => e.documented)).toEqual([false, false]);
  });

  it("reads CommonJS exports", () => {
    const text = `/** Loads a model. */
function load(path) { return path; }
function unload() {}
module.exports = { load, unload, /** Version. */ version: "1", run() {} };
/** Predicts. */
exports.predict = function (x) { return x; };
module.exports.Model = class Model {};
`;
    const r = analyseJs(text, "lib/index.js");
    expect(r.exported.map((e) => [e.name, e.kind, e.documented])).toEqual([
      ["load", "function", true],
      ["unload", "function", false],
      ["version", "variable", true],
      ["run", "function", false],
      ["predict", "function", true],
      ["Model", "class", false],
    ]);
  });

  it("treats React components wrapped in forwardRef/memo as functions", () => {
    const text =
      'import { forwardRef } from "react";\n/** A button. */\nexport const Button = forwardRef((p, ref) => <button ref={ref} />);';
    expect(analyseJs(text, "src/Button.jsx").exported).toEqual([
      { name: "Button", kind: "function", line: 3, documented: true },
    ]);
  });
});

describe("jsSources and jsImportsModule", () => {
  const bundle = `!function(e){${"var a=1;".repeat(2000)}}();`;
  const tree: Tree = {
    "package.json": '{ "name": "svc" }',
    "src/server.ts": EXPRESS_SERVER,
    "src/log.test.ts": 'import pino from "pino";\nimport { it } from "vitest";',
    "src/types.d.ts": 'import pino from "pino";',
    "node_modules/pino/index.js": 'module.exports = require("pino-std");',
    "public/bundle.js": bundle,
    "src/api.generated.ts": '// @generated by openapi\nimport pino from "pino";',
  };

  it("parses the project's own files only, marking tests", () => {
    const files = jsSources(viewOf(tree));
    expect(files.map((f) => [f.path, f.test])).toEqual([
      ["src/log.test.ts", true],
      ["src/server.ts", false],
    ]);
  });

  it("is memoised per view", () => {
    const view = viewOf(tree);
    expect(jsSources(view)).toBe(jsSources(view));
  });

  it("finds run-time imports of a package, not in tests unless asked", () => {
    const view = viewOf(tree);
    expect(jsImportsModule(view, ["pino", "winston"])).toEqual([{ path: "src/server.ts", line: 3, module: "pino" }]);
    expect(jsImportsModule(view, ["pino"], { tests: true }).map((s) => s.path)).toEqual([
      "src/log.test.ts",
      "src/server.ts",
    ]);
    expect(jsImportsModule(view, ["express"])).toHaveLength(1); // the type-only import does not count
    expect(jsImportsModule(view, ["expres"])).toEqual([]);
  });

  it("matches subpaths and node: builtins", () => {
    const view = viewOf({
      "src/a.js": 'require("@sentry/node/tracing");\nrequire("node:fs");\nrequire("@sentry/nodex");',
    });
    expect(jsImportsModule(view, ["@sentry/node", "fs"]).map((s) => s.module)).toEqual([
      "@sentry/node/tracing",
      "node:fs",
    ]);
  });

  it("parses a few hundred files", () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i++) many[`src/m${i}.ts`] = SERVICE_TS + EXPRESS_SERVER.replace(/export /g, "");
    // The shared read request caps how many are read; every file read is parsed.
    expect(jsSources(viewOf(many))).toHaveLength(JS_SOURCE_READ.maxFiles);
  }, 30_000);
});
