/**
 * Many repositories as one ranked table: the model every recruiter format renders (terminal,
 * Markdown, CSV, JSON, HTML, the App's comment), and the terminal, Markdown and JSON tables.
 * Pure: no I/O.
 */
import { CRITERIA } from "../engine/criteria.js";
import type { CriterionId, Grade, Report } from "../engine/types.js";
import { escapeMarkdown } from "./escape.js";
import { topFixes } from "./fixes.js";
import { renderJson } from "./json.js";

/** Why a repository has no score. */
export type ScanFailure = "not_found" | "empty" | "archived" | "blocked" | "rate_limited" | "error";

/** One repository of a batch: scanned, with its report, or not, with the reason. */
export type ScanRow =
  | {
      readonly status: "scanned";
      readonly name: string;
      readonly report: Report;
      /** The repository's web page, when GitHub gave an https one. */
      readonly url?: string;
      /** API requests its scan made. */
      readonly requests?: number;
    }
  | { readonly status: "failed"; readonly name: string; readonly failure: ScanFailure; readonly reason: string };

/** A shortfall with the points a full score on it would add. */
export interface Gap {
  readonly check: string;
  readonly title: string;
  readonly points: number;
  readonly advice: string;
  readonly docs: string;
}

/** A row of the ranked table. */
export interface RankedRow {
  /** 1 for the best score; equal scores share a rank; null when the repository was not scanned. */
  readonly rank: number | null;
  readonly row: ScanRow;
  readonly score: number | null;
  readonly grade: Grade | null;
  /** Each criterion's score (0-100, null when none of its checks applied), in `CRITERIA` order. */
  readonly criteria: readonly (number | null)[];
  /** The three shortfalls worth the most points. */
  readonly gaps: readonly Gap[];
}

/** What every batch report says about itself. */
export interface RankingMeta {
  readonly tool: { readonly name: string; readonly version: string };
  /** When the scan ran (ISO 8601), if the caller wants it shown. */
  readonly scannedAt?: string;
}

const SHORT: Record<CriterionId, string> = {
  testing: "Tests",
  documentation: "Docs",
  ci_cd: "CI/CD",
  code_structure: "Structure",
  code_quality: "Quality",
  containerization: "Docker",
  monitoring: "Logging",
  scalability: "MLOps",
};

/** Short column headings for the criteria, in `CRITERIA` order. */
export const CRITERION_COLUMNS: readonly {
  readonly id: CriterionId;
  readonly label: string;
  readonly title: string;
}[] = CRITERIA.map((c) => ({ id: c.id, title: c.title, label: SHORT[c.id] }));

/** The top `limit` gaps of a report. */
export function gapsOf(report: Report, limit = 3): Gap[] {
  return topFixes(report, limit).map((f) => ({
    check: f.check.id,
    title: f.check.title,
    points: Math.round(f.gain * 10) / 10,
    advice: f.advice,
    docs: f.docs,
  }));
}

/**
 * Rank by score, best first; equal scores share a rank ("1, 2, 2, 4") and are ordered by name.
 * Repositories that were not scanned follow, in the order they were given.
 */
export function rankRows(rows: readonly ScanRow[]): RankedRow[] {
  const scanned = rows
    .filter((r): r is Extract<ScanRow, { status: "scanned" }> => r.status === "scanned")
    .sort((a, b) => b.report.score - a.report.score || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const ranked: RankedRow[] = [];
  scanned.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.score === row.report.score ? (previous.rank as number) : i + 1;
    ranked.push({
      rank,
      row,
      score: row.report.score,
      grade: row.report.grade,
      criteria: CRITERIA.map((c) => row.report.criteria.find((k) => k.id === c.id)?.score ?? null),
      gaps: gapsOf(row.report),
    });
  });
  for (const row of rows)
    if (row.status === "failed")
      ranked.push({ rank: null, row, score: null, grade: null, criteria: CRITERIA.map(() => null), gaps: [] });
  return ranked;
}

/** A gap as a short label: `testing.coverage (+11.4)`. */
export function gapLabel(gap: Gap): string {
  return `${gap.check} (+${gap.points.toFixed(1)})`;
}

/** "3 repositories: 2 scanned, 1 not scanned". */
export function batchSummary(rows: readonly RankedRow[]): string {
  const failed = rows.filter((r) => r.rank === null).length;
  const total = `${rows.length} ${rows.length === 1 ? "repository" : "repositories"}`;
  return failed === 0 ? total : `${total}: ${rows.length - failed} scanned, ${failed} not scanned`;
}

const cell = (score: number | null) => (score === null ? "n/a" : String(score));

