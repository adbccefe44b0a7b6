/**
 * Jest and Vitest configuration, read without running it: `jest.config.*`, `vitest.config.*`,
 * `vite.config.*` (its `test` key) and package.json's `jest` key. Config files that are code are
 * parsed with @babel/parser and the exported object literal is evaluated statically; what is not
 * a literal (a variable, a call) is kept as a present key with an unknown value.
 */
import { type ParserPlugin, parse } from "@babel/parser";
import type * as t from "@babel/types";
import type { RepoView } from "../../src/engine/check.js";
import { parseJson } from "./parse.js";
import { packageJsons } from "./project.js";

/** The JS test runners whose configuration can be looked up. */
export type JsTestTool = "jest" | "vitest";

/** A value that is present in the config but not a literal (a variable, a function call). */
export const DYNAMIC: unique symbol = Symbol("dynamic");

/** One place a JS test runner is configured. */
export interface JsToolConfig {
  readonly path: string;
  readonly line?: number;
  /** The config object (for vite.config.*, its `test` key); `DYNAMIC` where a value is not a literal. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Line of each key by dotted path ("coverage.thresholds.lines"). */
  readonly keyLines: Readonly<Record<string, number>>;
  /** The file parsed but no exported object literal was found (a factory, a re-export). */
  readonly opaque?: boolean;
}

interface Evaluated {
  value: unknown;
  lines: Record<string, number>;
}

function plugins(path: string): ParserPlugin[] {
  return /\.[cm]?ts$/.test(path) ? ["typescript"] : ["jsx"];
}

function keyName(key: t.Node): string | undefined {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  return undefined;
}

/** Static value of an expression: literals, arrays and objects; anything else is DYNAMIC. */
function evaluate(
  node: t.Node,
  scope: ReadonlyMap<string, t.Node>,
  prefix: string,
  lines: Record<string, number>,
  depth = 0,
): unknown {
  if (depth > 20) return DYNAMIC;
  switch (node.type) {
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "ParenthesizedExpression":
      return evaluate(node.expression, scope, prefix, lines, depth + 1);
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return node.value;
    case "NullLiteral":
      return null;
    case "TemplateLiteral":
      return node.expressions.length === 0 ? node.quasis.map((q) => q.value.cooked ?? "").join("") : DYNAMIC;
    case "UnaryExpression":
      if (node.operator === "-" && node.argument.type === "NumericLiteral") return -node.argument.value;
      return DYNAMIC;
    case "ArrayExpression":
      return node.elements.map((e) =>
        e && e.type !== "SpreadElement" ? evaluate(e, scope, prefix, {}, depth + 1) : DYNAMIC,
      );
    case "ObjectExpression": {
      const out: Record<string, unknown> = {};
      for (const prop of node.properties) {
        if (prop.type === "SpreadElement") {
          const spread = evaluate(prop.argument, scope, prefix, lines, depth + 1);
          if (spread && typeof spread === "object" && !Array.isArray(spread)) Object.assign(out, spread);
          continue;
        }
        const name = prop.computed ? undefined : keyName(prop.key);
        if (name === undefined) continue;
        const path = prefix ? `${prefix}.${name}` : name;
        if (prop.loc) lines[path] = prop.loc.start.line;
        out[name] =
          prop.type === "ObjectProperty" ? evaluate(prop.value as t.Node, scope, path, lines, depth + 1) : DYNAMIC; // a method
      }
      return out;
    }
    case "Identifier": {
      const bound = scope.get(node.name);
      return bound ? evaluate(bound, scope, prefix, lines, depth + 1) : DYNAMIC;
    }
    case "CallExpression": {
      // defineConfig({...}), mergeConfig(base, defineConfig({...})), defineConfig(() => ({...})):
      // merge the object arguments, later ones winning, as mergeConfig does.
      const merged: Record<string, unknown> = {};
      let any = false;
      for (const arg of node.arguments) {
        const v = evaluate(arg as t.Node, scope, prefix, lines, depth + 1);
        if (v && typeof v === "object" && !Array.isArray(v)) {
          Object.assign(merged, v);
          any = true;
        }
      }
      return any ? merged : DYNAMIC;
    }
    case "ArrowFunctionExpression":
    case "FunctionExpression": {
      if (node.body.type !== "BlockStatement") return evaluate(node.body, scope, prefix, lines, depth + 1);
      const ret = node.body.body.find((s): s is t.ReturnStatement => s.type === "ReturnStatement");
      return ret?.argument ? evaluate(ret.argument, scope, prefix, lines, depth + 1) : DYNAMIC;
    }
    default:
      return DYNAMIC;
  }
}

