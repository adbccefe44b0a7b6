/**
 * JavaScript/TypeScript source read through a real parser (@babel/parser 7): imports, calls and
 * exported symbols with their doc comments. Strings, comments and templates never count as code.
 */
import { type ParserPlugin, parse } from "@babel/parser";
import type * as t from "@babel/types";
import type { RepoView } from "../../src/engine/check.js";
import { exportsOf, type JsExport } from "./javascript-exports.js";
import { isOwnCode, isTestPath, JS_SOURCE_READ, languageOf } from "./languages.js";

export type { JsExport, JsExportKind } from "./javascript-exports.js";

/** A module a file loads: `import`, `export ... from`, `require("x")`, `import("x")`, `import x = require("x")`. */
export interface JsImport {
  readonly module: string;
  readonly line: number;
  /** `import type` / `export type ... from`: erased at run time. */
  readonly typeOnly?: boolean;
}

/** A call whose callee is a (dotted) name as written: "console.log", "this.logger.info", "express". */
export interface JsCall {
  readonly callee: string;
  readonly line: number;
}

/** A syntax error: the parser's message and the 1-based line. */
export interface JsError {
  readonly message: string;
  readonly line: number;
}

/** A parsed JS/TS file. On a syntax error, `error` says where, and what precedes it is still read. */
export interface JsSource {
  readonly imports: readonly JsImport[];
  readonly calls: readonly JsCall[];
  readonly exported: readonly JsExport[];
  readonly error?: JsError;
}

type Node = t.Node;

function pluginsFor(path: string): ParserPlugin[][] {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  // JSX and TypeScript's `<T>value` casts cannot share a parser, so .ts files get no JSX.
  if (ext === "ts" || ext === "mts" || ext === "cts") return [["typescript", "decorators-legacy"]];
  if (ext === "tsx") return [["typescript", "jsx", "decorators-legacy"]];
  // Plain .js may still carry Flow or TypeScript syntax: try JSX first, then the others.
  return [
    ["jsx", "decorators-legacy"],
    ["flow", "jsx", "decorators-legacy"],
    ["typescript", "jsx", "decorators-legacy"],
  ];
}

function errorOf(e: unknown): JsError {
  const err = e as { message?: string; loc?: { line?: number } } | undefined;
  const message = String(err?.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
  return { message, line: err?.loc?.line ?? 1 };
}

function tryParse(text: string, plugins: ParserPlugin[]): t.File {
  return parse(text, {
    sourceType: "unambiguous",
    errorRecovery: true,
    attachComment: true,
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowAwaitOutsideFunction: true,
    allowUndeclaredExports: true,
    plugins,
  });
}

function parseFile(text: string, path: string): { ast?: t.File; error?: JsError } {
  const attempts = pluginsFor(path);
  let first: JsError | undefined;
  for (const plugins of attempts) {
    try {
      const ast = tryParse(text, plugins);
      const recovered = (ast as { errors?: unknown[] }).errors ?? [];
      return recovered.length > 0 ? { ast, error: errorOf(recovered[0]) } : { ast };
    } catch (e) {
      first ??= errorOf(e);
    }
  }
  const error = first ?? { message: "unparsable", line: 1 };
  // A fatal error loses the whole AST: read the lines before it, so imports above a typo still count.
  const before = text
    .split("\n", error.line)
    .slice(0, error.line - 1)
    .join("\n");
  try {
    return { ast: tryParse(before, attempts[0] ?? []), error };
  } catch {
    return { error };
  }
}

const SKIP_KEYS = new Set(["loc", "start", "end", "extra", "leadingComments", "trailingComments", "innerComments"]);

/** Every node under `root`, depth first, without recursion (deep ASTs must not overflow the stack). */
function* walk(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    yield node;
    for (const key of Object.keys(node)) {
      if (SKIP_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i];
          if (child && typeof child.type === "string") stack.push(child);
        }
      } else if (value && typeof (value as Node).type === "string") stack.push(value as Node);
    }
  }
}

const lineOf = (node: Node): number => node.loc?.start.line ?? 1;

function staticString(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === "StringLiteral") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The dotted name of a callee as written ("this.logger.info"), or undefined for computed or call-result callees. */
export function calleeName(node: Node): string | undefined {
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "ThisExpression":
      return "this";
    case "Super":
      return "super";
    case "Import":
      return "import";
    case "MetaProperty":
      return `${node.meta.name}.${node.property.name}`;
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const object = calleeName(node.object);
      if (object === undefined) return undefined;
      const property = node.computed ? staticString(node.property) : (node.property as t.Identifier).name;
      return property === undefined ? undefined : `${object}.${property}`;
    }
    case "TSNonNullExpression":
    case "TSAsExpression":
    case "ParenthesizedExpression":
      return calleeName(node.expression);
    default:
      return undefined;
  }
}