/** The ranked table as a GitHub Markdown table; every repository-derived string is escaped. */
export function renderRankingMarkdownTable(rows: readonly RankedRow[]): string {
  const head = ["#", "Repository", "Score", "Grade", ...CRITERION_COLUMNS.map((c) => c.label), "Top gaps"];
  const lines = [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_h, i) => (i === 1 || i === head.length - 1 ? "---" : "---:")).join(" | ")} |`,
  ];
  for (const r of rows) {
    const name = escapeMarkdown(r.row.name);
    if (r.row.status === "failed") {
      const blanks = CRITERION_COLUMNS.map(() => "");
      lines.push(`| – | ${name} | – | – | ${blanks.join(" | ")} | not scanned: ${escapeMarkdown(r.row.reason)} |`);
      continue;
    }
    const gaps = r.gaps.map((g) => `\`${g.check}\` +${g.points.toFixed(1)}`).join("<br>");
    lines.push(
      `| ${r.rank} | ${name} | **${r.score}** | ${r.grade} | ${r.criteria.map(cell).join(" | ")} | ${gaps || "none"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The Markdown document for `--format markdown`: heading, table, and what was scored how. */
export function renderRankingMarkdown(rows: readonly RankedRow[], meta: RankingMeta): string {
  const when = meta.scannedAt ? ` on ${meta.scannedAt.slice(0, 10)}` : "";
  return [
    `# Portfolio quality: ${batchSummary(rows)}`,
    "",
    `Ranked by score out of 100; criteria scored 0-100 (n/a: nothing to judge). Scanned${when} with ${meta.tool.name} ${meta.tool.version}.`,
    "",
    renderRankingMarkdownTable(rows),
  ].join("\n");
}

/** The ranked table for a terminal; colour only when asked. */
export function renderRankingTerminal(rows: readonly RankedRow[], options: { readonly color: boolean }): string {
  const paint = options.color
    ? (code: string, t: string) => `\u001b[${code}m${t}\u001b[0m`
    : (_c: string, t: string) => t;
  const tone = (s: number | null) => (s === null ? "90" : s >= 75 ? "32" : s >= 25 ? "33" : "31");
  const nameWidth = Math.min(40, Math.max(10, ...rows.map((r) => r.row.name.length)));
  const clip = (t: string) => (t.length > nameWidth ? `${t.slice(0, nameWidth - 1)}…` : t.padEnd(nameWidth));
  const widths = CRITERION_COLUMNS.map((c) => Math.max(4, c.label.length));
  const head = `${"#".padStart(3)}  ${"Repository".padEnd(nameWidth)}  Score  Grade  ${CRITERION_COLUMNS.map((c, i) => c.label.padStart(widths[i] as number)).join(" ")}`;
  const lines = [paint("1", head)];
  for (const r of rows) {
    if (r.row.status === "failed") {
      lines.push(`${"–".padStart(3)}  ${clip(r.row.name)}  ${paint("31", `not scanned: ${r.row.reason}`)}`);
      continue;
    }
    const crit = r.criteria.map((s, i) => paint(tone(s), cell(s).padStart(widths[i] as number))).join(" ");
    lines.push(
      `${String(r.rank).padStart(3)}  ${clip(r.row.name)}  ${paint(tone(r.score), String(r.score).padStart(5))}  ${(r.grade ?? "").padEnd(5)}  ${crit}`,
    );
    if (r.gaps.length > 0) lines.push(paint("90", `     gaps: ${r.gaps.map(gapLabel).join(", ")}`));
  }
  lines.push(
    "",
    paint(
      "90",
      `${batchSummary(rows)}. Criteria: ${CRITERION_COLUMNS.map((c) => `${c.label} = ${c.title}`).join(", ")}.`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

/** The JSON document for `--format json`: the ranked rows, each scanned one with its full report. */
export function renderRankingJson(rows: readonly RankedRow[], meta: RankingMeta): string {
  const repositories = rows.map((r) => {
    if (r.row.status === "failed")
      return { rank: null, repository: r.row.name, status: "failed", failure: r.row.failure, reason: r.row.reason };
    return {
      rank: r.rank,
      repository: r.row.name,
      status: "scanned",
      score: r.score,
      grade: r.grade,
      commit: r.row.report.repo.sha,
      criteria: Object.fromEntries(CRITERION_COLUMNS.map((c, i) => [c.id, r.criteria[i] ?? null])),
      gaps: r.gaps,
      ...(r.row.requests !== undefined ? { requests: r.row.requests } : {}),
      report: JSON.parse(renderJson(r.row.report)) as unknown,
    };
  });
  const out = {
    tool: meta.tool,
    ...(meta.scannedAt ? { scannedAt: meta.scannedAt } : {}),
    repositories,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