/** Evaluate the exported config of a JS/TS config file, or undefined when it is not a readable module. */
export function evaluateConfigModule(text: string, path: string): (Evaluated & { line?: number }) | undefined {
  let ast: t.File;
  try {
    ast = parse(text, { sourceType: "unambiguous", plugins: plugins(path), errorRecovery: true }) as t.File;
  } catch {
    return undefined;
  }
  const scope = new Map<string, t.Node>();
  let exported: t.Node | undefined;
  for (const stmt of ast.program.body) {
    const decl = stmt.type === "ExportNamedDeclaration" ? stmt.declaration : stmt;
    if (decl?.type === "VariableDeclaration")
      for (const d of decl.declarations) if (d.id.type === "Identifier" && d.init) scope.set(d.id.name, d.init);
    if (stmt.type === "ExportDefaultDeclaration") exported = stmt.declaration;
    if (
      stmt.type === "ExpressionStatement" &&
      stmt.expression.type === "AssignmentExpression" &&
      stmt.expression.left.type === "MemberExpression" &&
      stmt.expression.left.object.type === "Identifier" &&
      stmt.expression.left.object.name === "module" &&
      keyName(stmt.expression.left.property) === "exports"
    )
      exported = stmt.expression.right;
  }
  if (!exported) return { value: DYNAMIC, lines: {} };
  const lines: Record<string, number> = {};
  const value = evaluate(exported, scope, "", lines);
  return { value, lines, ...(exported.loc ? { line: exported.loc.start.line } : {}) };
}

const CONFIG_FILE: Record<JsTestTool, RegExp> = {
  jest: /(^|\/)jest\.config\.(js|ts|mjs|cjs|mts|cts|json)$/,
  vitest: /(^|\/)(vitest|vite)\.config\.(js|ts|mjs|cjs|mts|cts)$/,
};

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function sub(lines: Record<string, number>, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(lines)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}

/** Every place Jest or Vitest is configured (config files and package.json's `jest`), shallowest first. */
export function jsToolConfig(repo: RepoView, tool: JsTestTool): JsToolConfig[] {
  const out: JsToolConfig[] = [];
  if (tool === "jest")
    for (const pkg of packageJsons(repo)) {
      const jest = record(pkg.value.raw.jest);
      if (!jest) continue;
      const at = pkg.text.search(/"jest"\s*:/);
      const line = at === -1 ? undefined : pkg.text.slice(0, at).split("\n").length;
      out.push({ path: pkg.path, ...(line ? { line } : {}), settings: jest, keyLines: {} });
    }
  for (const file of repo.read("**/{jest,vitest,vite}.config.{js,ts,mjs,cjs,mts,cts,json}")) {
    if (!CONFIG_FILE[tool].test(file.path) || /(^|\/)node_modules\//.test(file.path)) continue;
    if (file.path.endsWith(".json")) {
      const parsed = parseJson(file.text);
      const value = parsed.ok ? record(parsed.value) : undefined;
      out.push(
        value
          ? { path: file.path, settings: value, keyLines: {} }
          : { path: file.path, settings: {}, keyLines: {}, opaque: true },
      );
      continue;
    }
    const evaluated = evaluateConfigModule(file.text, file.path);
    const value = record(evaluated?.value);
    const isVite = /(^|\/)vite\.config\./.test(file.path);
    if (isVite) {
      // A vite.config.* configures Vitest only through its `test` key.
      const test = record(value?.test);
      if (test && evaluated)
        out.push({
          path: file.path,
          line: evaluated.lines.test ?? 1,
          settings: test,
          keyLines: sub(evaluated.lines, "test"),
        });
      continue;
    }
    if (tool === "vitest") {
      const lines = evaluated?.lines ?? {};
      const test = record(value?.test);
      out.push({
        path: file.path,
        line: lines.test ?? evaluated?.line ?? 1,
        settings: test ?? {},
        keyLines: sub(lines, "test"),
        ...(value ? {} : { opaque: true }),
      });
    } else
      out.push({
        path: file.path,
        ...(evaluated?.line ? { line: evaluated.line } : {}),
        settings: value ?? {},
        keyLines: evaluated?.lines ?? {},
        ...(value ? {} : { opaque: true }),
      });
  }
  return out.sort((a, b) => a.path.split("/").length - b.path.split("/").length || (a.path < b.path ? -1 : 1));
}
