import { describe, expect, it } from "vitest";
import { pinnedActions, pinOf } from "../../../checks/ci_cd/pinned-actions.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { INVALID_YAML, MISSING_NEEDS, PYTHON_MATRIX, REUSABLE_REMOTE } from "./fixtures.js";

const SHA = "b4ffde65f46336ab88eb53be808477a3936bae11";
const SHA2 = "0ad4b8fadaa221de15dcec353f45205ec38ea70b";

const steps = (...uses: string[]): string =>
  `on: [push]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join("")}      - run: pytest\n`;

describe("pinOf", () => {
  it.each([
    [`docker/build-push-action@${SHA}`, "sha"],
    ["docker/build-push-action@v6", "tag"],
    ["docker/build-push-action@v6.9.0", "tag"],
    ["docker/build-push-action@main", "branch"],
    ["psf/black@stable", "branch"],
    ["docker/build-push-action@b4ffde6", "branch"],
    ["docker/build-push-action", "none"],
    ["org/repo/.github/workflows/ci.yml@v2", "tag"],
    [`docker://python@sha256:${"a".repeat(64)}`, "sha"],
    ["docker://python:3.12-slim", "tag"],
    ["docker://python:latest", "branch"],
    ["docker://alpine", "none"],
    ["./.github/actions/setup", undefined],
  ])("%s -> %s", (uses, pin) => {
    expect(pinOf(uses)).toBe(pin);
  });
});

describe("ci_cd.pinned_actions", () => {
  it.each<[string, Tree, string, string[]]>([
    [
      "third-party actions pinned to SHAs, first-party on tags",
      {
        ".github/workflows/ci.yml": steps(
          "actions/checkout@v4",
          `astral-sh/setup-uv@${SHA} # v3.2.0`,
          `codecov/codecov-action@${SHA2} # v4.6.0`,
        ),
      },
      "pass",
      ["action-pinned", "first-party-tag"],
    ],
    [
      "only first-party actions on tags",
      { ".github/workflows/ci.yml": steps("actions/checkout@v4", "actions/setup-python@v5") },
      "pass",
      ["first-party-tag"],
    ],
    [
      "a third-party action on a tag (typical)",
      { ".github/workflows/ci.yml": PYTHON_MATRIX },
      "partial",
      ["action-tag", "first-party-tag"],
    ],
    [
      "a reusable workflow of another repo on a tag",
      { ".github/workflows/ci.yml": REUSABLE_REMOTE },
      "partial",
      ["action-tag"],
    ],
    [
      "one pinned, one on a branch",
      { ".github/workflows/ci.yml": steps(`astral-sh/setup-uv@${SHA}`, "pypa/gh-action-pypi-publish@release/v1") },
      "partial",
      ["action-pinned", "action-unpinned"],
    ],
    [
      "third-party on main and a first-party action on master",
      { ".github/workflows/ci.yml": steps("actions/checkout@master", "peaceiris/actions-gh-pages@main") },
      "fail",
      ["action-unpinned", "action-unpinned"],
    ],
    [
      "a docker:// image without a tag",
      { ".github/workflows/ci.yml": steps("docker://alpine") },
      "fail",
      ["action-unpinned"],
    ],
    [
      "steps of a local composite action count too",
      {
        ".github/workflows/ci.yml": steps("./.github/actions/setup"),
        ".github/actions/setup/action.yml": `name: setup\nruns:\n  using: composite\n  steps:\n    - uses: astral-sh/setup-uv@${SHA}\n    - run: uv sync\n      shell: bash\n`,
      },
      "pass",
      ["action-pinned"],
    ],
    [
      "only run steps and local actions",
      { ".github/workflows/ci.yml": steps("./.github/actions/setup") },
      "not_applicable",
      ["no-actions"],
    ],
    ["no workflows", { "a.py": "" }, "not_applicable", ["no-actions"]],
    [
      "a workflow refused for a needs: typo still shows how its actions are pinned",
      {
        ".github/workflows/ci.yml": MISSING_NEEDS.replace("actions/checkout@v4", "pypa/gh-action-pypi-publish@v1.8.14"),
      },
      "partial",
      ["action-tag"],
    ],
    [
      "unreadable YAML: says it could not read the workflow, not that there is no action",
      { ".github/workflows/ci.yml": INVALID_YAML },
      "not_applicable",
      ["workflow-unreadable"],
    ],
    [
      "unreadable YAML that visibly uses an action on a branch is never 'no remote action'",
      {
        ".github/workflows/ci.yml":
          "name: CI\non: [push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@main\n      - run: pytest\n",
      },
      "not_applicable",
      ["workflow-unreadable"],
    ],
    [
      "one readable pinned workflow beside a broken one: judged on what was read, the broken one noted",
      {
        ".github/workflows/ci.yml": steps(`a/one@${SHA}`),
        ".github/workflows/release.yml": INVALID_YAML,
      },
      "pass",
      ["action-pinned", "workflow-unreadable"],
    ],
  ])("%s -> %s", (_name, tree, status, ids) => {
    const r = runCheck(pinnedActions, tree);
    expect(r.status).toBe(status);
    expect(r.ids).toEqual(ids);
  });

  it("scores the share pinned: a SHA is 1, a tag 0.5, a branch 0", () => {
    const r = runCheck(pinnedActions, {
      ".github/workflows/ci.yml": steps(`a/one@${SHA}`, "b/two@v1", "c/three@main", `d/four@${SHA2}`),
    });
    expect(r.score).toBeCloseTo(2.5 / 4);
  });

  it("names the file and line of each unpinned action", () => {
    const r = runCheck(pinnedActions, {
      ".github/workflows/ci.yml": steps("actions/checkout@v4", "peaceiris/actions-gh-pages@main"),
    });
    expect(r.findings[0]).toMatchObject({ id: "action-unpinned", path: ".github/workflows/ci.yml", line: 7 });
    expect(r.findings[0]?.docs).toContain("security-hardening");
  });
});
