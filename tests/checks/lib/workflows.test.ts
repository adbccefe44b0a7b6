import { describe, expect, it } from "vitest";
import { parseWorkflow, triggersOf, WORKFLOW_READ, type Workflow, workflows } from "../../../checks/lib/workflows.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import { snapshotOf, type Tree } from "../../helpers/tree.js";
import { ALIAS_BOMB, INVALID_YAML, MISSING_NEEDS, NODE_CI, PYTHON_MATRIX, REUSABLE_REMOTE } from "../ci_cd/fixtures.js";

const view = (tree: Tree): RepoView => new RepoView(snapshotOf(tree, [{ reads: [WORKFLOW_READ] }]));

function parsed(text: string): Workflow {
  const w = parseWorkflow(".github/workflows/ci.yml", text);
  if ("message" in w) throw new Error(`broken: ${w.message}`);
  return w;
}

describe("triggersOf", () => {
  it.each([
    ["push", ["push"]],
    [
      ["push", "pull_request"],
      ["push", "pull_request"],
    ],
    [
      { push: { branches: ["main"] }, pull_request: null, schedule: [{ cron: "0 0 * * *" }] },
      ["push", "pull_request", "schedule"],
    ],
    [null, []],
    [42, []],
  ])("%j gives %j", (on, expected) => {
    expect(triggersOf(on)).toEqual(expected);
  });

  it("keeps `on` as a string key (YAML 1.2), not the boolean true of YAML 1.1", () => {
    expect(parsed("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n").triggers).toEqual(["push"]);
  });
});

describe("parseWorkflow", () => {
  it("reads jobs, steps, run lines and with inputs", () => {
    const w = parsed(PYTHON_MATRIX);
    expect(w.name).toBe("CI");
    expect(w.triggers).toEqual(["push", "pull_request"]);
    expect(w.triggersLine).toBe(3);
    const job = w.jobs[0];
    expect(job?.id).toBe("test");
    expect(job?.steps.map((s) => s.uses ?? s.run?.split("\n")[0])).toEqual([
      "actions/checkout@v4",
      "actions/setup-python@v5",
      "python -m pip install --upgrade pip",
      "ruff check src tests",
      "mypy src",
      "python -m pytest --cov=src --cov-report=xml -q",
      "codecov/codecov-action@v4",
    ]);
    // The block scalar's first command is on the line after `run: |`.
    expect(job?.steps[2]?.runLine).toBe(27);
    expect(job?.steps[6]?.with).toEqual({ token: `\${{ secrets.CODECOV_TOKEN }}` });
  });

  it("reads a reusable-workflow job (uses, no steps)", () => {
    const w = parsed(REUSABLE_REMOTE);
    expect(w.jobs[0]?.uses).toBe("acme-ml/shared-workflows/.github/workflows/python-ci.yml@v2");
    expect(w.jobs[0]?.steps).toEqual([]);
  });

  it("resolves working-directory from the step, the job and the workflow defaults", () => {
    const w = parsed(`on: push
defaults:
  run:
    working-directory: backend
jobs:
  a:
    runs-on: x
    steps:
      - run: pytest
      - run: npm test
        working-directory: web
`);
    expect(w.jobs[0]?.steps.map((s) => s.workingDirectory)).toEqual(["backend", "web"]);
  });

  it.each([
    ["invalid YAML", INVALID_YAML, /invalid YAML/, 3],
    ["no on", "jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n", /no `on:`/, 1],
    ["empty on", "on:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n", /names no event/, 1],
    ["no jobs", "on: push\nname: x\n", /no `jobs:`/, 1],
    ["needs a missing job", MISSING_NEEDS, /needs "tests"/, 10],
    ["job without steps or uses", "on: push\njobs:\n  a:\n    runs-on: x\n", /neither steps nor uses/, 3],
    [
      "step with run and uses",
      "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        uses: y@v1\n",
      /exactly one/,
      6,
    ],
    [
      "needs cycle",
      "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{run: y}]\n",
      /cycle/,
      1,
    ],
    ["not a mapping", "- just\n- a list\n", /not a YAML mapping/, 1],
    ["a job without runs-on", "on: push\njobs:\n  a:\n    steps:\n      - run: pytest\n", /no runs-on/, 3],
    [
      "an event that does not exist",
      "on: [push, pull-request]\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n",
      /"pull-request"/,
      1,
    ],
  ])("reports %s as broken, with its line", (_name, text, message, line) => {
    const w = parseWorkflow(".github/workflows/ci.yml", text);
    expect("message" in w).toBe(true);
    if ("message" in w) {
      expect(w.message).toMatch(message);
      expect(w.line).toBe(line);
    }
  });

  it("reports a YAML alias bomb as broken instead of expanding it", () => {
    const w = parseWorkflow(".github/workflows/bomb.yml", ALIAS_BOMB);
    expect("message" in w && w.message).toMatch(/invalid YAML|alias/i);
  }, 30_000);
});

describe("workflows(repo)", () => {
  it("splits parsed and broken workflows, ignoring non-YAML files and subfolders", () => {
    const repo = view({
      ".github/workflows/ci.yml": NODE_CI,
      ".github/workflows/bad.yaml": INVALID_YAML,
      ".github/workflows/README.md": "# Workflows\n",
      ".github/workflows/old/legacy.yml": NODE_CI,
      ".github/workflows/binary.yml": new Uint8Array([0, 1, 2, 3, 0, 255]),
    });
    const { parsed: ok, broken } = workflows(repo);
    expect(ok.map((w) => w.path)).toEqual([".github/workflows/ci.yml"]);
    expect(broken.map((b) => b.path).sort()).toEqual([".github/workflows/bad.yaml", ".github/workflows/binary.yml"]);
    expect(workflows(repo)).toBe(workflows(repo));
  });
});
