import type { Report } from "../engine/types.js";

/**
 * The JSON report, stable and documented in the README. Field order is fixed here, not left to
 * the engine's object shapes, so that additions never reorder the output.
 */
export function renderJson(report: Report): string {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    repo: { source: report.repo.source, name: report.repo.name, ref: report.repo.ref, sha: report.repo.sha },
    score: report.score,
    grade: report.grade,
    threshold: report.threshold,
    passed: report.passed,
    criteria: report.criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight, score: c.score })),
    checks: report.checks.map((c) => ({
      id: c.id,
      criterion: c.criterion,
      title: c.title,
      status: c.status,
      score: c.score === null ? null : Math.round(c.score * 1000) / 1000,
      weight: c.weight,
      gain: c.gain,
      ...(c.exemption !== undefined ? { exemption: c.exemption } : {}),
      findings: c.findings.map((f) => ({
        id: f.id,
        level: f.level,
        message: f.message,
        ...(f.path !== undefined ? { path: f.path } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.remediation !== undefined ? { remediation: f.remediation } : {}),
        ...(f.docs !== undefined ? { docs: f.docs } : {}),
      })),
    })),
    notes: report.notes.map((f) => ({
      id: f.id,
      level: f.level,
      message: f.message,
      ...(f.path ? { path: f.path } : {}),
      ...(f.line ? { line: f.line } : {}),
    })),
    stats: {
      files: report.stats.files,
      filesRead: report.stats.filesRead,
      bytesRead: report.stats.bytesRead,
      durationMs: report.stats.durationMs,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
