/**
 * JavaScript/TypeScript source read through a real parser (@babel/parser 7): imports, calls and
 * exported symbols with their doc comments. Strings, comments and templates never count as code.
 */
import { type ParserPlugin, parse } from "@babel/parser";
import type * as t from "@babel/types";
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode, isTestPath, JS_SOURCE_READ, languageOf } from "./languages.js";

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

/** What kind of thing an exported symbol is. */
export type JsExportKind = "function" | "class" | "method" | "variable" | "type";

/**
 * A symbol exported by the module (ESM or CommonJS). Methods are the public ones of exported
 * classes (not `#private`, `private`, `protected`, `_underscored`, constructors or `override`s):
 * they are part of the API a reader calls, as TSDoc and API Extractor treat them.
 */
export interface JsExport {
  readonly name: string;
  readonly kind: JsExportKind;
  readonly line: number;
  /** A `/** ... *\/` doc comment (JSDoc/TSDoc) right before the declaration or its export. */
  readonly documented: boolean;
}

/** A parsed JS/TS file. A syntax error is reported in `error`; what was read before it is kept. */
export interface JsSource {
  readonly imports: readonly JsImport[];
  readonly calls: readonly JsCall[];
  readonly exported: readonly JsExport[];
  readonly error?: { readonly message: string; readonly line: number };
}

type Node = t.Node;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