/** Reads one file (the path picks the syntax: TS, TSX, JS with JSX). Never throws. */
export function analyseJs(text: string, path: string): JsSource {
  const { ast, error } = parseFile(text, path);
  const imports: JsImport[] = [];
  const calls: JsCall[] = [];
  const exported = ast ? exportsOf(ast.program) : [];
  const importOf = (module: string, node: Node, typeOnly: boolean) => {
    imports.push(typeOnly ? { module, line: lineOf(node), typeOnly } : { module, line: lineOf(node) });
  };
  for (const node of ast ? walk(ast.program) : []) {
    if (node.type === "ImportDeclaration") {
      importOf(node.source.value, node, node.importKind === "type" || node.importKind === "typeof");
    } else if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) {
      importOf(node.source.value, node, node.exportKind === "type");
    } else if (node.type === "TSImportEqualsDeclaration" && node.moduleReference.type === "TSExternalModuleReference") {
      importOf(node.moduleReference.expression.value, node, node.importKind === "type");
    } else if (node.type === "CallExpression" || node.type === "OptionalCallExpression") {
      const callee = calleeName(node.callee);
      if (callee === undefined) continue;
      calls.push({ callee, line: lineOf(node) });
      const module = callee === "require" || callee === "import" ? staticString(node.arguments[0] as Node) : undefined;
      if (module !== undefined) importOf(module, node, false);
    }
  }
  return error ? { imports, calls, exported, error } : { imports, calls, exported };
}

/** One JS/TS file of the project, parsed. */
export interface JsFile {
  readonly path: string;
  readonly source: JsSource;
  /** A test file (Jest/Vitest/Mocha conventions, `__tests__/`, `test/`). */
  readonly test: boolean;
}

/** Bundles and generated files (minified lines, `@generated` markers) are not the project's code. */
function isGenerated(text: string): boolean {
  if (/@generated\b|auto-generated|automatically generated|DO NOT EDIT/i.test(text.slice(0, 2000))) return true;
  if (text.length < 5000) return false;
  return text.length / text.split("\n", 2000).length > 300;
}

const sourcesCache = new WeakMap<RepoView, readonly JsFile[]>();

/**
 * The project's own JS/TS files read with `JS_SOURCE_READ` (memoised per view), parsed.
 * Vendored paths, declaration files and generated bundles are left out.
 * A check that calls it must list `JS_SOURCE_READ` in its `reads`.
 */
export function jsSources(repo: RepoView): readonly JsFile[] {
  const hit = sourcesCache.get(repo);
  if (hit) return hit;
  const out: JsFile[] = [];
  for (const f of repo.read(JS_SOURCE_READ.globs)) {
    if (!isOwnCode(f.path) || languageOf(f.path) !== "javascript" || isGenerated(f.text)) continue;
    out.push({ path: f.path, source: analyseJs(f.text, f.path), test: isTestPath(f.path) });
  }
  sourcesCache.set(repo, out);
  return out;
}

/** True when `module` is the package `name` or one of its subpaths ("@sentry/node/x", "node:fs"). */
function isModule(module: string, name: string): boolean {
  const m = module.startsWith("node:") ? module.slice(5) : module;
  return m === name || m.startsWith(`${name}/`);
}

/** An import of one of the packages asked for, in the project's own code. */
export interface JsImportSite {
  readonly path: string;
  readonly line: number;
  readonly module: string;
}

/**
 * Where any of these packages (e.g. ["pino", "winston"]) is loaded at run time in the project's
 * own code; test files only with `{ tests: true }`; type-only imports never count.
 */
export function jsImportsModule(
  repo: RepoView,
  names: readonly string[],
  opts?: { readonly tests?: boolean },
): JsImportSite[] {
  const out: JsImportSite[] = [];
  for (const f of jsSources(repo)) {
    if (f.test && !opts?.tests) continue;
    for (const i of f.source.imports) {
      if (!i.typeOnly && names.some((n) => isModule(i.module, n))) {
        out.push({ path: f.path, line: i.line, module: i.module });
      }
    }
  }
  return out;
}
