/**
 * Prose documents (README, docs) as a flat list of blocks with line numbers: headings, paragraphs,
 * code blocks, tables, plus the document's links and images (badges) with reference-style links
 * resolved. Markdown is parsed with mdast (GFM); `markdown-rst.ts` reads reStructuredText into the
 * same shape.
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { planMarkdown } from "./markdown-chunks.js";

/** The kinds of block a document is read into. */
export type DocBlockKind = "heading" | "paragraph" | "code" | "table" | "html";

/** One block of a document, in reading order. Blocks nested in lists and quotes are flattened. */
export interface DocBlock {
  readonly kind: DocBlockKind;
  /** 1-based line where the block starts. */
  readonly line: number;
  /** Plain text: prose with markup removed, or a code block's code. */
  readonly text: string;
  /** Words of prose (0 for code). */
  readonly words: number;
  /** Heading level, 1..6. */
  readonly depth?: number;
  /** A code block's info string language ("bash", "python"), lower case. */
  readonly lang?: string;
  /** Inline code spans in the block (`pip install x` in a sentence). */
  readonly inlineCode?: readonly string[];
  /** A paragraph that is a list item's text (`- pip install -r requirements.txt`, `2. Install ...`). */
  readonly item?: boolean;
}

/** A link or an image, with its target resolved (reference-style included). */
export interface DocRef {
  readonly url: string;
  /** Link text or image alt text. */
  readonly text: string;
  readonly line: number;
  /** For an image: the target of the link around it (badges link somewhere). */
  readonly href?: string;
}

/** A parsed document. */
export interface DocText {
  readonly format: "markdown" | "rst";
  readonly blocks: readonly DocBlock[];
  readonly links: readonly DocRef[];
  readonly images: readonly DocRef[];
}

/** A heading and the blocks under it, up to the next heading of any level. */
export interface DocSection {
  /** Undefined for the blocks before the first heading. */
  readonly heading?: DocBlock;
  readonly blocks: readonly DocBlock[];
}

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}'\u2019_-]*/gu;

/** Words in a piece of prose (each CJK character counts as one). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Sections of a document, split at every heading; the first has no heading when text precedes it. */
export function sectionsOf(doc: DocText): DocSection[] {
  const out: { heading?: DocBlock; blocks: DocBlock[] }[] = [];
  let current: { heading?: DocBlock; blocks: DocBlock[] } = { blocks: [] };
  for (const b of doc.blocks) {
    if (b.kind === "heading") {
      if (current.heading || current.blocks.length > 0) out.push(current);
      current = { heading: b, blocks: [] };
    } else current.blocks.push(b);
  }
  if (current.heading || current.blocks.length > 0) out.push(current);
  return out;
}

