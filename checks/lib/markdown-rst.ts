/**
 * reStructuredText read into the same blocks as Markdown: section titles (underlined, optionally
 * overlined, level by order of first use), paragraphs, literal and `code-block` blocks, images
 * (`.. image::`, substitution badges) and links (`` `text <url>`_ ``, `.. _name: url`).
 */
import type { DocBlock, DocRef, DocText } from "./markdown.js";
import { countWords } from "./markdown.js";

const ADORNMENT = /^([!-/:-@[-`{-~])\1{2,}\s*$/;
const DIRECTIVE = /^\.\.\s+(?:\|[^|]+\|\s+)?([\w:-]+)::\s*(.*)$/;
const TARGET = /^\.\.\s+_([^:]+):\s*(\S+)\s*$/;
const INLINE_LINK = /`([^`<]*)<([^>`]+)>`__?/g;
const INLINE_CODE = /``([^`]+)``/g;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Plain text of an rST paragraph: roles, link targets and inline markup removed. */
function plain(text: string): string {
  return text
    .replace(/::\s*$/, ":")
    .replace(INLINE_LINK, "$1")
    .replace(/:[\w-]+:`([^`]*)`/g, "$1")
    .replace(/``([^`]+)``/g, "$1")
    .replace(/[`*|_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Parse reStructuredText. Never throws. */
export function readRst(text: string): DocText {
  const lines = text.slice(0, 300_000).split(/\r?\n/);
  const blocks: DocBlock[] = [];
  const links: DocRef[] = [];
  const images: DocRef[] = [];
  const styles: string[] = [];
  const depthOf = (style: string): number => {
    if (!styles.includes(style)) styles.push(style);
    return Math.min(6, styles.indexOf(style) + 1);
  };

  /** The indented block starting after line `from` (blank lines inside kept), and where it ends. */
  const indented = (from: number): { body: string; end: number } => {
    let end = from;
    const body: string[] = [];
    while (end < lines.length && ((lines[end] ?? "").trim() === "" || indentOf(lines[end] ?? "") > 0)) {
      body.push(lines[end] ?? "");
      end++;
    }
    // A loop, not Math.min(...spread): a literal block of 100,000 lines would overflow the stack.
    let min = Number.POSITIVE_INFINITY;
    for (const l of body) if (l.trim() !== "") min = Math.min(min, indentOf(l));
    return {
      body: body
        .map((l) => l.slice(Number.isFinite(min) ? min : 0))
        .join("\n")
        .trim(),
      end,
    };
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    const trimmed = line.trim();
    if (trimmed === "") {
      i++;
      continue;
    }
    // Overlined title: ===== / Title / =====
    const over = ADORNMENT.exec(line);
    if (
      over &&
      (lines[i + 2] ?? "").trim().startsWith(over[1] ?? "") &&
      ADORNMENT.test(lines[i + 2] ?? "") &&
      next.trim()
    ) {
      const title = next.trim();
      blocks.push({
        kind: "heading",
        line: i + 2,
        text: title,
        words: countWords(title),
        depth: depthOf(`o${over[1]}`),
      });
      i += 3;
      continue;
    }
    const under = ADORNMENT.exec(next);
    if (under && indentOf(line) === 0 && next.trim().length >= Math.min(trimmed.length, 3) && !DIRECTIVE.test(line)) {
      blocks.push({
        kind: "heading",
        line: i + 1,
        text: trimmed,
        words: countWords(trimmed),
        depth: depthOf(`u${under[1]}`),
      });
      i += 2;
      continue;
    }
    const target = TARGET.exec(trimmed);
    if (target) {
      links.push({ url: target[2] ?? "", text: target[1] ?? "", line: i + 1 });
      i++;
      continue;
    }
    const directive = DIRECTIVE.exec(trimmed);
    if (directive) {
      const name = (directive[1] ?? "").toLowerCase();
      const arg = (directive[2] ?? "").trim();
      const { body, end } = indented(i + 1);
      if (name === "code-block" || name === "code" || name === "sourcecode") {
        const code = body.replace(/^(:[\w-]+:.*\n?)+/, "").trim();
        blocks.push({ kind: "code", line: i + 1, text: code, words: 0, ...(arg ? { lang: arg.toLowerCase() } : {}) });
      } else if (name === "image" || name === "figure") {
        const href = /:target:\s*(\S+)/.exec(body)?.[1];
        const alt = /:alt:\s*(.+)/.exec(body)?.[1]?.trim() ?? "";
        images.push(href ? { url: arg, text: alt, line: i + 1, href } : { url: arg, text: alt, line: i + 1 });
      } else if (body && name !== "toctree" && !name.startsWith("automodule")) {
        // Admonitions (note, warning) and the like hold prose.
        const prose = plain(body);
        blocks.push({ kind: "paragraph", line: i + 2, text: prose, words: countWords(prose) });
      }
      i = end;
      continue;
    }
    if (trimmed.startsWith("..")) {
      i = indented(i + 1).end; // a comment
      continue;
    }
    // A paragraph: lines up to a blank line or an indentation change.
    const start = i;
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "" && !ADORNMENT.test(lines[i + 1] ?? "x")) {
      para.push(lines[i] ?? "");
      i++;
    }
    if (para.length === 0) {
      para.push(line);
      i++;
    }
    const raw = para.join(" ");
    for (const m of raw.matchAll(INLINE_LINK))
      links.push({ url: m[2]?.trim() ?? "", text: m[1]?.trim() ?? "", line: start + 1 });
    const code = [...raw.matchAll(INLINE_CODE)].map((m) => m[1] ?? "");
    const prose = plain(raw);
    if (trimmed.startsWith(">>>")) {
      blocks.push({ kind: "code", line: start + 1, text: para.join("\n"), words: 0, lang: "pycon" });
    } else {
      const block: DocBlock = { kind: "paragraph", line: start + 1, text: prose, words: countWords(prose) };
      blocks.push(code.length > 0 ? { ...block, inlineCode: code } : block);
    }
    // `::` ends a paragraph that introduces a literal block.
    if (raw.trimEnd().endsWith("::") && (lines[i] ?? "").trim() === "") {
      const { body, end } = indented(i + 1);
      if (body) blocks.push({ kind: "code", line: i + 2, text: body, words: 0 });
      i = Math.max(i, end);
    }
  }
  return { format: "rst", blocks, links, images };
}
