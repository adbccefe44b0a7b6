import type { CheckResult, Finding, Report } from "../engine/types.js";
import { codeSpan, escapeMarkdown, escapeProse } from "./escape.js";
import { statusLabel, topFixes } from "./fixes.js";

/** GitHub's limit on a check run's `output.summary` and `output.text`. */
export const GITHUB_TEXT_LIMIT = 65_535;

/** The two parts a check run shows: a summary and the full detail. */
export interface MarkdownReport {
  readonly title: string;
  readonly summary: string;
  readonly text: string;
}

const ICON: Record<CheckResult["status"], string> = {
  pass: "✅",
  partial: "🟡",
  fail: "❌",
  not_applicable: "➖",
  error: "⚠️",
};

/** Title of a check run: `Portfolio quality: 82/100 (B)`. */
export function reportTitle(report: Report): string {
  return `Portfolio quality: ${report.score}/100 (${report.grade})`;
}

function findingLine(f: Finding): string {
  const where = f.path !== undefined ? ` ${codeSpan(f.line !== undefined ? `${f.path}:${f.line}` : f.path)}` : "";
  const mark = f.level === "failure" ? "❌" : f.level === "warning" ? "⚠️" : "·";
  const fix = f.remediation ? ` Fix: ${escapeProse(f.remediation)}` : "";
  const docs = f.docs ? ` ([docs](${safeUrl(f.docs)}))` : "";
  return `- ${mark} ${escapeProse(f.message)}${where}${fix}${docs}`;
}

/** Our docs links are ours, but a URL is still checked before it becomes a link. */
function safeUrl(url: string): string {
  return /^https:\/\/[^\s()<>]+$/.test(url) ? url : "https://github.com/portfolio-quality/portfolio-quality";
}

const CUT_NOTE =
  "\n\n_… the rest of the report was cut to fit GitHub's limit on a check run's text; run `portfolio-quality check` for all of it._\n";

/**
 * Cut Markdown to GitHub's limit on `output.summary` / `output.text`, on a line boundary. GitHub
 * counts UTF-8 bytes ("summary exceeds a maximum bytesize of 65535"), not characters: the
 * report's emoji take 3-4 bytes each.
 */
export function fitToLimit(text: string, limit = GITHUB_TEXT_LIMIT): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  let end = limit - Buffer.byteLength(CUT_NOTE);
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--; // not inside a character
  const head = bytes.subarray(0, end).toString("utf8");
  const line = head.lastIndexOf("\n");
  return (line > 0 ? head.slice(0, line) : head) + CUT_NOTE;
}

/** Summary: score, criteria table, top fixes. */
export function renderSummary(report: Report): string {
  const lines: string[] = [];
  const verdict = report.passed
    ? `passes the threshold of ${report.threshold}`
    : `is below the threshold of ${report.threshold}`;
  lines.push(`**${report.score}/100 (${report.grade})**: ${verdict}.`, "");
  lines.push("| Criterion | Score | Weight |", "| --- | ---: | ---: |");
  for (const c of report.criteria) lines.push(`| ${c.title} | ${c.score === null ? "n/a" : c.score} | ${c.weight} |`);
  const fixes = topFixes(report);
  if (fixes.length > 0) {
    lines.push("", "### Top fixes", "");
    fixes.forEach((fix, i) => {
      lines.push(
        `${i + 1}. **+${fix.gain.toFixed(1)}** \`${fix.check.id}\`: ${escapeProse(fix.advice)} ([docs](${safeUrl(fix.docs)}))`,
      );
    });
  }
  const problems = report.notes.filter((n) => n.level !== "info");
  if (problems.length > 0) {
    lines.push("", "### Scan notes", "");
    for (const n of problems) lines.push(findingLine(n));
  }
  return fitToLimit(`${lines.join("\n")}\n`);
}

/** Full detail: every check with its evidence and remediation, grouped by criterion. */
export function renderDetail(report: Report): string {
  const lines: string[] = [];
  for (const criterion of report.criteria) {
    const checks = report.checks.filter((c) => c.criterion === criterion.id);
    if (checks.length === 0) continue;
    lines.push(`## ${criterion.title}: ${criterion.score === null ? "n/a" : `${criterion.score}/100`}`, "");
    for (const check of checks) {
      // Titles of custom rules come from the repository's config: escaped like any repo text.
      lines.push(
        `### ${ICON[check.status]} ${escapeMarkdown(check.title)} (${codeSpan(check.id)}, ${statusLabel(check.status)})`,
        "",
      );
      for (const f of check.findings.slice(0, 25)) lines.push(findingLine(f));
      if (check.findings.length > 25) lines.push(`- … ${check.findings.length - 25} more`);
      if (check.status === "fail" || check.status === "partial")
        lines.push("", `**How to fix:** ${escapeProse(check.remediation)} ([docs](${safeUrl(check.docs)}))`);
      lines.push("");
    }
  }
  const info = report.notes.filter((n) => n.level === "info");
  if (info.length > 0) {
    lines.push("## Scan notes", "");
    for (const n of info) lines.push(findingLine(n));
    lines.push("");
  }
  lines.push(
    `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)} · ${report.stats.files} files listed, ${report.stats.filesRead} read</sub>`,
  );
  return fitToLimit(`${lines.join("\n")}\n`);
}

/** The Markdown report in the two parts a check run takes. */
export function renderMarkdown(report: Report): MarkdownReport {
  return { title: reportTitle(report), summary: renderSummary(report), text: renderDetail(report) };
}

/** One Markdown document (for the CLI): title, summary, then the detail. */
export function renderMarkdownDocument(report: Report): string {
  const md = renderMarkdown(report);
  return `# ${md.title}\n\n${md.summary}\n${md.text}`;
}
