/**
 * A Python tokenizer for facts, not for execution: it splits source into logical lines of tokens
 * and knows exactly what is a string or a comment (every prefix, triple quotes, PEP 701 f-strings
 * with nested quotes, backslash continuations, brackets spanning lines). One linear pass over
 * char codes, no regular expressions over the file. String literals are scanned in
 * `python-strings.ts`.
 */
import {
  BACKSLASH,
  CR,
  DOT,
  DQUOTE,
  FF,
  HASH,
  isDigit,
  isIdentPart,
  isIdentStart,
  LBRACE,
  LBRACKET,
  LF,
  LPAREN,
  RBRACE,
  RBRACKET,
  RPAREN,
  SPACE,
  SQUOTE,
  STRING_PREFIXES,
  StringScanner,
  TAB,
} from "./python-strings.js";

/** What a token is; keywords are names (the analyser knows them). */
export type TokenKind = "name" | "number" | "string" | "fstring" | "op";

/** One token; `text` of a string is the whole literal, prefix and quotes included. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based line where the token starts. */
  readonly line: number;
  /** 1-based line where it ends (differs for strings spanning lines). */
  readonly endLine: number;
  /** Calls inside an f-string's replacement fields (`f"{len(x)}"`): code, though inside a literal. */
  readonly calls?: readonly { readonly callee: string; readonly line: number }[];
}

/** A logical line: the tokens of one statement line, with the indentation of its first line. */
export interface LogicalLine {
  /** Columns of indentation (tabs to the next multiple of 8, as CPython does). */
  readonly indent: number;
  readonly tokens: readonly Token[];
}

/** The tokenizer's result: what it read, and the first problem met (it recovers and goes on). */
export interface Tokenized {
  readonly lines: readonly LogicalLine[];
  /** Identifiers inside f-string replacement fields: code, though inside a literal. */
  readonly fstringNames: readonly string[];
  readonly error?: { readonly message: string; readonly line: number };
}

/** Operators longer than one character that the analyser cares to see whole. */
const OPERATORS_3 = new Set("... **= //= >>= <<=".split(" "));
const OPERATORS_2 = new Set("-> == != <= >= := ** // << >> += -= *= /= %= @= &= |= ^=".split(" "));

/**
 * Runs scanned by sticky regular expressions rather than a loop over char codes: the regex
 * engine is native, while a loop runs in V8's interpreter until it warms up, and a scan
 * tokenizes a few hundred files once. Each matches exactly what the char-code tests did.
 */
const BLANKS = /[ \t\f]+/y;
const COMMENT = /[^\r\n]*/y;
/** isIdentPart: ASCII letters, digits, `_`, and every code unit from 128 up. */
const IDENT_PART = /[A-Za-z0-9_\u0080-\uffff]*/y;

/** The position after the run `re` matches at `pos` (sticky), or `pos` when it matches nothing. */
function skip(re: RegExp, src: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(src) ? re.lastIndex : pos;
}

