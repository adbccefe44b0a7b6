import { describe, expect, it } from "vitest";
import type { CheckResult, Report } from "../../src/engine/types.js";
import { topFixes } from "../../src/report/fixes.js";
import { renderJson } from "../../src/report/json.js";
import { renderTerminal } from "../../src/report/terminal.js";
import { sampleReport } from "../helpers/report.js";

describe("terminal report", () => {
  it("shows the total, each criterion and the top fixes, without colour when asked", () => {
    const out = renderTerminal(sampleReport(), { color: false });
    expect(out).toContain("Portfolio quality: 74/100 (C)");
    expect(out).toMatch(/Testing\s+█{10}░{10}\s+50/);
    expect(out).toMatch(/Scalability and MLOps\s+n\/a/);
    expect(out).toContain("1. +11.4 testing.coverage: Add [tool.coverage.report] fail_under = 80");
    expect(out).toContain("pyproject.toml:3");
    expect(out).not.toContain("\u001b[");
  });

  it("colours only when told to", () => {
    expect(renderTerminal(sampleReport(), { color: true })).toContain("\u001b[32m");
  });
});

describe("json report", () => {
  it("has the documented shape", () => {
    const json = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(json)).toEqual([
      "tool",
      "repo",
      "score",
      "grade",
      "threshold",
      "passed",
      "criteria",
      "checks",
      "notes",
      "stats",
    ]);
    expect(json.criteria[0]).toEqual({ id: "testing", title: "Testing", weight: 20, score: 50 });
    expect(json.checks[0]).toMatchObject({
      id: "testing.coverage",
      criterion: "testing",
      status: "fail",
      score: 0,
      weight: 2,
    });
    expect(json.checks[0].findings[0]).toEqual({
      id: "no-coverage",
      level: "failure",
      message: "No coverage configuration",
      path: "pyproject.toml",
      line: 3,
      remediation: "Add [tool.coverage.report] fail_under = 80",
      docs: "https://coverage.readthedocs.io/",
    });
    expect(json.stats).toEqual({ files: 12, filesRead: 5, bytesRead: 1000, durationMs: 3 });
  });
});

describe("top fixes", () => {
  it("orders by points gained and skips what cannot gain", () => {
    const fixes = topFixes(sampleReport());
    expect(fixes.map((f) => f.check.id)).toEqual(["testing.coverage"]);
    expect(fixes[0]?.finding?.path).toBe("pyproject.toml");
  });

  it("lists a passing check only when a finding names a shortfall, with that finding's advice", () => {
    const r = sampleReport();
    const passing = (findings: CheckResult["findings"]): Report => ({
      ...r,
      checks: r.checks.map((c) =>
        c.id === "documentation.readme" ? { ...c, score: 0.9, gain: 1.5, findings: [...c.findings, ...findings] } : c,
      ),
    });
    // Only evidence: its general advice ("Write a README.") would be for what the repository has.
    expect(topFixes(passing([])).map((f) => f.check.id)).toEqual(["testing.coverage"]);
    const gap = {
      id: "no-usage",
      level: "warning" as const,
      message: "No usage example",
      remediation: "Show one command that runs it.",
    };
    const fixes = topFixes(passing([gap]));
    expect(fixes.map((f) => [f.check.id, f.advice])).toEqual([
      ["testing.coverage", "Add [tool.coverage.report] fail_under = 80"],
      ["documentation.readme", "Show one command that runs it."],
    ]);
  });
});

describe("terminal report width and fixes", () => {
  const long = "x".repeat(150);
  const report = () => {
    const r = sampleReport();
    const checks = r.checks.map((c) =>
      c.id === "testing.coverage"
        ? { ...c, findings: [{ ...c.findings[0], message: long } as (typeof c.findings)[0]] }
        : c,
    );
    return { ...r, checks };
  };

  it("shows the fix under each check that falls short", () => {
    expect(renderTerminal(sampleReport(), { color: false })).toMatch(
      /testing\.coverage[\s\S]*→ Add \[tool\.coverage\.report\] fail_under = 80/,
    );
  });

  it("cuts long lines to the terminal's width, and never with --verbose", () => {
    const narrow = renderTerminal(report(), { color: false, width: 80 });
    expect(narrow.split("\n").every((l) => l.length <= 80)).toBe(true);
    expect(narrow).not.toContain(long);
    expect(renderTerminal(report(), { color: false, width: 80, verbose: true })).toContain(long);
    expect(renderTerminal(report(), { color: false, width: 250 })).toContain(long);
  });
});