function errorOf(e: unknown): { message: string; line: number } {
  const err = e as { message?: string; loc?: { line?: number } };
  const message = String(err?.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
  return { message, line: err?.loc?.line ?? 1 };
}

function parseFile(text: string, path: string): { ast?: t.File; error?: { message: string; line: number } } {
  let first: { message: string; line: number } | undefined;
  for (const plugins of pluginsFor(path)) {
    try {
      const ast = parse(text, {
        sourceType: "unambiguous",
        errorRecovery: true,
        attachComment: true,
        allowReturnOutsideFunction: true,
        allowImportExportEverywhere: true,
        allowAwaitOutsideFunction: true,
        allowUndeclaredExports: true,
        plugins,
      });
      const recovered = (ast as { errors?: unknown[] }).errors ?? [];
      return recovered.length > 0 ? { ast, error: errorOf(recovered[0]) } : { ast };
    } catch (e) {
      first ??= errorOf(e);
    }
  }
  return first ? { error: first } : {};
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

const lineOf = (node: Node | null | undefined): number => node?.loc?.start.line ?? 1;

function staticString(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === "StringLiteral") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The dotted name of a callee as written, or undefined for computed or call-result callees. */
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

const FILE_TAGS = /@(license|preserve|file|fileoverview|module|packageDocumentation)\b/;

/** True when the nearest block comment before the node is a `/** ... *\/` doc comment with content. */
function hasDocComment(...nodes: (Node | null | undefined)[]): boolean {
  for (const node of nodes) {
    const comments = node?.leadingComments ?? [];
    for (let i = comments.length - 1; i >= 0; i--) {
      const c = comments[i] as t.Comment;
      // Line comments (`// eslint-disable-next-line`) may sit between the doc block and the code.
      if (c.type === "CommentLine") continue;
      if (c.value.startsWith("*") && /[^*\s]/.test(c.value) && !FILE_TAGS.test(c.value)) return true;
      break;
    }
  }
  return false;
}

interface Declared {
  readonly kind: JsExportKind;
  readonly node: Node;
  /** The statement whose leading comments document it (a `const` statement, not its declarator). */
  readonly statement: Node;
}

function kindOfValue(init: Node | null | undefined): JsExportKind {
  if (!init) return "variable";
  if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression") return "function";
  if (init.type === "ClassExpression") return "class";
  if (init.type === "TSAsExpression" || init.type === "TSSatisfiesExpression") return kindOfValue(init.expression);
  // Higher-order wrappers keep the function: `export const Button = forwardRef((props, ref) => ...)`.
  if (init.type === "CallExpression" && init.arguments.some((a) => a.type === "ArrowFunctionExpression")) {
    return "function";
  }
  return "variable";
}

/** Names declared by one statement, with what they are. */
function declarationsOf(statement: Node, node: Node | null | undefined): [string, Declared][] {
  if (!node) return [];
  switch (node.type) {
    case "FunctionDeclaration":
    case "TSDeclareFunction":
      return node.id ? [[node.id.name, { kind: "function", node, statement }]] : [];
    case "ClassDeclaration":
      return node.id ? [[node.id.name, { kind: "class", node, statement }]] : [];
    case "VariableDeclaration":
      return node.declarations.flatMap((d): [string, Declared][] =>
        d.id.type === "Identifier" ? [[d.id.name, { kind: kindOfValue(d.init), node: d, statement }]] : [],
      );
    case "TSInterfaceDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSEnumDeclaration":
      return [[node.id.name, { kind: "type", node, statement }]];
    default:
      return [];
  }
}

function classOf(node: Node): t.ClassDeclaration | t.ClassExpression | undefined {
  if (node.type === "ClassDeclaration" || node.type === "ClassExpression") return node;
  if (node.type === "VariableDeclarator" && node.init?.type === "ClassExpression") return node.init;
  return undefined;
}

/** The public methods of a class, as API members. */
function methodsOf(cls: t.ClassDeclaration | t.ClassExpression): JsExport[] {
  const out: JsExport[] = [];
  for (const m of cls.body.body) {
    if (m.type !== "ClassMethod" && m.type !== "TSDeclareMethod" && m.type !== "ClassProperty") continue;
    if (m.type === "ClassProperty" && kindOfValue(m.value) !== "function") continue;
    if (m.computed || m.key.type !== "Identifier") continue;
    const name = m.key.name;
    const kind = "kind" in m ? m.kind : "method";
    if (kind === "constructor" || name.startsWith("_") || m.override) continue;
    if (m.accessibility === "private" || m.accessibility === "protected") continue;
    out.push({ name, kind: "method", line: lineOf(m.key), documented: hasDocComment(m) });
  }
  return out;
}

/** Reads one file. Never throws: a syntax error becomes `error` with its line. */
export function analyseJs(text: string, path: string): JsSource {
  const { ast, error } = parseFile(text, path);
  const imports: JsImport[] = [];
  const calls: JsCall[] = [];
  const exported = new Map<string, Mutable<JsExport>>();
  const result = (): JsSource => {
    const out = { imports, calls, exported: [...exported.values()] };
    return error ? { ...out, error } : out;
  };
  if (!ast) return result();

  const addExport = (name: string, d: Declared, at: Node, documented: boolean) => {
    const key = `${d.kind}:${name}`;
    const seen = exported.get(key);
    // TypeScript overloads repeat a function: one symbol, documented if any signature is.
    if (seen) seen.documented ||= documented;
    else exported.set(key, { name, kind: d.kind, line: lineOf(at), documented });
    const cls = classOf(d.node);
    if (cls)
      for (const m of methodsOf(cls)) exported.set(`method:${name}.${m.name}`, { ...m, name: `${name}.${m.name}` });
  };

  const top = new Map<string, Declared>();
  for (const s of ast.program.body) {
    const inner = s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration" ? s.declaration : s;
    for (const [name, d] of declarationsOf(s, inner as Node)) if (!top.has(name)) top.set(name, d);
  }
  const exportLocal = (local: string, as: string, at: Node, extraDoc: boolean) => {
    const d = top.get(local);
    if (d) addExport(as, d, at, extraDoc || hasDocComment(d.statement, d.node));
  };

  for (const s of ast.program.body) {
    if (s.type === "ExportNamedDeclaration" && s.declaration) {
      for (const [name, d] of declarationsOf(s, s.declaration)) {
        addExport(name, d, "id" in d.node && d.node.id ? d.node.id : d.node, hasDocComment(s, d.node));
      }
    } else if (s.type === "ExportNamedDeclaration" && !s.source) {
      for (const spec of s.specifiers) {
        if (spec.type !== "ExportSpecifier") continue;
        const as = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
        exportLocal(spec.local.name, as, spec, hasDocComment(s));
      }
    } else if (s.type === "ExportDefaultDeclaration") {
      const decl = s.declaration as Node;
      const named = declarationsOf(s, decl);
      if (named.length > 0) for (const [name, d] of named) addExport(name, d, decl, hasDocComment(s, decl));
      else if (decl.type === "Identifier") exportLocal(decl.name, decl.name, s, hasDocComment(s));
      else addExport("default", { kind: kindOfValue(decl), node: decl, statement: s }, s, hasDocComment(s, decl));
    } else if (s.type === "ExpressionStatement" && s.expression.type === "AssignmentExpression") {
      commonJsExport(s, s.expression, addExport, exportLocal);
    }
  }

  for (const node of walk(ast.program)) {
    if (node.type === "ImportDeclaration") {
      const typeOnly = node.importKind === "type" || node.importKind === "typeof";
      imports.push({ module: node.source.value, line: lineOf(node), ...(typeOnly ? { typeOnly } : {}) });
    } else if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) {
      const typeOnly = node.exportKind === "type";
      imports.push({ module: node.source.value, line: lineOf(node), ...(typeOnly ? { typeOnly } : {}) });
    } else if (node.type === "TSImportEqualsDeclaration" && node.moduleReference.type === "TSExternalModuleReference") {
      imports.push({ module: node.moduleReference.expression.value, line: lineOf(node) });
    } else if (
      node.type === "CallExpression" ||
      node.type === "OptionalCallExpression" ||
      node.type === "NewExpression"
    ) {
      const callee = calleeName(node.callee);
      if (callee === undefined) continue;
      if (node.type !== "NewExpression") calls.push({ callee, line: lineOf(node) });
      const target = node.arguments[0];
      const module = callee === "require" || callee === "import" ? staticString(target as Node) : undefined;
      if (module !== undefined) imports.push({ module, line: lineOf(node) });
    }
  }
  return result();
}

type AddExport = (name: string, d: Declared, at: Node, documented: boolean) => void;
type ExportLocal = (local: string, as: string, at: Node, extraDoc: boolean) => void;

/** `module.exports = ...`, `module.exports.x = ...`, `exports.x = ...` at the top level. */
function commonJsExport(s: Node, a: t.AssignmentExpression, addExport: AddExport, exportLocal: ExportLocal): void {
  const target = a.left.type === "MemberExpression" ? calleeName(a.left) : undefined;
  if (target === undefined) return;
  const doc = hasDocComment(s);
  const value = a.right;
  if (target === "module.exports") {
    if (value.type === "ObjectExpression") {
      for (const p of value.properties) {
        if (p.type === "ObjectProperty" && p.key.type === "Identifier" && p.value.type === "Identifier") {
          exportLocal(p.value.name, p.key.name, p, hasDocComment(p));
        } else if (p.type === "ObjectMethod" && p.key.type === "Identifier") {
          addExport(p.key.name, { kind: "function", node: p, statement: p }, p, hasDocComment(p));
        }
      }
    } else if (value.type === "Identifier") exportLocal(value.name, value.name, s, doc);
    else addExport("default", { kind: kindOfValue(value), node: value, statement: s }, s, doc);
    return;
  }
  const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (!m?.[1]) return;
  if (value.type === "Identifier") exportLocal(value.name, m[1], s, doc);
  else addExport(m[1], { kind: kindOfValue(value), node: value, statement: s }, s, doc);
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
  const head = text.slice(0, 2000);
  if (/@generated\b|auto-generated|automatically generated|DO NOT EDIT/i.test(head)) return true;
  if (text.length < 5000) return false;
  const lines = text.split("\n", 2000).length;
  return text.length / lines > 300;
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

/**
 * Where any of these packages (e.g. ["pino", "winston"]) is imported at run time in the project's
 * own code; test files only with `{ tests: true }`, type-only imports never.
 */
export function jsImportsModule(
  repo: RepoView,
  names: readonly string[],
  opts?: { readonly tests?: boolean },
): { path: string; line: number; module: string }[] {
  const out: { path: string; line: number; module: string }[] = [];
  for (const f of jsSources(repo)) {
    if (f.test && !opts?.tests) continue;
    for (const i of f.source.imports) {
      if (!i.typeOnly && names.some((n) => isModule(i.module, n)))
        out.push({ path: f.path, line: i.line, module: i.module });
    }
  }
  return out;
}
