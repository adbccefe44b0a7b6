/**
 * The ranked table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break) for spreadsheets. Cells that a spreadsheet would run as a
 * formula are defused (OWASP's advice on CSV injection).
 */
import { CRITERION_COLUMNS, type RankedRow } from "./ranking.js";

/** Quote a field when it needs it and defuse a leading formula character. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // =, +, -, @, tab and CR start formulas in Excel, LibreOffice and Google Sheets; a leading
  // apostrophe makes the cell text. Our own numbers are never negative, so none are touched.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV document: one header row, one row per repository in rank order. */
export function renderCsv(rows: readonly RankedRow[]): string {
  const header = [
    "rank",
    "repository",
    "status",
    "score",
    "grade",
    ...CRITERION_COLUMNS.map((c) => c.id),
    "gap_1",
    "gap_1_points",
    "gap_2",
    "gap_2_points",
    "gap_3",
    "gap_3_points",
    "commit",
    "reason",
  ];
  const lines = [header.map(csvField).join(",")];
  for (const r of rows) {
    const gaps = [0, 1, 2].flatMap((i) => {
      const g = r.gaps[i];
      return g ? [g.check, g.points.toFixed(1)] : ["", ""];
    });
    const scanned = r.row.status === "scanned" ? r.row : undefined;
    const failed = r.row.status === "failed" ? r.row : undefined;
    const fields = [
      r.rank,
      r.row.name,
      scanned ? "scanned" : (failed?.failure ?? ""),
      r.score,
      r.grade,
      ...r.criteria,
      ...gaps,
      scanned?.report.repo.sha ?? "",
      failed?.reason ?? "",
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
