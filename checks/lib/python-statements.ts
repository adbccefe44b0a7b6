/**
 * Reading single statements from tokens: where a compound header ends, `;`-separated parts,
 * docstrings, imports, annotations and the main guard. Helpers of `python-analyse.ts`.
 */
import type { PythonImport } from "./python-analyse.js";
import type { Token } from "./python-tokenize.js";

/** Python's hard keywords: never a name, never a callee. */
export const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** This token is the operator `text`. */
export const isOp = (t: Token | undefined, text: string): boolean => t?.kind === "op" && t.text === text;
/** This token is the name (or keyword) `text`. */
export const isName = (t: Token | undefined, text: string): boolean => t?.kind === "name" && t.text === text;

/** The first `:` outside brackets: where a compound statement's header ends. */
export function headerColon(tokens: readonly Token[]): number {
  let nest = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "op") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") nest++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") nest = Math.max(0, nest - 1);
    else if (t.text === ":" && nest === 0) return i;
  }
  return -1;
}

/** Where a `case` header's guard (`if ...`) starts, or its end when it has none. */
export function guardStart(tokens: readonly Token[], s: number, e: number): number {
  let nest = 0;
  for (let i = s; i < e; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "op" && (t.text === "(" || t.text === "[" || t.text === "{")) nest++;
    else if (t.kind === "op" && (t.text === ")" || t.text === "]" || t.text === "}")) nest--;
    else if (nest === 0 && isName(t, "if")) return i;
  }
  return e;
}

/** Ranges of the `;`-separated simple statements from `start` to the end of the line. */
export function simpleStatements(tokens: readonly Token[], start: number): [number, number][] {
  const out: [number, number][] = [];
  let nest = 0;
  let s = start;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "op") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") nest++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") nest = Math.max(0, nest - 1);
    else if (t.text === ";" && nest === 0) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  if (tokens.length > s) out.push([s, tokens.length]);
  return out;
}

/** A statement made only of plain string literals (implicit concatenation allowed). */
export function isDocstring(tokens: readonly Token[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if ((tokens[i] as Token).kind !== "string") return false;
  const first = tokens[s] as Token;
  return e > s && !/^[rR]?[bB]/.test(first.text);
}

/** `a.b.c` starting at `s`, or "" when no name is there. */
export function dotted(tokens: readonly Token[], s: number, e: number): string {
  const first = tokens[s];
  if (first?.kind !== "name" || KEYWORDS.has(first.text) || s >= e) return "";
  let out = (tokens[s] as Token).text;
  let i = s;
  while (i + 2 < e && isOp(tokens[i + 1], ".") && tokens[i + 2]?.kind === "name") {
    i += 2;
    out += `.${(tokens[i] as Token).text}`;
  }
  return out;
}

/** `import a.b as c, d` or `from ..x import (a as b, c)`. */
export function readImport(tokens: readonly Token[], s: number, e: number, out: PythonImport[]): void {
  const line = (tokens[s] as Token).line;
  if ((tokens[s] as Token).text === "import") {
    let i = s + 1;
    while (i < e) {
      const module = dotted(tokens, i, e);
      if (!module) break;
      i += module.split(".").length * 2 - 1;
      let bound = module.split(".")[0] as string;
      if (isName(tokens[i], "as") && tokens[i + 1]?.kind === "name") {
        bound = (tokens[i + 1] as Token).text;
        i += 2;
      }
      out.push({ module, names: [], bound: [bound], line });
      if (!isOp(tokens[i], ",")) break;
      i++;
    }
    return;
  }
  let i = s + 1;
  let module = "";
  while (i < e && (isOp(tokens[i], ".") || isOp(tokens[i], "..."))) module += (tokens[i++] as Token).text;
  const path = dotted(tokens, i, e);
  if (path) i += path.split(".").length * 2 - 1;
  module += path;
  if (!module || !isName(tokens[i], "import")) return;
  const names: string[] = [];
  const bound: string[] = [];
  for (i++; i < e; i++) {
    const t = tokens[i] as Token;
    if (isOp(t, "*")) names.push("*");
    else if (t.kind === "name" && t.text !== "as" && !isName(tokens[i - 1], "as")) {
      names.push(t.text);
      const alias = isName(tokens[i + 1], "as") ? tokens[i + 2] : undefined;
      bound.push(alias?.kind === "name" ? alias.text : t.text);
    }
  }
  out.push({ module, names, bound, line });
}

/** A parameter annotation (`x: int`, outside lambdas and nested brackets) or a `->` return annotation. */
export function isAnnotated(tokens: readonly Token[], s: number, e: number): boolean {
  let nest = 0;
  let inLambda = false;
  for (let i = s; i < e; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "name" && t.text === "lambda" && nest === 1) inLambda = true;
    if (t.kind !== "op") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") nest++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") nest--;
    else if (t.text === "," && nest === 1) inLambda = false;
    else if (t.text === ":" && nest === 1 && !inLambda) return true;
    else if (t.text === "->" && nest === 0) return true;
  }
  return false;
}

/** `if __name__ == "__main__"` (either side, either quote). */
export function isMainGuard(tokens: readonly Token[], s: number, e: number): boolean {
  let name = false;
  let main = false;
  for (let i = s; i < e; i++) {
    const t = tokens[i] as Token;
    if (isName(t, "__name__")) name = true;
    else if (t.kind === "string" && /^['"]__main__['"]$/.test(t.text)) main = true;
  }
  return name && main;
}

/** After a statement-initial `print`, what makes it a Python 2 print statement. */
export function isPython2PrintArgument(t: Token): boolean {
  if (t.kind === "string" || t.kind === "fstring" || t.kind === "number") return true;
  if (t.kind === "name") return !KEYWORDS.has(t.text) || t.text === "not" || t.text === "None";
  return t.text === ">>";
}
