/**
 * The recruiter's HTML report: one self-contained file (style and script inline, no request
 * to anywhere when it is opened) with the ranked table, sortable by any column, and each
 * repository's full report one click away in a dialog. Text from repositories is escaped, and
 * the Content-Security-Policy admits only this page's own style and script (by hash), so even
 * a missed escape could not run anything or reach the network.
 */
import { createHash } from "node:crypto";
import { REPORT_CSS, REPORT_JS } from "./html-assets.js";
import { escapeHtml, link, renderDetailDialog, toneClass } from "./html-detail.js";
import { batchSummary, CRITERION_COLUMNS, gapLabel, type RankedRow, type RankingMeta } from "./ranking.js";

export { escapeHtml, safeHref } from "./html-detail.js";

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The policy: nothing by default, this style and this script only, icons from data: URLs. */
export function contentSecurityPolicy(css = REPORT_CSS, js = REPORT_JS): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(css)}`,
    `script-src ${sha256(js)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

interface Column {
  readonly label: string;
  readonly title?: string;
  readonly type: "number" | "text";
  /** Scores sort best-first on the first click. */
  readonly first?: "descending";
}

const COLUMNS: readonly Column[] = [
  { label: "#", type: "number" },
  { label: "Repository", type: "text" },
  { label: "Score", type: "number", first: "descending" },
  { label: "Grade", type: "text" },
  ...CRITERION_COLUMNS.map((c): Column => ({ label: c.label, title: c.title, type: "number", first: "descending" })),
  { label: "Top gaps", type: "text" },
];

function headerCell(c: Column, index: number): string {
  const cls = c.type === "text" ? ' class="text"' : "";
  const first = c.first ? ` data-first="${c.first}"` : "";
  const title = c.title ? ` title="${escapeHtml(c.title)}"` : "";
  const sort = index === 0 ? ' aria-sort="ascending"' : "";
  return `<th scope="col"${cls} data-type="${c.type}"${first}${title}${sort}><button type="button">${escapeHtml(c.label)}</button></th>`;
}

function td(value: string | number | null, shown: string, cls = ""): string {
  const v = value === null ? "" : escapeHtml(String(value));
  return `<td${cls ? ` class="${cls}"` : ""} data-value="${v}">${shown}</td>`;
}

function rowHtml(r: RankedRow, order: number, dialogId: string | undefined): string {
  const name = escapeHtml(r.row.name);
  if (r.row.status === "failed") {
    const blanks = CRITERION_COLUMNS.map(() => td(null, ""));
    return (
      `<tr class="failed" data-order="${order}">${td(null, "–")}${td(r.row.name, name, "text")}${td(null, "–")}${td(null, "–")}` +
      `${blanks.join("")}${td(null, `not scanned: ${escapeHtml(r.row.reason)}`, "gaps")}</tr>`
    );
  }
  const opener = `<a class="link" href="#${dialogId}" data-open="${dialogId}">${name}</a>`;
  const criteria = r.criteria.map((s) => td(s, s === null ? "n/a" : String(s), toneClass(s)));
  const gaps = r.gaps.map((g) => `<code>${escapeHtml(g.check)}</code> +${g.points.toFixed(1)}`).join("<br>");
  return (
    `<tr data-order="${order}">${td(r.rank, String(r.rank))}${td(r.row.name, opener, "text")}` +
    `${td(r.score, `<span class="score">${r.score}</span>`, toneClass(r.score))}${td(r.grade, r.grade ?? "")}` +
    `${criteria.join("")}${td(r.gaps.map(gapLabel).join(", "), gaps || "none", "gaps")}</tr>`
  );
}

/** The whole HTML document. */
export function renderHtml(rows: readonly RankedRow[], meta: RankingMeta): string {
  const dialogs: string[] = [];
  const body = rows.map((r, i) => {
    const id = r.row.status === "scanned" ? `r-${i + 1}` : undefined;
    if (r.row.status === "scanned" && id) dialogs.push(renderDetailDialog(id, r.row.report, r.row.url));
    return rowHtml(r, i, id);
  });
  const when = meta.scannedAt ? ` on ${escapeHtml(meta.scannedAt.slice(0, 10))}` : "";
  const title = `Portfolio quality: ${batchSummary(rows)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${meta.tool.name} ${meta.tool.version}`)}">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="lead">Ranked by score out of 100; each criterion scored 0-100 (n/a: nothing to judge). Click a column heading to sort, a repository for its full report. Scanned${when} with ${link("https://github.com/portfolio-quality/portfolio-quality", `${meta.tool.name} ${meta.tool.version}`)}.</p>
<div class="wrap">
<table class="ranking" id="ranking">
<thead><tr>${COLUMNS.map(headerCell).join("")}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>
</div>
${dialogs.join("\n")}
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
