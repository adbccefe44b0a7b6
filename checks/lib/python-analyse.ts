/**
 * Facts of one Python file from its tokens: imports, calls, decorators, definitions with their
 * docstrings, and what runs at import time. Nesting comes from indentation (a stack of open
 * blocks), so a file with a syntax error still yields the facts around it.
 */
import {
  dotted,
  guardStart,
  headerColon,
  isAnnotated,
  isDocstring,
  isMainGuard,
  isName,
  isOp,
  isPython2PrintArgument,
  KEYWORDS,
  readImport,
  simpleStatements,
} from "./python-statements.js";
import { type LogicalLine, type Token, type Tokenized, tokenizePython } from "./python-tokenize.js";

/** One imported module (relative imports keep their dots) and the names taken from it. */
export interface PythonImport {
  readonly module: string;
  /** `from m import a, b` -> ["a", "b"] (original names; "*" for a star import); [] for `import m`. */
  readonly names: readonly string[];
  /** Names the statement binds in the namespace: `import a.b` -> ["a"], `import a as c` -> ["c"]. */
  readonly bound: readonly string[];
  readonly line: number;
}

/** A call as written: dotted callee ("logging.getLogger") and its 1-based line. */
export interface PythonCall {
  readonly callee: string;
  readonly line: number;
}

/** A decorator's dotted name ("app.post", "pytest.fixture"), arguments left out. */
export interface PythonDecorator {
  readonly name: string;
  readonly line: number;
}

/** A def or class statement. */
export interface PythonDefinition {
  readonly kind: "function" | "class";
  readonly name: string;
  readonly line: number;
  /** 0 at module level, +1 per enclosing def or class. */
  readonly depth: number;
  /**
   * Part of the public API, the part that wants a docstring: the name has no leading underscore
   * (so dunders such as `__init__` are excluded: the class docstring covers them), it is not
   * nested in a function or in an `if __name__ == "__main__"` block, every enclosing class is
   * public, and it is not an `@overload` stub or a property `.setter`/`.deleter`.
   */
  readonly public: boolean;
  /** The first statement of the body is a plain string literal (not an f-string). */
  readonly docstring: boolean;
  /** A function with a parameter or return annotation (always false for classes). */
  readonly annotated: boolean;
}

/** What one Python file contains, outside strings and comments. */
export interface PythonSource {
  readonly imports: readonly PythonImport[];
  /** Every call whose callee is a dotted name; Python 2 `print x` statements count as `print`. */
  readonly calls: readonly PythonCall[];
  readonly decorators: readonly PythonDecorator[];
  readonly definitions: readonly PythonDefinition[];
  readonly moduleDocstring: boolean;
  /** Identifiers seen in code, keywords excluded (f-string replacement fields included). */
  readonly names: ReadonlySet<string>;
  /** Calls run at import time: outside def/class (headers and decorators included) and the main guard. */
  readonly topLevelCalls: readonly PythonCall[];
  /** An `if __name__ == "__main__":` block at module level. */
  readonly hasMainGuard: boolean;
  /** Lines holding code: not blank, not only a comment, not a docstring. */
  readonly codeLines: number;
  /** The first problem met (an unterminated string...); the facts around it are still reported. */
  readonly error?: { readonly message: string; readonly line: number };
}

const COMPOUND = new Set(["if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class"]);

/** The scope a statement runs in, derived once per open block. */
interface Scope {
  readonly indent: number;
  readonly depth: number;
  readonly publicScope: boolean;
  readonly topLevel: boolean;
  /** The definition whose body this is, waiting for its first statement (docstring). */
  readonly owner?: MutableDefinition;
}

type MutableDefinition = { -readonly [K in keyof PythonDefinition]: PythonDefinition[K] };

const MODULE: Scope = { indent: -1, depth: 0, publicScope: true, topLevel: true };

