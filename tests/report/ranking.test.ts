/**
 * The ranked table model and its terminal, Markdown and JSON renderings: order, shared ranks,
 * rows that were not scanned, criteria columns, the three largest gaps, escaping.
 */
import { describe, expect, it } from "vitest";
import type { CheckResult, Report } from "../../src/engine/types.js";
import {
  gapsOf,
  rankRows,
  renderRankingJson,
  renderRankingMarkdown,
  renderRankingMarkdownTable,
  renderRankingTerminal,
  type ScanRow,
} from "../../src/report/ranking.js";
import { sampleChecks, sampleReport } from "../helpers/report.js";

function gapCheck(id: string, gain: number, status: CheckResult["status"] = "fail"): CheckResult {
  return {
    id,
    criterion: "testing",
    title: `Title of ${id}`,
    status,
    score: status === "pass" ? 0.9 : 0,
    weight: 1,
    gain,
    remediation: `Fix ${id}.`,
    docs: "https://example.org/docs",
    findings: [],
  };
}

function scanned(name: string, score: number, checks?: CheckResult[]): ScanRow {
  const report: Report = sampleReport(
    { score, repo: { source: "github", name, ref: "main", sha: "a".repeat(40) } },
    checks,
  );
  return { status: "scanned", name, report };
}

const failed = (name: string): ScanRow => ({
  status: "failed",
  name,
  failure: "not_found",
  reason: "not found or not accessible",
});

describe("rankRows", () => {
  it("orders by score, shares ranks between equal scores, names break ties, failures last in given order", () => {
    const rows = rankRows([
      failed("z/gone"),
      scanned("b/two", 70),
      scanned("c/top", 91),
      failed("a/gone"),
      scanned("A/two", 70),
      scanned("d/low", 12),
    ]);
    expect(rows.map((r) => [r.rank, r.row.name])).toEqual([
      [1, "c/top"],
      [2, "A/two"],
      [2, "b/two"],
      [4, "d/low"],
      [null, "z/gone"],
      [null, "a/gone"],
    ]);
  });

  it("gives every criterion a column in the checklist's order, null where the report has none or n/a", () => {
    const [row] = rankRows([scanned("o/r", 74)]);
    // sampleReport has testing 50, documentation 100, scalability null, and nothing else.
    expect(row?.criteria).toEqual([50, 100, null, null, null, null, null, null]);
    const [gone] = rankRows([failed("o/x")]);
    expect(gone?.criteria).toEqual(Array(8).fill(null));
    expect(gone?.gaps).toEqual([]);
  });
});

describe("gapsOf", () => {
  it("keeps the three shortfalls worth the most points, largest first, with advice and docs", () => {
    const checks = [gapCheck("a", 2), gapCheck("b", 9.04), gapCheck("c", 0), gapCheck("d", 5), gapCheck("e", 7.26)];
    expect(gapsOf(sampleReport({}, checks)).map((g) => [g.check, g.points])).toEqual([
      ["b", 9],
      ["e", 7.3],
      ["d", 5],
    ]);
    expect(gapsOf(sampleReport({}, sampleChecks()))).toEqual([
      {
        check: "testing.coverage",
        title: "Coverage measured with a threshold",
        points: 11.4,
        advice: "Add [tool.coverage.report] fail_under = 80",
        docs: "https://coverage.readthedocs.io/",
      },
    ]);
  });
});

describe("renderers", () => {
  const rows = rankRows([scanned("ada/churn", 83), failed("ghost/x")]);

  it("Markdown: one header, one row per repository, reasons for the rest, text escaped", () => {
    const table = renderRankingMarkdownTable(rows);
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "| # | Repository | Score | Grade | Tests | Docs | CI/CD | Structure | Quality | Docker | Logging | MLOps | Top gaps |",
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^\| 1 \| ada/);
    expect(lines[2]).toContain("| **83** | C | 50 | 100 | n/a |");
    expect(lines[2]).toContain("`testing.coverage` +11.4");
    expect(lines[3]).toMatch(/^\| – \| ghost/);
    expect(lines[3]).toContain("not scanned: not found or not accessible");
    const hostile = renderRankingMarkdownTable(
      rankRows([{ status: "failed", name: "x/y", failure: "error", reason: "boom | @everyone <b>hi</b> #1" }]),
    );
    expect(hostile).not.toContain("@everyone");
    expect(hostile).not.toContain("<b>");
    expect(hostile.split("\n")[2]?.match(/(?<!\\)\|/g)).toHaveLength(14);
    expect(
      renderRankingMarkdown(rows, { tool: { name: "pq", version: "1.0.0" }, scannedAt: "2025-03-04T00:00:00Z" }),
    ).toMatch(
      /^# Portfolio quality: 2 repositories: 1 scanned, 1 not scanned\n\nRanked by score .* on 2025-03-04 with pq 1\.0\.0\./,
    );
  });

  it("terminal: aligned columns and gaps without colour; colour on request", () => {
    const text = renderRankingTerminal(rows, { color: false });
    expect(text).not.toContain("\u001b[");
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^ {2}# {2}Repository +Score {2}Grade {2}Tests Docs CI\/CD Structure/);
    expect(lines[1]).toMatch(/^ {2}1 {2}ada\/churn +83 {2}C +50 +100 +n\/a/);
    expect(lines[2]).toBe("     gaps: testing.coverage (+11.4)");
    expect(lines[3]).toMatch(/^ {2}– {2}ghost\/x +not scanned: not found or not accessible$/);
    expect(renderRankingTerminal(rows, { color: true })).toContain("\u001b[32m");
  });

  it("JSON: rank, scores, criteria by id, gaps and the full report of each scanned repository", () => {
    const doc = JSON.parse(renderRankingJson(rows, { tool: { name: "pq", version: "1.0.0" } }));
    expect(doc.scannedAt).toBeUndefined();
    expect(doc.repositories[0]).toMatchObject({
      rank: 1,
      repository: "ada/churn",
      status: "scanned",
      score: 83,
      grade: "C",
      commit: "a".repeat(40),
      criteria: { testing: 50, documentation: 100, ci_cd: null, scalability: null },
      gaps: [{ check: "testing.coverage", points: 11.4 }],
    });
    expect(doc.repositories[0].report.checks).toHaveLength(3);
    expect(doc.repositories[1]).toEqual({
      rank: null,
      repository: "ghost/x",
      status: "failed",
      failure: "not_found",
      reason: "not found or not accessible",
    });
  });
});
