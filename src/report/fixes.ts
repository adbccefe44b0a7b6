import type { CheckResult, Finding, Report } from "../engine/types.js";

/** A check that falls short, with the points a full score would add. */
export interface Fix {
  readonly check: CheckResult;
  readonly gain: number;
  /** The most specific advice: the first shortfall finding's remediation, else the check's. */
  readonly advice: string;
  readonly docs: string;
  /** The finding the advice comes from, if any (for its path and line). */
  readonly finding?: Finding;
}

/** A finding that names a shortfall and says how to fix it. */
function shortfall(f: Finding): boolean {
  return f.level !== "info" && f.remediation !== undefined;
}

/**
 * The fixes that would raise the score most, largest gain first (ties by check order). A check
 * that passes counts only when one of its findings names a shortfall: otherwise its general
 * advice would be for something the repository already has.
 */
export function topFixes(report: Report, limit = 5): Fix[] {
  return report.checks
    .filter(
      (c) =>
        c.gain > 0 &&
        (c.status === "fail" || c.status === "partial" || (c.status === "pass" && c.findings.some(shortfall))),
    )
    .map((check, order) => {
      const finding = check.findings.find(shortfall);
      return {
        check,
        gain: check.gain,
        advice: finding?.remediation ?? check.remediation,
        docs: finding?.docs ?? check.docs,
        order,
        ...(finding ? { finding } : {}),
      };
    })
    .sort((a, b) => b.gain - a.gain || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...fix }) => fix);
}

/** Human label of a check status. */
export function statusLabel(status: CheckResult["status"]): string {
  return { pass: "pass", partial: "partial", fail: "fail", not_applicable: "n/a", error: "error" }[status];
}

/** Where a finding points, as `path:line`. */
export function location(f: Finding): string | undefined {
  if (f.path === undefined) return undefined;
  return f.line !== undefined ? `${f.path}:${f.line}` : f.path;
}
