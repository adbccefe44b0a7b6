/**
 * The public API of a JS/TS module, read from its AST: exported functions, classes, values and
 * types (ESM and CommonJS), each with whether a JSDoc/TSDoc comment documents it.
 */
import type * as t from "@babel/types";

type Node = t.Node;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What kind of thing an exported symbol is. */
export type JsExportKind = "function" | "class" | "method" | "variable" | "type";

/**
 * A symbol exported by the module. Methods are the public ones of exported classes (not
 * `#private`, `private`, `protected`, `_underscored`, constructors or `override`s): they are part
 * of the API a reader calls, as TSDoc and API Extractor treat them. Named `Class.method`.
 */
export interface JsExport {
  readonly name: string;
  readonly kind: JsExportKind;
  readonly line: number;
  /** A `/** ... *\/` doc comment (JSDoc/TSDoc) right before the declaration or its export. */
  readonly documented: boolean;
}

const lineOf = (node: Node | null | undefined): number => node?.loc?.start.line ?? 1;

// File-level blocks (`/** @license MIT */` on top of the first export) document the file, not the symbol.
const FILE_TAGS = /@(license|preserve|file|fileoverview|module|packageDocumentation)\b/;

/** True when the nearest block comment before one of the nodes is a `/** ... *\/` doc comment with content. */
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

/** `module.exports.x` / `exports.x` / `module.exports` as a dotted path, else undefined. */
function commonJsTarget(node: Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier") return undefined;
  const object = commonJsTarget(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

/** The exported symbols of a parsed program, in source order. */
export function exportsOf(program: t.Program): JsExport[] {
  const exported = new Map<string, Mutable<JsExport>>();
  const add = (name: string, d: Declared, at: Node, documented: boolean) => {
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
  for (const s of program.body) {
    const inner = s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration" ? s.declaration : s;
    for (const [name, d] of declarationsOf(s, inner as Node)) if (!top.has(name)) top.set(name, d);
  }
  const idOf = (d: Declared): Node => ("id" in d.node && d.node.id ? d.node.id : d.node);
  // `export { a as b }` and `module.exports = { a }` point at a local declaration: its comment counts.
  const exportLocal = (local: string, as: string, doc: boolean) => {
    const d = top.get(local);
    if (d) add(as, d, idOf(d), doc || hasDocComment(d.statement, d.node));
  };
  const assign = (name: string, value: Node, statement: Node, doc: boolean) => {
    if (value.type === "Identifier") exportLocal(value.name, name === "default" ? value.name : name, doc);
    else add(name, { kind: kindOfValue(value), node: value, statement }, statement, doc);
  };

  for (const s of program.body) {
    if (s.type === "ExportNamedDeclaration" && s.declaration) {
      for (const [name, d] of declarationsOf(s, s.declaration)) add(name, d, idOf(d), hasDocComment(s, d.node));
    } else if (s.type === "ExportNamedDeclaration" && !s.source) {
      for (const spec of s.specifiers) {
        if (spec.type !== "ExportSpecifier") continue;
        const as = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
        exportLocal(spec.local.name, as, hasDocComment(s));
      }
    } else if (s.type === "ExportDefaultDeclaration") {
      const decl = s.declaration as Node;
      const named = declarationsOf(s, decl);
      if (named.length > 0) for (const [name, d] of named) add(name, d, idOf(d), hasDocComment(s, decl));
      else assign("default", decl, s, hasDocComment(s));
    } else if (s.type === "ExpressionStatement" && s.expression.type === "AssignmentExpression") {
      const target = commonJsTarget(s.expression.left);
      const value = s.expression.right;
      const named = target ? /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target)?.[1] : undefined;
      if (named) assign(named, value, s, hasDocComment(s));
      else if (target === "module.exports" && value.type === "ObjectExpression") {
        for (const p of value.properties) {
          if (p.type === "ObjectProperty" && p.key.type === "Identifier" && p.value.type === "Identifier") {
            exportLocal(p.value.name, p.key.name, hasDocComment(p));
          } else if (p.type === "ObjectMethod" && p.key.type === "Identifier") {
            add(p.key.name, { kind: "function", node: p, statement: p }, p, hasDocComment(p));
          } else if (p.type === "ObjectProperty" && p.key.type === "Identifier") {
            add(p.key.name, { kind: kindOfValue(p.value as Node), node: p, statement: p }, p, hasDocComment(p));
          }
        }
      } else if (target === "module.exports") assign("default", value, s, hasDocComment(s));
    }
  }
  return [...exported.values()];
}