// Block-level HTML that READMEs use for centred titles and badge rows.
const HTML_HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
const HTML_LINK = /<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a\s*>/gi;
const ENTITY = /&(#\d+|#x[\da-f]+|[a-z]+);/gi;

/** Text of an HTML fragment: tags, comments and entities removed. */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(ENTITY, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function altOf(tag: string): string {
  return /\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? "";
}

const EMPTY_ROOT: Root = { type: "root", children: [] };
// Built once: building the GFM extensions costs more than parsing a short section.
const OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

function parseChunk(text: string): Root {
  try {
    return fromMarkdown(text, OPTIONS);
  } catch {
    return EMPTY_ROOT;
  }
}

/**
 * Parse Markdown (CommonMark + GFM) with mdast, section by section within a budget
 * (`markdown-chunks.ts`): long sections are read in part, and past the budget only headings.
 * Never throws.
 */
export function readMarkdown(text: string): DocText {
  const { chunks, definitions } = planMarkdown(text);
  const blocks: DocBlock[] = [];
  const links: DocRef[] = [];
  const images: DocRef[] = [];
  let map: readonly number[] = [];
  const lineOf = (n: Nodes) => (map[(n.position?.start.line ?? 1) - 1] ?? map[map.length - 1] ?? 0) + 1;

  /** Plain text of inline content, collecting links, images and inline code on the way. */
  const inline = (n: Nodes, code: string[], href?: string): string => {
    switch (n.type) {
      case "text":
        return n.value;
      case "inlineCode":
        code.push(n.value);
        return n.value;
      case "break":
        return " ";
      case "html": {
        for (const m of n.value.matchAll(HTML_IMG))
          images.push({ url: m[1] ?? "", text: altOf(m[0]), line: lineOf(n) });
        return ` ${htmlText(n.value)} `;
      }
      case "image":
      case "imageReference": {
        const url = n.type === "image" ? n.url : (definitions.get(n.identifier.toLowerCase()) ?? "");
        images.push(
          href === undefined
            ? { url, text: n.alt ?? "", line: lineOf(n) }
            : { url, text: n.alt ?? "", line: lineOf(n), href },
        );
        return "";
      }
      case "link":
      case "linkReference": {
        const url = n.type === "link" ? n.url : (definitions.get(n.identifier.toLowerCase()) ?? "");
        const label = n.children.map((c) => inline(c as Nodes, code, url)).join("");
        links.push({ url, text: label.trim(), line: lineOf(n) });
        return label;
      }
      default:
        return "children" in n ? (n.children as Nodes[]).map((c) => inline(c, code, href)).join("") : "";
    }
  };

  const push = (kind: DocBlockKind, n: Nodes, raw: string, code: string[], extra?: Partial<DocBlock>) => {
    const text = raw.replace(/\s+/g, " ").trim();
    if (kind !== "heading" && text === "" && code.length === 0) return;
    const block: DocBlock = { kind, line: lineOf(n), text, words: countWords(text), ...extra };
    blocks.push(code.length > 0 ? { ...block, inlineCode: code } : block);
  };

  const visit = (n: Nodes, inItem = false): void => {
    const code: string[] = [];
    switch (n.type) {
      case "heading":
        push("heading", n, inline(n, code), code, { depth: n.depth });
        break;
      case "paragraph":
        push("paragraph", n, inline(n, code), code, inItem ? { item: true } : undefined);
        break;
      case "code": {
        const lang = n.lang?.toLowerCase();
        blocks.push({ kind: "code", line: lineOf(n), text: n.value, words: 0, ...(lang ? { lang } : {}) });
        break;
      }
      case "table":
        push("table", n, n.children.flatMap((row) => row.children.map((cell) => inline(cell, code))).join(" "), code);
        break;
      case "html":
        visitHtml(n.value, lineOf(n));
        break;
      default:
        // Containers: their paragraphs and code blocks count as the document's own.
        if (["root", "list", "listItem", "blockquote", "footnoteDefinition"].includes(n.type)) {
          // Only a list item's own paragraphs are items: a quote inside one is prose again.
          for (const c of (n as { children: Nodes[] }).children) visit(c, n.type === "listItem");
        }
    }
  };

  const visitHtml = (html: string, line: number) => {
    for (const m of html.matchAll(HTML_IMG)) images.push({ url: m[1] ?? "", text: altOf(m[0]), line });
    for (const m of html.matchAll(HTML_LINK)) links.push({ url: m[1] ?? "", text: htmlText(m[2] ?? ""), line });
    let rest = html;
    for (const m of html.matchAll(HTML_HEADING)) {
      const text = htmlText(m[2] ?? "");
      blocks.push({ kind: "heading", line, text, words: countWords(text), depth: Number(m[1]) });
      rest = rest.replace(m[0], " ");
    }
    const text = htmlText(rest);
    if (text !== "") blocks.push({ kind: "html", line, text, words: countWords(text) });
  };

  for (const chunk of chunks) {
    map = chunk.lines;
    visit(parseChunk(chunk.text));
  }
  return { format: "markdown", blocks, links, images };
}