/** Split Python source into logical lines of tokens. Never throws. */
export function tokenizePython(src: string): Tokenized {
  const sc = new StringScanner(src);
  const n = src.length;
  const lines: LogicalLine[] = [];
  let pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Lines of the open brackets: newlines inside brackets do not end the logical line.
  const open: number[] = [];
  let tokens: Token[] = [];
  let indent = 0;
  let atLineStart = true;

  const push = (kind: TokenKind, start: number, end: number, startLine: number): void => {
    if (sc.fieldCalls.length > 0) {
      tokens.push({ kind, text: src.slice(start, end), line: startLine, endLine: sc.line, calls: sc.fieldCalls });
      sc.fieldCalls = [];
    } else tokens.push({ kind, text: src.slice(start, end), line: startLine, endLine: sc.line });
  };

  // Operators are pushed with their own short strings: no slice of the source kept alive.
  const pushOp = (text: string): void => {
    tokens.push({ kind: "op", text, line: sc.line, endLine: sc.line });
  };

  const endLogicalLine = (): void => {
    if (tokens.length > 0) lines.push({ indent, tokens });
    tokens = [];
    atLineStart = true;
  };

  while (pos < n) {
    if (atLineStart) {
      // Measure indentation; blank and comment-only lines do not open a logical line.
      let col = 0;
      let c = src.charCodeAt(pos);
      while (c === SPACE || c === TAB || c === FF) {
        col = c === TAB ? (Math.floor(col / 8) + 1) * 8 : c === FF ? 0 : col + 1;
        c = src.charCodeAt(++pos);
      }
      if (c === HASH) {
        pos = skip(COMMENT, src, pos);
        c = src.charCodeAt(pos);
      }
      if (c === LF || c === CR) {
        pos = sc.newlineEnd(pos);
        sc.line++;
        continue;
      }
      if (pos >= n) break;
      indent = col;
      atLineStart = false;
    }
    const c = src.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === FF) {
      pos = skip(BLANKS, src, pos);
    } else if (c === LF || c === CR) {
      pos = sc.newlineEnd(pos);
      sc.line++;
      if (open.length === 0) endLogicalLine();
    } else if (c === HASH) {
      pos = skip(COMMENT, src, pos);
    } else if (isIdentStart(c)) {
      const s = pos;
      pos = skip(IDENT_PART, src, pos);
      const after = src.charCodeAt(pos);
      if ((after === DQUOTE || after === SQUOTE) && pos - s <= 2) {
        const prefix = src.slice(s, pos).toLowerCase();
        if (STRING_PREFIXES.has(prefix)) {
          const startLine = sc.line;
          pos = sc.scanString(pos, prefix);
          push(prefix.includes("f") || prefix.includes("t") ? "fstring" : "string", s, pos, startLine);
          continue;
        }
      }
      push("name", s, pos, sc.line);
    } else if (isDigit(c) || (c === DOT && isDigit(src.charCodeAt(pos + 1)))) {
      const s = pos;
      while (pos < n) {
        const d = src.charCodeAt(pos);
        if (isIdentPart(d) || d === DOT) pos++;
        else if (
          (d === 43 || d === 45) &&
          (src.charCodeAt(pos - 1) | 32) === 101 &&
          !/^0[xX]/.test(src.slice(s, s + 2))
        )
          pos++; // exponent sign: 1e-5
        else break;
      }
      push("number", s, pos, sc.line);
    } else if (c === DQUOTE || c === SQUOTE) {
      const s = pos;
      const startLine = sc.line;
      pos = sc.scanString(pos, "");
      push("string", s, pos, startLine);
    } else if (c === BACKSLASH) {
      const next = src.charCodeAt(pos + 1);
      if (next === LF || next === CR) {
        pos = sc.newlineEnd(pos + 1);
        sc.line++;
      } else {
        sc.fail("unexpected character after line continuation", sc.line);
        pos++;
      }
    } else if (c === LPAREN || c === LBRACKET || c === LBRACE) {
      open.push(sc.line);
      pushOp(src[pos] as string);
      pos++;
    } else if (c === RPAREN || c === RBRACKET || c === RBRACE) {
      if (open.pop() === undefined) sc.fail(`unmatched '${src[pos]}'`, sc.line);
      pushOp(src[pos] as string);
      pos++;
    } else {
      if (c === 36 || c === 63 || c === 96) sc.fail(`invalid character '${src[pos]}'`, sc.line); // $ ? `
      const three = src.slice(pos, pos + 3);
      const len = OPERATORS_3.has(three) ? 3 : OPERATORS_2.has(three.slice(0, 2)) ? 2 : 1;
      pushOp(len === 1 ? (src[pos] as string) : src.slice(pos, pos + len));
      pos += len;
    }
  }
  if (open.length > 0) sc.fail("bracket never closed", open[0] ?? sc.line);
  if (tokens.length > 0) lines.push({ indent, tokens });
  return sc.error
    ? { lines, fstringNames: sc.fstringNames, error: sc.error }
    : { lines, fstringNames: sc.fstringNames };
}
