/**
 * One repository's full report as HTML, shown in a dialog of the ranked page: criteria, top
 * fixes, every check with its findings and how to fix it, scan notes. All text goes through
 * `escapeHtml`; only https URLs become links.
 */
import type { CheckResult, Finding, Report } from "../engine/types.js";
import { location, statusLabel, topFixes } from "./fixes.js";

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escaped text with `code spans` (as the checks write commands and paths) shown as code. */
export function richText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** An https URL as an attribute value, or undefined: no javascript:, data: or relative links. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined || !/^https:\/\/[^\s"'<>`\\]+$/.test(url)) return undefined;
  return escapeHtml(url);
}

/** A link when the URL is safe, else the label alone. */
export function link(url: string | undefined, label: string): string {
  const href = safeHref(url);
  return href
    ? `<a href="${href}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`
    : escapeHtml(label);
}

/** The CSS class of a 0-100 score: pass at 75, partial from 25, as the checklist's bands. */
export function toneClass(score: number | null): string {
  if (score === null) return "s-na";
  return score >= 75 ? "s-pass" : score >= 25 ? "s-partial" : "s-fail";
}

const STATUS_CLASS: Record<CheckResult["status"], string> = {
  pass: "s-pass",
  partial: "s-partial",
  fail: "s-fail",
  not_applicable: "s-na",
  error: "s-fail",
};

/** Findings shown per check; the rest are counted. */
const MAX_FINDINGS = 100;

function findingItem(f: Finding): string {
  const where = location(f);
  const level = f.level === "failure" ? "✘" : f.level === "warning" ? "!" : "·";
  const parts = [
    `<span class="${f.level === "failure" ? "s-fail" : f.level === "warning" ? "s-partial" : "s-na"}">${level}</span> ${richText(f.message)}`,
  ];
  if (where) parts.push(` <code>${escapeHtml(where)}</code>`);
  if (f.remediation) parts.push(`<br><em>Fix:</em> ${richText(f.remediation)}`);
  if (f.docs && safeHref(f.docs)) parts.push(` (${link(f.docs, "docs")})`);
  return `<li>${parts.join("")}</li>`;
}

function checkItem(check: CheckResult): string {
  const shortfall = check.status === "fail" || check.status === "partial" || check.status === "error";
  const findings = check.findings.slice(0, MAX_FINDINGS).map(findingItem);
  if (check.findings.length > MAX_FINDINGS) findings.push(`<li>… ${check.findings.length - MAX_FINDINGS} more</li>`);
  const fix = shortfall
    ? `<p class="fix"><strong>How to fix:</strong> ${richText(check.remediation)} (${link(check.docs, "docs")})</p>`
    : "";
  const exempt = check.exemption ? `<p class="fix">Exempted: ${escapeHtml(check.exemption)}</p>` : "";
  const score = check.score === null ? "" : ` · ${Math.round(check.score * 100)}%`;
  return (
    `<li><details${shortfall ? " open" : ""}><summary><span class="badge ${STATUS_CLASS[check.status]}">${statusLabel(check.status)}</span> ` +
    `${escapeHtml(check.title)} <code>${escapeHtml(check.id)}</code>${score}</summary>` +
    `${findings.length > 0 ? `<ul class="findings">${findings.join("")}</ul>` : ""}${fix}${exempt}</details></li>`
  );
}

function criteriaTable(report: Report): string {
  // <meter> draws the bar and its colour band without a style attribute, which the CSP forbids.
  const rows = report.criteria.map((c) => {
    const bar =
      c.score === null ? "" : `<meter min="0" max="100" low="25" high="75" optimum="100" value="${c.score}"></meter>`;
    return (
      `<tr><th scope="row">${escapeHtml(c.title)}</th><td>${bar}</td>` +
      `<td class="${toneClass(c.score)}">${c.score === null ? "n/a" : c.score}</td><td class="meta">weight ${c.weight}</td></tr>`
    );
  });
  return `<table class="criteria"><tbody>${rows.join("")}</tbody></table>`;
}

/** The dialog holding one repository's report; `id` is generated, never taken from the repository. */
export function renderDetailDialog(id: string, report: Report, repoUrl?: string): string {
  const title = `${id}-title`;
  const sha = report.repo.sha ? `commit <code>${escapeHtml(report.repo.sha.slice(0, 12))}</code>` : "";
  const ref = report.repo.ref ? ` on <code>${escapeHtml(report.repo.ref)}</code>` : "";
  const meta = [
    `${sha}${ref}`,
    `${report.stats.files} files listed, ${report.stats.filesRead} read`,
    repoUrl && safeHref(repoUrl) ? link(repoUrl, "repository on GitHub") : "",
  ].filter(Boolean);
  const fixes = topFixes(report).map(
    (f) =>
      `<li><strong>+${f.gain.toFixed(1)}</strong> <code>${escapeHtml(f.check.id)}</code>: ${richText(f.advice)} (${link(f.docs, "docs")})</li>`,
  );
  const sections: string[] = [];
  for (const criterion of report.criteria) {
    const checks = report.checks.filter((c) => c.criterion === criterion.id);
    if (checks.length === 0) continue;
    const score = criterion.score === null ? "n/a" : `${criterion.score}/100`;
    sections.push(
      `<h4>${escapeHtml(criterion.title)}: <span class="${toneClass(criterion.score)}">${score}</span></h4><ul class="checks">${checks.map(checkItem).join("")}</ul>`,
    );
  }
  const notes = report.notes.map(findingItem);
  return [
    `<dialog id="${id}" aria-labelledby="${title}"><div class="detail">`,
    `<header><h2 id="${title}">${escapeHtml(report.repo.name)} <span class="score ${toneClass(report.score)}">${report.score}/100 (${report.grade})</span></h2>`,
    `<button type="button" class="close" data-close>Close</button></header>`,
    `<p class="meta">${meta.join(" · ")}</p>`,
    "<h3>Criteria</h3>",
    criteriaTable(report),
    fixes.length > 0 ? `<h3>Top fixes</h3><ol>${fixes.join("")}</ol>` : "",
    "<h3>Checks</h3>",
    sections.join(""),
    notes.length > 0 ? `<h3>Scan notes</h3><ul class="findings">${notes.join("")}</ul>` : "",
    "</div></dialog>",
  ].join("\n");
}