/** Analyse one Python file's text (its tokens may be passed when already made). Never throws. */
export function analysePython(text: string, tokenized: Tokenized = tokenizePython(text)): PythonSource {
  const imports: PythonImport[] = [];
  const calls: PythonCall[] = [];
  const decorators: PythonDecorator[] = [];
  const definitions: MutableDefinition[] = [];
  const topLevelCalls: PythonCall[] = [];
  const names = new Set<string>();
  const stack: Scope[] = [];
  let pendingDecorators: string[] = [];
  let firstStatement = true;
  let moduleDocstring = false;
  let hasMainGuard = false;
  let codeLines = 0;
  let lastCounted = 0;
  // Definitions whose body's first statement has been seen (their docstring is decided).
  const ownerSeen = new WeakSet<MutableDefinition>();

  const countLines = (tokens: readonly Token[], s: number, e: number): void => {
    for (let i = s; i < e; i++) {
      const t = tokens[i] as Token;
      const from = Math.max(t.line, lastCounted + 1);
      if (t.endLine >= from) {
        codeLines += t.endLine - from + 1;
        lastCounted = t.endLine;
      }
    }
  };

  /** One simple statement, or a compound statement's header, in `scope`. */
  const statement = (tokens: readonly Token[], s: number, e: number, scope: Scope, header: boolean): void => {
    const first = tokens[s] as Token;
    const owner = scope.owner;
    const docstring = !header && isDocstring(tokens, s, e);
    if (firstStatement && scope === MODULE && docstring) moduleDocstring = true;
    if (owner && !ownerSeen.has(owner)) {
      ownerSeen.add(owner);
      if (docstring) owner.docstring = true;
    }
    firstStatement = false;
    if (!docstring) countLines(tokens, s, e);

    const decorator = isOp(first, "@");
    if (decorator) {
      const name = dotted(tokens, s + 1, e);
      if (name) {
        decorators.push({ name, line: first.line });
        pendingDecorators.push(name);
      }
    } else if (first.text === "import" || first.text === "from") readImport(tokens, s, e, imports);
    const definitionHeader = isName(first, "def") || isName(first, "class") || isName(first, "async");
    const importTime = scope.topLevel && !decorator && !definitionHeader;
    // `case Point(x=0) if ok(x):` holds a class pattern, not a call, before its guard;
    // `match (a, b):` is no call of `match`.
    const patternEnd =
      header && isName(first, "case") ? guardStart(tokens, s, e) : header && isName(first, "match") ? s + 1 : s;
    for (let i = s; i < e; i++) {
      const t = tokens[i] as Token;
      if (t.calls) {
        calls.push(...t.calls);
        if (importTime) topLevelCalls.push(...t.calls);
      }
      if (t.kind !== "name" || KEYWORDS.has(t.text)) continue;
      names.add(t.text);
      const prev = tokens[i - 1];
      if (i > s && (isOp(prev, ".") || isName(prev, "def") || isName(prev, "class"))) continue;
      let callee = t.text;
      let j = i;
      while (isOp(tokens[j + 1], ".") && tokens[j + 2]?.kind === "name" && j + 2 < e) {
        j += 2;
        callee += `.${(tokens[j] as Token).text}`;
        names.add((tokens[j] as Token).text);
      }
      if (isOp(tokens[j + 1], "(") && j + 1 < e && i >= patternEnd) {
        const call = { callee, line: t.line };
        calls.push(call);
        if (importTime) topLevelCalls.push(call);
      } else if (i === s && callee === "print" && j + 1 < e && isPython2PrintArgument(tokens[j + 1] as Token)) {
        const call = { callee, line: t.line };
        calls.push(call);
        if (importTime) topLevelCalls.push(call);
      }
      i = j;
    }
  };

  const openBlock = (tokens: readonly Token[], s: number, colon: number, line: LogicalLine, parent: Scope): Scope => {
    const keyword = (tokens[s] as Token).text === "async" ? (tokens[s + 1]?.text ?? "") : (tokens[s] as Token).text;
    const at = keyword === (tokens[s] as Token).text ? s : s + 1;
    if (keyword === "def" || keyword === "class") {
      const nameToken = tokens[at + 1];
      const name = nameToken?.kind === "name" ? nameToken.text : "";
      const stub = pendingDecorators.some((d) => /(^|\.)overload$|\.(setter|deleter)$/.test(d));
      const definition: MutableDefinition = {
        kind: keyword === "def" ? "function" : "class",
        name,
        line: (tokens[at] as Token).line,
        depth: parent.depth,
        public: parent.publicScope && name !== "" && !name.startsWith("_") && !stub,
        docstring: false,
        annotated: keyword === "def" && isAnnotated(tokens, at + 2, colon),
      };
      definitions.push(definition);
      return {
        indent: line.indent,
        depth: parent.depth + 1,
        publicScope: keyword === "class" && definition.public,
        topLevel: false,
        owner: definition,
      };
    }
    if (keyword === "if" && parent === MODULE && isMainGuard(tokens, s, colon)) {
      hasMainGuard = true;
      return { indent: line.indent, depth: parent.depth, publicScope: false, topLevel: false };
    }
    return { indent: line.indent, depth: parent.depth, publicScope: parent.publicScope, topLevel: parent.topLevel };
  };

  for (const line of tokenized.lines) {
    while (stack.length > 0 && (stack[stack.length - 1] as Scope).indent >= line.indent) stack.pop();
    const scope = stack[stack.length - 1] ?? MODULE;
    const tokens = line.tokens;
    const first = tokens[0] as Token;
    const compound =
      (first.kind === "name" && COMPOUND.has(first.text)) ||
      (isName(first, "async") && ["def", "for", "with"].includes(tokens[1]?.text ?? "")) ||
      ((isName(first, "match") || isName(first, "case")) && isOp(tokens[tokens.length - 1], ":"));
    const colon = compound ? headerColon(tokens) : -1;
    if (colon >= 0) {
      statement(tokens, 0, colon, scope, true);
      const block = openBlock(tokens, 0, colon, line, scope);
      pendingDecorators = [];
      stack.push(block);
      for (const [s, e] of simpleStatements(tokens, colon + 1)) statement(tokens, s, e, block, false);
    } else {
      for (const [s, e] of simpleStatements(tokens, 0)) {
        statement(tokens, s, e, scope, false);
        if (!isOp(tokens[s], "@")) pendingDecorators = [];
      }
    }
  }
  for (const name of tokenized.fstringNames) if (!KEYWORDS.has(name)) names.add(name);

  const result: PythonSource = {
    imports,
    calls,
    decorators,
    definitions,
    moduleDocstring,
    names,
    topLevelCalls,
    hasMainGuard,
    codeLines,
  };
  return tokenized.error ? { ...result, error: tokenized.error } : result;
}
