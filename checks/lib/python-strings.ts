/**
 * The string-literal half of the Python tokenizer: every prefix, triple quotes, and PEP 701
 * f-strings whose replacement fields hold code (nested strings of any quote, calls, comments,
 * format specs with their own fields). Linear: each character is looked at once.
 */

// Char codes used by the scanner.
export const TAB = 9;
export const LF = 10;
export const FF = 12;
export const CR = 13;
export const SPACE = 32;
const BANG = 33;
export const DQUOTE = 34;
export const HASH = 35;
export const SQUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const DOT = 46;
const COLON = 58;
const EQUALS = 61;
export const BACKSLASH = 92;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;
const UPPER_N = 78;

/** Valid string prefixes, lower-cased (t-strings are Python 3.14 template strings). */
export const STRING_PREFIXES = new Set(["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"]);

/** How deep f-strings may nest inside replacement fields before the scanner gives up. */
const MAX_FIELD_DEPTH = 200;

/** Keywords that a `(` may follow in an expression without making a call. */
const KEYWORD_LIKE = new Set(["and", "or", "not", "in", "is", "if", "else", "for", "lambda", "await", "yield"]);

/** A character that can start an identifier (any non-ASCII one included, as PEP 3131 allows). */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

/** A character that can continue an identifier. */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** An ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A call met inside an f-string's replacement field. */
export interface FieldCall {
  readonly callee: string;
  readonly line: number;
}

/** Scans string literals of one source text, keeping the line count and the first error. */
/** Runs of characters that mean nothing inside a string with this quote (and `{` in f-strings). */
const PLAIN_SQ = /[^\\'\r\n]+/y;
const PLAIN_DQ = /[^\\"\r\n]+/y;
const PLAIN_SQ_F = /[^\\'\r\n{]+/y;
const PLAIN_DQ_F = /[^\\"\r\n{]+/y;

export class StringScanner {
  /** The current 1-based line, advanced past every newline a literal spans. */
  line = 1;
  error: { message: string; line: number } | undefined;
  /** Calls met in the replacement fields since the last string token was taken. */
  fieldCalls: FieldCall[] = [];
  /** Identifiers inside replacement fields. */
  readonly fstringNames: string[] = [];
  readonly n: number;
  private fieldDepth = 0;

  constructor(readonly src: string) {
    this.n = src.length;
  }

  /** Keep the first problem only: later ones are often its echoes. */
  fail(message: string, at: number): void {
    if (!this.error) this.error = { message, line: at };
  }

  /** Consume one newline (LF, CRLF or CR) at `p`; returns the position after it. */
  newlineEnd(p: number): number {
    return this.src.charCodeAt(p) === CR && this.src.charCodeAt(p + 1) === LF ? p + 2 : p + 1;
  }

  /**
   * Scan a string literal whose quote is at `q` (prefix already consumed); returns the end.
   * Single-quoted strings end at the line's end when unterminated (CPython's error), so a stray
   * quote never swallows the rest of the file.
   */
  scanString(q: number, prefix: string): number {
    const { src, n } = this;
    const quote = src.charCodeAt(q);
    const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    const fmt = prefix.includes("f") || prefix.includes("t");
    const raw = prefix.includes("r");
    const startLine = this.line;
    const plain = quote === SQUOTE ? (fmt ? PLAIN_SQ_F : PLAIN_SQ) : fmt ? PLAIN_DQ_F : PLAIN_DQ;
    let p = q + (triple ? 3 : 1);
    while (p < n) {
      // Jump over a run of ordinary characters natively: a docstring is mostly prose.
      plain.lastIndex = p;
      if (plain.test(src)) p = plain.lastIndex;
      if (p >= n) break;
      const c = src.charCodeAt(p);
      if (c === BACKSLASH) {
        const next = src.charCodeAt(p + 1);
        if (next === LF || next === CR) {
          p = this.newlineEnd(p + 1);
          this.line++;
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
          this.fail("unterminated string literal", startLine);
          return p;
        }
        p = this.newlineEnd(p);
        this.line++;
      } else if (fmt && c === LBRACE) {
        if (src.charCodeAt(p + 1) === LBRACE) p += 2;
        else {
          const end = this.scanField(p + 1, triple);
          if (end < 0) {
            this.fail("unterminated f-string", startLine);
            return -end;
          }
          p = end;
        }
      } else p++;
    }
    this.fail(triple ? "unterminated triple-quoted string" : "unterminated string literal", startLine);
    return n;
  }

  /**
   * Scan an f-string replacement field from just after its `{` to just after its `}`.
   * Returns the negated stop position when the field cannot end (a newline in a single-quoted
   * f-string outside brackets, or the end of the file).
   */
  private scanField(start: number, multiline: boolean): number {
    // Nesting is recursion: cap it (CPython stops far earlier) so hostile input cannot overflow the stack.
    if (this.fieldDepth >= MAX_FIELD_DEPTH) {
      this.fail("f-string nested too deeply", this.line);
      return -this.n;
    }
    this.fieldDepth++;
    const end = this.scanFieldBody(start, multiline);
    this.fieldDepth--;
    return end;
  }

  private scanFieldBody(start: number, multiline: boolean): number {
    const { src, n } = this;
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
          p = this.scanString(p, word.toLowerCase());
          chain = "";
        } else {
          this.fstringNames.push(word);
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
      if (called) this.fieldCalls.push({ callee: chain, line: this.line });
      chain = "";
      afterDot = false;
      if (c === LF || c === CR) {
        if (!multiline && nest === 0) return -p;
        p = this.newlineEnd(p);
        this.line++;
      } else if (c === DQUOTE || c === SQUOTE) {
        p = this.scanString(p, "");
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
        return this.scanFormatSpec(p + 1, multiline);
      } else p++;
    }
    return -n;
  }

  /** A format spec is literal text with nested replacement fields, ending at the field's `}`. */
  private scanFormatSpec(start: number, multiline: boolean): number {
    const { src, n } = this;
    let p = start;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === RBRACE) return p + 1;
      if (c === LBRACE) {
        const end = this.scanField(p + 1, multiline);
        if (end < 0) return end;
        p = end;
      } else if (c === LF || c === CR) {
        if (!multiline) return -p;
        p = this.newlineEnd(p);
        this.line++;
      } else p++;
    }
    return -n;
  }
}
