/**
 * The Python code of a Jupyter notebook: code cells only (outputs, with their embedded images,
 * are never looked at), with IPython magics and shell escapes blanked so they do not break the
 * tokenizer, and a map from each code line back to its line in the .ipynb file.
 */
import { countOf } from "../../src/engine/check.js";
import { type Parsed, parseJson } from "./parse.js";

/** A notebook's code, ready for `analysePython`. */
export interface NotebookCode {
  /** The code cells joined, each ending with a newline; magics replaced by blank lines. */
  readonly code: string;
  /** Number of code cells. */
  readonly cells: number;
  /** The kernel language as declared ("python" when the notebook does not say). */
  readonly language: string;
  /** `fileLines[i]` is the .ipynb line of code line i + 1 (best effort; 0 when unknown). */
  readonly fileLines: readonly number[];
  /** The 0-based code line where each code cell starts (IPython compiles every cell on its own). */
  readonly cellStarts: readonly number[];
}

/** Cell magics whose body is still Python; any other `%%magic` cell is not Python at all. */
const PYTHON_CELL_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "memit", "mprun", "autoreload"]);

/** `%pip ...`, `!ls`, `?obj`, `obj?`, `files = !ls`, `t = %timeit f()`. */
const MAGIC_LINE = /^\s*(?:[%!?]|[A-Za-z_][\w.]*\?\??\s*$|[A-Za-z_][\w.,\s]*=\s*[!%][^=])/;

/** The code cells of a notebook (nbformat 3 or 4), joined, with magics blanked. */
export function notebookCode(text: string): Parsed<NotebookCode> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    // A file cut short has no error position: the problem is at its end.
    const last = text.trimEnd().split("\n").length;
    const line =
      parsed.line === undefined ? (/end of JSON/i.test(parsed.error) ? last : undefined) : Math.min(parsed.line, last);
    return { ok: false, error: `invalid notebook JSON: ${parsed.error}`, ...lineOf(line) };
  }
  const nb = parsed.value as Record<string, unknown> | null;
  if (!nb || typeof nb !== "object" || Array.isArray(nb))
    return { ok: false, error: "not a notebook: not a JSON object" };
  const v4 = Array.isArray(nb.cells);
  const worksheets = Array.isArray(nb.worksheets) ? (nb.worksheets as unknown[]) : undefined;
  if (!v4 && !worksheets)
    return { ok: false, error: "not a notebook: no cells (nbformat 4) or worksheets (nbformat 3)" };
  const cells: unknown[] = v4
    ? (nb.cells as unknown[])
    : (worksheets ?? []).flatMap((w) => {
        const ws = w as { cells?: unknown } | null;
        return Array.isArray(ws?.cells) ? (ws.cells as unknown[]) : [];
      });

  const out: string[] = [];
  const fileLines: number[] = [];
  const cellStarts: number[] = [];
  const locator = new Locator(text);
  let count = 0;
  for (const raw of cells) {
    const cell = raw as Record<string, unknown> | null;
    if (cell?.cell_type !== "code") continue;
    const source = v4 ? cell.source : cell.input;
    const parts = Array.isArray(source) ? source.filter((s): s is string => typeof s === "string") : [];
    if (typeof source === "string") parts.push(source);
    count++;
    cellStarts.push(out.length);
    // Map every source line of the cell to the JSON line holding it.
    const lines: string[] = [];
    for (const part of parts) {
      const at = locator.find(part);
      const pieces = part.split(/\r\n|\r|\n/);
      if (part.endsWith("\n") || part.endsWith("\r")) pieces.pop();
      for (const piece of pieces) {
        lines.push(piece);
        fileLines.push(at);
      }
    }
    blankMagics(lines);
    for (const l of lines) out.push(l);
  }
  return {
    ok: true,
    value: {
      code: out.length > 0 ? `${out.join("\n")}\n` : "",
      cells: count,
      language: languageOf(nb),
      fileLines,
      cellStarts,
    },
  };
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** Blank magic lines in place; a non-Python `%%magic` cell is blanked whole. */
function blankMagics(lines: string[]): void {
  const first = lines.findIndex((l) => l.trim() !== "");
  const head = first === -1 ? "" : (lines[first] as string).trim();
  if (head.startsWith("%%")) {
    const name = /^%%(\w+)/.exec(head)?.[1] ?? "";
    if (!PYTHON_CELL_MAGICS.has(name)) {
      lines.fill("");
      return;
    }
  }
  for (let i = 0; i < lines.length; i++) if (MAGIC_LINE.test(lines[i] as string)) lines[i] = "";
}

/** The kernel language: kernelspec, language_info, or nbformat 3's metadata.language. */
function languageOf(nb: Record<string, unknown>): string {
  const meta = (nb.metadata ?? {}) as Record<string, Record<string, unknown> | string | undefined>;
  const spec = meta.kernelspec as Record<string, unknown> | undefined;
  const info = meta.language_info as Record<string, unknown> | undefined;
  const language = spec?.language ?? info?.name ?? meta.language;
  return typeof language === "string" && language.trim() !== "" ? language.trim().toLowerCase() : "python";
}

/**
 * Finds source strings in the notebook's text, in order, as nbformat writes them (one JSON
 * string per source line): each search starts where the previous one matched, so the whole
 * walk is linear in the file's size.
 */
class Locator {
  private cursor = 0;
  private line = 1;
  private last = 0;

  constructor(private readonly text: string) {}

  /** The 1-based line of the next occurrence of this string as JSON, or the last line found. */
  find(value: string): number {
    if (value === "") return this.last;
    let needle = JSON.stringify(value);
    let at = this.text.indexOf(needle, this.cursor);
    if (at === -1 && hasNonAscii(value)) {
      needle = asciiJson(needle);
      at = this.text.indexOf(needle, this.cursor);
    }
    if (at === -1) return this.last;
    this.line += countOf(this.text, "\n", this.cursor, at);
    this.last = this.line;
    this.line += countOf(this.text, "\n", at, at + needle.length);
    this.cursor = at + needle.length;
    return this.last;
  }
}

function hasNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return true;
  return false;
}

/** JSON with non-ASCII escaped, as Python's `json.dumps(ensure_ascii=True)` writes it. */
function asciiJson(json: string): string {
  let out = "";
  for (const c of json) {
    const code = c.charCodeAt(0);
    if (code <= 127) out += c;
    else for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return out;
}
