import type { CheckResult, Report } from "../../src/engine/types.js";

/** A small report literal for renderer tests, with overridable parts. */
export function sampleReport(overrides: Partial<Report> = {}, checks: CheckResult[] = sampleChecks()): Report {
  return {
    tool: { name: "portfolio-quality", version: "1.2.3" },
    repo: { source: "local", name: "demo", ref: null, sha: null },
    score: 74,
    grade: "C",
    threshold: 70,
    passed: true,
    criteria: [
      { id: "testing", title: "Testing", weight: 20, score: 50 },
      { id: "documentation", title: "Documentation", weight: 15, score: 100 },
      { id: "scalability", title: "Scalability and MLOps", weight: 5, score: null },
    ],
    checks,
    notes: [],
    stats: { files: 12, filesRead: 5, bytesRead: 1000, durationMs: 3 },
    ...overrides,
  };
}

/** Three checks: a failing one with a located finding, a passing one, a not applicable one. */
export function sampleChecks(): CheckResult[] {
  return [
    {
      id: "testing.coverage",
      criterion: "testing",
      title: "Coverage measured with a threshold",
      status: "fail",
      score: 0,
      weight: 2,
      gain: 11.4,
      remediation: "Add pytest-cov with --cov-fail-under=80.",
      docs: "https://coverage.readthedocs.io/",
      findings: [
        {
          id: "no-coverage",
          level: "failure",
          message: "No coverage configuration",
          path: "pyproject.toml",
          line: 3,
          remediation: "Add [tool.coverage.report] fail_under = 80",
          docs: "https://coverage.readthedocs.io/",
        },
      ],
    },
    {
      id: "documentation.readme",
      criterion: "documentation",
      title: "README with substance",
      status: "pass",
      score: 1,
      weight: 3,
      gain: 0,
      remediation: "Write a README.",
      docs: "https://www.makeareadme.com/",
      findings: [{ id: "readme", level: "info", message: "README.md has setup and usage", path: "README.md" }],
    },
    {
      id: "scalability.serving",
      criterion: "scalability",
      title: "Model serving API",
      status: "not_applicable",
      score: null,
      weight: 1,
      gain: 0,
      remediation: "Serve the model.",
      docs: "https://fastapi.tiangolo.com/",
      findings: [],
    },
  ];
}
