import type { CheckResult, Report } from "../engine/types.js";
import { location, statusLabel, topFixes } from "./fixes.js";

/** How the terminal report is drawn; the CLI decides colour from the TTY and NO_COLOR. */
export interface TerminalOptions {
  readonly color: boolean;
  /** Show every finding, info included, instead of only the shortfalls. */
  readonly verbose?: boolean;
  /** Columns available (defaults to 100; the CLI passes the terminal's width). */
  readonly width?: number;
}

type Paint = (code: string, text: string) => string;

const ICON: Record<CheckResult["status"], string> = {
  pass: "✔",
  partial: "◐",
  fail: "✘",
  not_applicable: "·",
  error: "!",
};
const TONE: Record<CheckResult["status"], string> = {
  pass: "32",
  partial: "33",
  fail: "31",
  not_applicable: "90",
  error: "35",
};

function bar(score: number | null, width = 20): string {
  if (score === null) return " ".repeat(width);
  const full = Math.round((score / 100) * width);
  return "█".repeat(full) + "░".repeat(width - full);
}

function toneOf(score: number | null): string {
  if (score === null) return "90";
  return score >= 75 ? "32" : score >= 25 ? "33" : "31";
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The report as a terminal page: total and grade, criteria bars, checks, and the top fixes. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_c, text) => text;
  const width = Math.max(60, options.width ?? 100);
  // --verbose shows whole sentences; otherwise lines are cut to the terminal's width.
  const cut = (text: string, room: number) => (options.verbose ? text : clip(text, Math.max(20, room)));
  const lines: string[] = [];
  const verdict = report.passed
    ? paint("32", `passes the threshold of ${report.threshold}`)
    : paint("31", `below the threshold of ${report.threshold}`);
  lines.push(`${paint("1", `Portfolio quality: ${report.score}/100 (${report.grade})`)}  ${report.repo.name}`);
  lines.push(`${verdict} · ${report.stats.files} files listed, ${report.stats.filesRead} read`);
  lines.push("");
  for (const c of report.criteria) {
    const score = c.score === null ? "  n/a" : String(c.score).padStart(5);
    lines.push(
      `  ${c.title.padEnd(24)} ${paint(toneOf(c.score), bar(c.score))} ${score}  ${paint("90", `weight ${c.weight}`)}`,
    );
  }
  lines.push("");
  lines.push(paint("1", "Checks"));
  for (const check of report.checks) {
    const head = `  ${paint(TONE[check.status], ICON[check.status])} ${check.id.padEnd(34)} ${statusLabel(check.status).padEnd(8)}`;
    lines.push(`${head}${paint("90", cut(check.title, width - 50))}`);
    const shown = check.findings.filter(
      (f) => options.verbose || f.level !== "info" || check.status === "not_applicable" || check.status === "pass",
    );
    const limit = options.verbose ? shown.length : check.status === "pass" ? 1 : 3;
    for (const f of shown.slice(0, limit)) {
      const where = location(f);
      const mark =
        f.level === "failure" ? paint("31", "✘") : f.level === "warning" ? paint("33", "!") : paint("90", "·");
      const place = where ? cut(where, 60) : "";
      lines.push(`      ${mark} ${cut(f.message, width - 10 - place.length)}${place ? paint("90", `  ${place}`) : ""}`);
    }
    if (shown.length > limit) lines.push(paint("90", `      … ${shown.length - limit} more (use --verbose)`));
    if (check.status === "fail" || check.status === "partial") {
      const advice = check.findings.find((f) => f.level !== "info" && f.remediation)?.remediation ?? check.remediation;
      lines.push(`      ${paint("32", "→")} ${cut(advice, width - 8)}`);
    }
  }
  const fixes = topFixes(report);
  if (fixes.length > 0) {
    lines.push("");
    lines.push(paint("1", "Top fixes"));
    fixes.forEach((fix, i) => {
      lines.push(
        `  ${i + 1}. ${paint("32", `+${fix.gain.toFixed(1)}`)} ${fix.check.id}: ${clip(fix.advice, width - 20)}`,
      );
      lines.push(paint("90", `       ${fix.docs}`));
    });
  }
  for (const n of report.notes) lines.push(paint("90", `note: ${n.message}${n.path ? ` (${location(n)})` : ""}`));
  return `${lines.join("\n")}\n`;
}
