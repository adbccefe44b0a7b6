/**
 * A Python tokenizer for facts, not for execution: it splits source into logical lines of tokens
 * and knows exactly what is a string or a comment (every prefix, triple quotes, PEP 701 f-strings
 * with nested quotes, backslash continuations, brackets spanning lines). One linear pass over
 * char codes, no regular expressions over the file.
 */

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

// Char codes used by the scanner.
const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const DOT = 46;
const COLON = 58;
const EQUALS = 61;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const UPPER_N = 78;

/** Valid string prefixes, lower-cased (t-strings are Python 3.14 template strings). */
const STRING_PREFIXES = new Set(["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"]);

/** How deep f-strings may nest inside replacement fields before the scanner gives up. */
const MAX_FIELD_DEPTH = 200;

/** Keywords that a `(` may follow in an expression without making a call. */
const KEYWORD_LIKE = new Set(["and", "or", "not", "in", "is", "if", "else", "for", "lambda", "await", "yield"]);

/** Operators longer than one character that the analyser cares to see whole. */
const OPERATORS_3 = new Set(["...", "**=", "//=", ">>=", "<<="]);
const OPERATORS_2 = new Set([
  "->",
  "==",
  "!=",
  "<=",
  ">=",
  ":=",
  "**",
  "//",
  "<<",
  ">>",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "@=",
  "&=",
  "|=",
  "^=",
]);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Split Python source into logical lines of tokens. Never throws. */
export function tokenizePython(src: string): Tokenized {
  const n = src.length;
  const lines: LogicalLine[] = [];
  const fstringNames: string[] = [];
  let error: { message: string; line: number } | undefined;
  // Calls met in the replacement fields of the f-string being scanned.
  let fieldCalls: { callee: string; line: number }[] = [];
  let fieldDepth = 0;
  let pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Lines of the open brackets: newlines inside brackets do not end the logical line.
  const open: number[] = [];
  let tokens: Token[] = [];
  let indent = 0;
  let atLineStart = true;

  const fail = (message: string, at: number): void => {
    if (!error) error = { message, line: at };
  };

  /** Consume one newline (LF, CRLF or CR) at `p`; returns the position after it. */
  const newlineEnd = (p: number): number => (src.charCodeAt(p) === CR && src.charCodeAt(p + 1) === LF ? p + 2 : p + 1);

  /**
   * Scan a string literal whose quote is at `q` (prefix already consumed); returns the end.
   * Single-quoted strings end at the line's end when unterminated (CPython's error), so a stray
   * quote never swallows the rest of the file.
   */
  const scanString = (q: number, prefix: string): number => {
    const quote = src.charCodeAt(q);
    const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    const fmt = prefix.includes("f") || prefix.includes("t");
    const raw = prefix.includes("r");
    const startLine = line;
    let p = q + (triple ? 3 : 1);
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === BACKSLASH) {
        const next = src.charCodeAt(p + 1);
        if (next === LF || next === CR) {
          p = newlineEnd(p + 1);
          line++;
        } else if (fmt && !raw && next === UPPER_N && src.charCodeAt(p + 2) === LBRACE) {
          // \N{EM DASH} is a named escape, not a replacement field.
          const close = src.indexOf("}", p + 3);
          p = close === -1 ? n : close + 1;
        } else if (fmt && (next === LBRACE || next === RBRACE)) {
          p++; // `rf"\{{"`: the backslash is literal and the braces are still braces
        } else p += 2;
      } else if (c === quote) {
        if (!triple) return p + 1;
        if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) return p + 3;
        p++;
      } else if (c === LF || c === CR) {
        if (!triple) {
          fail("unterminated string literal", startLine);
          return p;
        }
        p = newlineEnd(p);
        line++;
      } else if (fmt && c === LBRACE) {
        if (src.charCodeAt(p + 1) === LBRACE) p += 2;
        else {
          const end = scanField(p + 1, triple);
          if (end < 0) {
            fail("unterminated f-string", startLine);
            return -end;
          }
          p = end;
        }
      } else p++;
    }
    fail(triple ? "unterminated triple-quoted string" : "unterminated string literal", startLine);
    return n;
  };

  /**
   * Scan an f-string replacement field from just after its `{` to just after its `}`.
   * Returns the negated stop position when the field cannot end (a newline in a single-quoted
   * f-string outside brackets, or the end of the file).
   */
  const scanField = (start: number, multiline: boolean): number => {
    // Nesting is recursion: cap it (CPython stops far earlier) so hostile input cannot overflow the stack.
    if (fieldDepth >= MAX_FIELD_DEPTH) {
      fail("f-string nested too deeply", line);
      return -n;
    }
    fieldDepth++;
    const end = scanFieldBody(start, multiline);
    fieldDepth--;
    return end;
  };

  const scanFieldBody = (start: number, multiline: boolean): number => {
    let p = start;
    let nest = 0;
    // The dotted name just read ("" after anything else), which a `(` turns into a call.
    let chain = "";
    let afterDot = false;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === SPACE || c === TAB) {
        p++;
        continue;
      }
      if (isIdentStart(c)) {
        const s = p;
        while (p < n && isIdentPart(src.charCodeAt(p))) p++;
        const word = src.slice(s, p);
        const after = src.charCodeAt(p);
        if ((after === DQUOTE || after === SQUOTE) && STRING_PREFIXES.has(word.toLowerCase())) {
          p = scanString(p, word.toLowerCase());
          chain = "";
        } else {
          fstringNames.push(word);
          chain = !afterDot ? word : chain ? `${chain}.${word}` : "";
        }
        afterDot = false;
        continue;
      }
      if (c === DOT) {
        afterDot = true;
        p++;
        continue;
      }
      const called = c === LPAREN && chain !== "" && !afterDot && !KEYWORD_LIKE.has(chain);
      if (called) fieldCalls.push({ callee: chain, line });
      chain = "";
      afterDot = false;
      if (c === LF || c === CR) {
        if (!multiline && nest === 0) return -p;
        p = newlineEnd(p);
        line++;
      } else if (c === DQUOTE || c === SQUOTE) {
        p = scanString(p, "");
      } else if (c === HASH) {
        while (p < n && src.charCodeAt(p) !== LF && src.charCodeAt(p) !== CR) p++; // PEP 701 comment
      } else if (c === LPAREN || c === LBRACKET || c === LBRACE) {
        nest++;
        p++;
      } else if (c === RPAREN || c === RBRACKET) {
        if (nest > 0) nest--;
        p++;
      } else if (c === RBRACE) {
        if (nest === 0) return p + 1;
        nest--;
        p++;
      } else if (nest === 0 && c === BANG && src.charCodeAt(p + 1) !== EQUALS) {
        p += 2; // conversion: !r, !s, !a
      } else if (nest === 0 && c === COLON) {
        return scanFormatSpec(p + 1, multiline);
      } else p++;
    }
    return -n;
  };

  /** A format spec is literal text with nested replacement fields, ending at the field's `}`. */
  const scanFormatSpec = (start: number, multiline: boolean): number => {
    let p = start;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === RBRACE) return p + 1;
      if (c === LBRACE) {
        const end = scanField(p + 1, multiline);
        if (end < 0) return end;
        p = end;
      } else if (c === LF || c === CR) {
        if (!multiline) return -p;
        p = newlineEnd(p);
        line++;
      } else p++;
    }
    return -n;
  };

  const push = (kind: TokenKind, start: number, end: number, startLine: number): void => {
    if (fieldCalls.length > 0) {
      tokens.push({ kind, text: src.slice(start, end), line: startLine, endLine: line, calls: fieldCalls });
      fieldCalls = [];
    } else tokens.push({ kind, text: src.slice(start, end), line: startLine, endLine: line });
  };

  // Operators are pushed with their own short strings: no slice of the source kept alive.
  const pushOp = (text: string): void => {
    tokens.push({ kind: "op", text, line, endLine: line });
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
        while (pos < n && src.charCodeAt(pos) !== LF && src.charCodeAt(pos) !== CR) pos++;
        c = src.charCodeAt(pos);
      }
      if (c === LF || c === CR) {
        pos = newlineEnd(pos);
        line++;
        continue;
      }
      if (pos >= n) break;
      indent = col;
      atLineStart = false;
    }
    const c = src.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === FF) {
      pos++;
    } else if (c === LF || c === CR) {
      pos = newlineEnd(pos);
      line++;
      if (open.length === 0) endLogicalLine();
    } else if (c === HASH) {
      while (pos < n && src.charCodeAt(pos) !== LF && src.charCodeAt(pos) !== CR) pos++;
    } else if (isIdentStart(c)) {
      const s = pos;
      while (pos < n && isIdentPart(src.charCodeAt(pos))) pos++;
      const after = src.charCodeAt(pos);
      if ((after === DQUOTE || after === SQUOTE) && pos - s <= 2) {
        const prefix = src.slice(s, pos).toLowerCase();
        if (STRING_PREFIXES.has(prefix)) {
          const startLine = line;
          pos = scanString(pos, prefix);
          push(prefix.includes("f") || prefix.includes("t") ? "fstring" : "string", s, pos, startLine);
          continue;
        }
      }
      push("name", s, pos, line);
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
      push("number", s, pos, line);
    } else if (c === DQUOTE || c === SQUOTE) {
      const s = pos;
      const startLine = line;
      pos = scanString(pos, "");
      push("string", s, pos, startLine);
    } else if (c === BACKSLASH) {
      const next = src.charCodeAt(pos + 1);
      if (next === LF || next === CR) {
        pos = newlineEnd(pos + 1);
        line++;
      } else {
        fail("unexpected character after line continuation", line);
        pos++;
      }
    } else if (c === LPAREN || c === LBRACKET || c === LBRACE) {
      open.push(line);
      pushOp(src[pos] as string);
      pos++;
    } else if (c === RPAREN || c === RBRACKET || c === RBRACE) {
      if (open.pop() === undefined) fail(`unmatched '${src[pos]}'`, line);
      pushOp(src[pos] as string);
      pos++;
    } else {
      if (c === 36 || c === 63 || c === 96) fail(`invalid character '${src[pos]}'`, line); // $ ? `
      const three = src.slice(pos, pos + 3);
      const len = OPERATORS_3.has(three) ? 3 : OPERATORS_2.has(three.slice(0, 2)) ? 2 : 1;
      pushOp(len === 1 ? (src[pos] as string) : src.slice(pos, pos + len));
      pos += len;
    }
  }
  if (open.length > 0) fail("bracket never closed", open[0] ?? line);
  if (tokens.length > 0) lines.push({ indent, tokens });
  return error ? { lines, fstringNames, error } : { lines, fstringNames };
}
