/**
 * A Markdown document cut into heading-aligned chunks within a fixed budget, so that mdast parses
 * a bounded, defused amount of text. micromark runs at about 100 KB/s here and is quadratic on
 * some inputs (thousands of unclosed `[`, deep `>` nesting): a README must not stall a scan.
 * Every section keeps its heading even past the budget, so a License at the end is still seen.
 */

/** Text to parse in one go, and the document line of each of its lines. */
export interface MarkdownChunk {
  readonly text: string;
  /** 0-based document line of each line of `text` (appended definitions map to the last one). */
  readonly lines: readonly number[];
}

/** The chunks to parse and every link reference definition of the document (lower-cased label -> URL). */
export interface MarkdownPlan {
  readonly chunks: readonly MarkdownChunk[];
  readonly definitions: ReadonlyMap<string, string>;
}

/** At most this many lines are parsed in all, and this many per section. */
const TOTAL_LINES = 600;
const SECTION_LINES = 120;
/** At most this many characters are parsed in all, and this many per section. */
const TOTAL_CHARS = 40_000;
const SECTION_CHARS = 8_000;
/** Past the budget, up to this many further headings are still read. */
const MAX_HEADINGS = 300;
/** Lines are cut here (one-line paragraphs and badge rows fit). */
const LINE_CHARS = 2_000;
/** Lines scanned at all. */
const SCAN_LINES = 20_000;

const ATX = /^ {0,3}#{1,6}(\s|$)|^\s*<h[1-6][\s>]/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/;

/**
 * Defuse the shapes micromark is slow on, keeping ordinary Markdown intact: overlong lines are
 * cut, deep container prefixes (`> > > >`) shortened, and `[` that no `]` closes on the same line
 * (or nested more than three deep) blanked.
 */
export function defuseLine(raw: string): string {
  let line = raw.length > LINE_CHARS ? raw.slice(0, LINE_CHARS) : raw;
  line = line.replace(/^[ \t>]{24,}/, (m) => m.slice(0, 24));
  if (!line.includes("[")) return line;
  const chars = line.split("");
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\") i++;
    else if (c === "[") {
      if (open.length >= 3) chars[i] = " ";
      else open.push(i);
    } else if (c === "]") open.pop();
  }
  for (const i of open) chars[i] = " ";
  return chars.join("");
}

/** Plan the parse of a document: defused lines, sections within the budget, definitions. */
export function planMarkdown(text: string): MarkdownPlan {
  const lines = text.split(/\r\n|\r|\n/, SCAN_LINES).map(defuseLine);
  const definitions = new Map<string, string>();
  const definitionLines = new Map<string, string>();
  const starts: number[] = [0];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      return;
    }
    if (f) fence = f;
    else if (ATX.test(line) && i > 0) starts.push(i);
    else {
      const d = DEFINITION.exec(line);
      const label = d?.[1]?.replace(/\s+/g, " ").trim().toLowerCase();
      if (d?.[2] && label && !definitions.has(label)) {
        definitions.set(label, d[2]);
        definitionLines.set(label, line);
      }
    }
  });

  const chunks: MarkdownChunk[] = [];
  let buffer: string[] = [];
  let map: number[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    // Reference-style links resolve only against definitions in the same parse: bring them along.
    const defs = new Set<string>();
    for (const m of buffer.join("\n").matchAll(/\[([^\]]+)\]/g)) {
      const line = definitionLines.get((m[1] ?? "").replace(/\s+/g, " ").trim().toLowerCase());
      if (line !== undefined) defs.add(line);
    }
    const last = map[map.length - 1] ?? 0;
    if (defs.size > 0) {
      for (const d of ["", ...defs]) {
        buffer.push(d);
        map.push(last);
      }
    }
    chunks.push({ text: buffer.join("\n"), lines: map });
    buffer = [];
    map = [];
    size = 0;
  };

  let lineBudget = TOTAL_LINES;
  let charBudget = TOTAL_CHARS;
  let headingsLeft = MAX_HEADINGS;
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s] as number;
    const end = starts[s + 1] ?? lines.length;
    let take = Math.min(end - start, SECTION_LINES);
    let chars = 0;
    for (let i = 0; i < take; i++) {
      chars += (lines[start + i] as string).length + 1;
      if (chars > SECTION_CHARS) take = Math.max(1, i);
    }
    if (lineBudget <= 0 || charBudget <= 0) {
      if (headingsLeft-- <= 0) break;
      take = 1;
    }
    const body = lines.slice(start, start + take);
    lineBudget -= take;
    charBudget -= body.reduce((n, l) => n + l.length + 1, 0);
    if (buffer.length + body.length > SECTION_LINES || size > SECTION_CHARS) flush();
    // A section cut inside a code fence would swallow the next heading: close the fence.
    let open: string | undefined;
    for (const line of body) {
      const f = FENCE.exec(line)?.[1];
      if (f && (!open || (f[0] === open[0] && f.length >= open.length))) open = open ? undefined : f;
    }
    body.forEach((line, i) => {
      buffer.push(line);
      map.push(start + i);
      size += line.length + 1;
    });
    if (open) {
      buffer.push(open);
      map.push(start + take - 1);
    }
  }
  flush();
  return { chunks, definitions };
}
