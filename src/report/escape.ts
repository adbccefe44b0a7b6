/**
 * Escaping for text taken from a scanned repository before it goes into Markdown that GitHub
 * renders: no HTML, no links, no mentions, no issue references, no images.
 */

const WORD_JOINER = "\u2060";

/** Escape arbitrary text for inline Markdown: HTML entities, Markdown punctuation, and broken-up @, #, URLs. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_{}[\]()#+!|~=-])/g, "\\$1")
      // A word joiner after @ and # stops mentions (@everyone) and references (#1, org/repo#1).
      .replace(/@/g, `@${WORD_JOINER}`)
      .replace(/\\#/g, `\\#${WORD_JOINER}`)
      // Autolinks: break scheme separators and www. so no bare URL becomes a link.
      .replace(/:\/\//g, `:${WORD_JOINER}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${WORD_JOINER}.`)
      .replace(/\r?\n/g, " ")
  );
}

/** A repository path as inline code, which GitHub renders literally (no mentions, links or HTML). */
export function codeSpan(text: string): string {
  const clean = text.replace(/\r?\n/g, " ");
  let fence = "`";
  while (clean.includes(fence)) fence += "`";
  const pad = clean.startsWith("`") || clean.endsWith("`") || clean.trim() === "" ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * Escape prose that may hold `code` (our remediations do: `--cov-fail-under=80`): each code span
 * is kept as a code span, which GitHub renders literally, and the rest is escaped.
 */
export function escapeProse(text: string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part) : escapeMarkdown(part)))
    .join("");
}
