import { describe, expect, it } from "vitest";
import { CHECKS } from "../../../checks/index.js";
import { ConfigSchema } from "../../../src/engine/config.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { topFixes } from "../../../src/report/fixes.js";
import { runCheck, snapshotOf, type Tree } from "../../helpers/tree.js";

const EMPTY: Tree = {};
const README_ONLY: Tree = { "README.md": "# Churn prediction\n\nComing soon: a model that predicts churn.\n" };
const COMPOSE_ONLY: Tree = {
  "compose.yaml": "services:\n  db:\n    image: postgres:16.4\n    ports: ['5432:5432']\n",
};
const GO_SERVICE: Tree = {
  "go.mod": "module example.com/api\n\ngo 1.22\n",
  "main.go": 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
};

const byId = (id: string) => {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
};

/** Code-dependent checks have nothing to judge without code; the basics still fail. */
const cases: [string, Tree, string, CheckStatus, string][] = [
  ["empty", EMPTY, "monitoring.observability", "not_applicable", "no-source"],
  ["empty", EMPTY, "scalability.experiment_tracking", "not_applicable", "no-source"],
  ["empty", EMPTY, "scalability.data_versioning", "not_applicable", "no-source"],
  ["empty", EMPTY, "scalability.serving", "not_applicable", "no-source"],
  ["empty", EMPTY, "scalability.distributed", "not_applicable", "no-source"],
  ["empty", EMPTY, "scalability.deployment", "not_applicable", "no-source"],
  ["empty", EMPTY, "containerization.dockerfile", "not_applicable", "no-source"],
  ["empty", EMPTY, "code_quality.secrets", "not_applicable", "no-source"],
  ["empty", EMPTY, "testing.tests", "fail", "no-source"],
  ["empty", EMPTY, "code_structure.modules", "fail", "no-source"],
  ["empty", EMPTY, "documentation.readme", "fail", "readme-missing"],
  ["empty", EMPTY, "documentation.license", "fail", "license-missing"],
  ["empty", EMPTY, "ci_cd.workflows", "fail", "no-workflows"],
  ["README only", README_ONLY, "monitoring.observability", "not_applicable", "no-source"],
  ["README only", README_ONLY, "testing.tests", "fail", "no-source"],
  ["README only", README_ONLY, "code_quality.secrets", "not_applicable", "no-source"],
  // Evidence that stands without code still counts.
  ["a compose file and no code", COMPOSE_ONLY, "scalability.deployment", "partial", "compose-backing-only"],
  // A project in another language is not "no code": its absences are still reported.
  ["a Go service", GO_SERVICE, "monitoring.observability", "fail", "observability-none"],
  ["a Go service", GO_SERVICE, "code_quality.secrets", "pass", "no-secrets"],
  [
    "an empty module is the start of code",
    { "serve.py": "" },
    "monitoring.observability",
    "fail",
    "observability-none",
  ],
];

describe("a repository without source code", () => {
  it.each(cases)("%s: %s -> %s (%s)", (_name, tree, id, status, finding) => {
    const run = runCheck(byId(id), tree);
    expect(run.status).toBe(status);
    expect(run.ids).toContain(finding);
  });

  it.each([
    ["empty", EMPTY],
    ["README only", README_ONLY],
  ])("%s: the report asks for code, tests and a README, not observability", (_name, tree) => {
    const report = evaluate(snapshotOf(tree, CHECKS), CHECKS, {
      config: ConfigSchema.parse({}),
      tool: { name: "portfolio-quality", version: "test" },
    });
    const criterion = (id: string) => report.criteria.find((c) => c.id === id)?.score;
    expect(criterion("code_quality")).toBeNull();
    expect(criterion("monitoring")).toBeNull();
    expect(criterion("scalability")).toBeNull();
    const top = topFixes(report, 3).map((f) => f.check.id);
    expect(top).toEqual(["testing.tests", "code_structure.modules", "documentation.readme"]);
    expect(report.grade).toBe("F");
  });
});
