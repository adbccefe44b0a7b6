import { describe, expect, it } from "vitest";
import { workflowsCheck } from "../../../checks/ci_cd/workflows.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  ALIAS_BOMB,
  DOCS_DEPLOY,
  GITLAB_CI,
  INVALID_YAML,
  MISSING_NEEDS,
  NIGHTLY,
  NODE_CI,
  PYTHON_MATRIX,
  REUSABLE_REMOTE,
} from "./fixtures.js";

describe("ci_cd.workflows", () => {
  it.each<[string, Tree, string, string[]]>([
    [
      "a Python CI on push and pull_request",
      { ".github/workflows/ci.yml": PYTHON_MATRIX },
      "pass",
      ["workflow-on-change"],
    ],
    ["on: [push, pull_request] as a list", { ".github/workflows/node.yaml": NODE_CI }, "pass", ["workflow-on-change"]],
    [
      "a reusable workflow call on push",
      { ".github/workflows/ci.yml": REUSABLE_REMOTE },
      "pass",
      ["workflow-on-change"],
    ],
    [
      "CI beside a docs deploy",
      { ".github/workflows/ci.yml": PYTHON_MATRIX, ".github/workflows/docs.yml": DOCS_DEPLOY },
      "pass",
      ["workflow-on-change", "workflow-on-change"],
    ],
    [
      "a good workflow and a broken one",
      { ".github/workflows/ci.yml": PYTHON_MATRIX, ".github/workflows/release.yml": INVALID_YAML },
      "partial",
      ["workflow-broken", "workflow-on-change"],
    ],
    [
      "a good workflow and one whose needs names no job",
      { ".github/workflows/ci.yml": NODE_CI, ".github/workflows/deploy.yml": MISSING_NEEDS },
      "partial",
      ["workflow-broken", "workflow-on-change"],
    ],
    [
      "scheduled and manual only",
      { ".github/workflows/nightly.yml": NIGHTLY },
      "partial",
      ["workflow-other-trigger", "workflow-manual-only"],
    ],
    ["GitLab CI only", { ".gitlab-ci.yml": GITLAB_CI, "src/app.py": "print(1)\n" }, "partial", ["other-ci"]],
    ["only an invalid workflow", { ".github/workflows/ci.yml": INVALID_YAML }, "fail", ["workflow-broken"]],
    [
      "only a CI on push whose needs: names no job (one fix from running)",
      { ".github/workflows/ci.yml": MISSING_NEEDS },
      "partial",
      ["workflow-broken"],
    ],
    [
      "only a manual workflow whose needs: names no job",
      { ".github/workflows/ci.yml": MISSING_NEEDS.replace("on: [push]", "on: workflow_dispatch") },
      "fail",
      ["workflow-broken"],
    ],
    ["an alias bomb", { ".github/workflows/ci.yml": ALIAS_BOMB }, "fail", ["workflow-broken"]],
    ["no CI at all", { "README.md": "# churn\n", "train.py": "print('hi')\n" }, "fail", ["no-workflows"]],
    [
      "a workflow saved as Markdown and one in a subfolder",
      { ".github/workflows/ci.md": "```yaml\non: push\n```\n", ".github/workflows/old/ci.yml": NODE_CI },
      "fail",
      ["ignored-workflow-file", "ignored-workflow-file", "no-workflows"],
    ],
    [
      "a workflow in .github/workflow (singular)",
      { ".github/workflow/ci.yml": PYTHON_MATRIX },
      "fail",
      ["ignored-workflow-file", "no-workflows"],
    ],
  ])("%s -> %s", (_name, tree, status, ids) => {
    const r = runCheck(workflowsCheck, tree);
    expect(r.status).toBe(status);
    expect(r.ids).toEqual(ids);
  });

  it("reports a broken workflow with its file and line, and how to fix it", () => {
    const r = runCheck(workflowsCheck, {
      ".github/workflows/ci.yml": NODE_CI,
      ".github/workflows/deploy.yml": MISSING_NEEDS,
    });
    const broken = r.findings.find((f) => f.id === "workflow-broken");
    expect(broken).toMatchObject({ level: "failure", path: ".github/workflows/deploy.yml", line: 10 });
    expect(broken?.message).toContain('needs "tests"');
    expect(broken?.remediation).toBeTruthy();
    expect(broken?.docs).toMatch(/^https:\/\/docs\.github\.com\//);
  });

  it("a shortfall always carries remediation and docs", () => {
    const trees: Tree[] = [
      { "a.py": "" },
      { ".github/workflows/nightly.yml": NIGHTLY },
      { ".gitlab-ci.yml": GITLAB_CI },
    ];
    for (const tree of trees) {
      for (const f of runCheck(workflowsCheck, tree).findings.filter((x) => x.level !== "info")) {
        expect(f.remediation).toBeTruthy();
        expect(f.docs).toBeTruthy();
      }
    }
  });
});
