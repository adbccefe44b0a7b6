import { describe, expect, it } from "vitest";
import { type Check, defineCheck, failure, info, notApplicable, scored } from "../../src/engine/check.js";
import { ConfigSchema } from "../../src/engine/config.js";
import { evaluate, gradeOf, statusOf } from "../../src/engine/evaluate.js";
import type { CriterionId, RepoSnapshot } from "../../src/engine/types.js";

const snapshot: RepoSnapshot = {
  identity: { source: "local", name: "x", ref: null, sha: null },
  files: [{ path: "README.md", size: 3, mode: "file" }],
  notes: [],
  contents: new Map([["README.md", { kind: "text", text: "# x", encoding: "utf-8", truncated: false }]]),
};
const tool = { name: "portfolio-quality", version: "test" };

function fixed(id: string, criterion: CriterionId, score: number | null, weight = 1): Check {
  return defineCheck({
    id,
    title: id,
    criterion,
    weight,
    looksFor: "",
    why: "",
    remediation: `fix ${id}`,
    effort: "low",
    docs: "https://example.org",
    reads: [],
    evaluate: () =>
      score === null
        ? notApplicable(info("na", "n/a"))
        : scored(score, [score < 1 ? failure("short", "short") : info("ok", "ok")]),
  });
}

describe("scoring", () => {
  it.each([
    [1, "pass"],
    [0.75, "pass"],
    [0.74, "partial"],
    [0.25, "partial"],
    [0.24, "fail"],
    [0, "fail"],
    [null, "not_applicable"],
  ] as const)("score %s is %s", (score, status) => {
    expect(statusOf(score)).toBe(status);
  });

  it.each([
    [100, "A"],
    [90, "A"],
    [89, "B"],
    [80, "B"],
    [70, "C"],
    [60, "D"],
    [59, "F"],
  ] as const)("total %i is grade %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });

  it("weights checks inside a criterion and criteria in the total", () => {
    const checks = [
      fixed("testing.a", "testing", 1, 3),
      fixed("testing.b", "testing", 0, 1),
      fixed("documentation.a", "documentation", 0.5),
    ];
    const report = evaluate(snapshot, checks, { config: ConfigSchema.parse({}), tool });
    expect(report.criteria.find((c) => c.id === "testing")?.score).toBe(75);
    expect(report.criteria.find((c) => c.id === "documentation")?.score).toBe(50);
    // (20 * 0.75 + 15 * 0.5) / 35 = 0.642857...
    expect(report.score).toBe(64);
    expect(report.grade).toBe("D");
    expect(report.passed).toBe(false);
    // testing.b: (1 - 0) * (1/4) * 20 / 35 * 100 = 14.3 points
    expect(report.checks.find((c) => c.id === "testing.b")?.gain).toBe(14.3);
  });

  it("leaves criteria without applicable checks out of the total", () => {
    const report = evaluate(snapshot, [fixed("testing.a", "testing", 1), fixed("scalability.a", "scalability", null)], {
      config: ConfigSchema.parse({}),
      tool,
    });
    expect(report.score).toBe(100);
    expect(report.criteria.find((c) => c.id === "scalability")?.score).toBeNull();
  });

  it("reports a throwing check as an error, scored as not applicable, without failing the scan", () => {
    const broken = defineCheck({
      ...fixed("testing.x", "testing", 1),
      evaluate: () => {
        throw new Error("boom");
      },
    });
    const report = evaluate(snapshot, [broken, fixed("testing.a", "testing", 0.5)], {
      config: ConfigSchema.parse({}),
      tool,
    });
    const result = report.checks.find((c) => c.id === "testing.x");
    expect(result?.status).toBe("error");
    expect(result?.findings[0]?.message).toContain("boom");
    expect(report.score).toBe(50);
  });

  it("applies config weights, off switches and exemptions", () => {
    const checks = [
      fixed("testing.a", "testing", 1),
      fixed("testing.b", "testing", 0),
      fixed("documentation.a", "documentation", 0),
    ];
    const config = ConfigSchema.parse({
      threshold: 50,
      criteria: { documentation: 0 },
      checks: { "testing.b": "off" },
      exemptions: [],
    });
    const report = evaluate(snapshot, checks, { config, tool });
    expect(report.score).toBe(100);
    expect(report.passed).toBe(true);
    expect(report.checks.find((c) => c.id === "testing.b")?.status).toBe("not_applicable");
    const exempted = evaluate(snapshot, checks, {
      config: ConfigSchema.parse({ exemptions: [{ check: "testing.b", reason: "library" }] }),
      tool,
    });
    const b = exempted.checks.find((c) => c.id === "testing.b");
    expect(b?.exemption).toBe("library");
    expect(b?.findings[0]?.message).toBe("Exempted: library");
  });

  it("gives the same report for the same snapshot", () => {
    const checks = [fixed("testing.a", "testing", 0.3), fixed("ci_cd.a", "ci_cd", 0.9)];
    const a = evaluate(snapshot, checks, { config: ConfigSchema.parse({}), tool });
    const b = evaluate(snapshot, checks, { config: ConfigSchema.parse({}), tool });
    expect(a).toEqual(b);
  });
});
