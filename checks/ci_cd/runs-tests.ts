import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { isOwnCode, languages } from "../lib/languages.js";
import { type CiCommand, ciCommands, TASK_READ } from "../lib/tasks.js";
import {
  isRemoteUses,
  primaryWorkflow,
  runsOnChange,
  WORKFLOW_READ,
  type Workflow,
  workflows,
} from "../lib/workflows.js";
import { testPathKind } from "../testing/test-inventory.js";
import { actionTests, containerTests, remoteTrigger, testRunner } from "./commands.js";
import { OTHER_CI_READ, otherCiCommands } from "./other-ci.js";

const DOCS =
  "https://docs.github.com/en/actions/use-cases-and-examples/building-and-testing/building-and-testing-python";
const REMEDIATION =
  "Add a step that runs the test suite to the workflow that runs on push and pull_request: `pytest` (or `python -m pytest`, `tox`, `nox`, `make test`) for Python, `npm test` with a real test script for JavaScript.";
const FIX = { remediation: REMEDIATION, docs: DOCS };

/** Verified tests on every change pass; tests seen only on a schedule or in other CI are weaker. */
const SCHEDULED_ONLY = 0.6;
const OTHER_CI_TESTS = 0.75;
const UNVERIFIED = 0.5;
const MAX_EVIDENCE = 5;

/** Workflows that run on a change, with the local reusable workflows they call. */
function changeWorkflows(parsed: readonly Workflow[]): Set<string> {
  const on = new Set(parsed.filter(runsOnChange).map((w) => w.path));
  for (let grown = true; grown; ) {
    grown = false;
    for (const w of parsed)
      if (on.has(w.path))
        for (const j of w.jobs) {
          const called = j.uses?.startsWith("./") ? j.uses.slice(2).split("@")[0] : undefined;
          if (called && !on.has(called) && parsed.some((p) => p.path === called)) {
            on.add(called);
            grown = true;
          }
        }
  }
  return on;
}

function where(c: CiCommand): string {
  return c.via.length > 0 ? ` (via ${c.via.join(" -> ")})` : "";
}

/** Reusable workflows of other repositories that publish, release or label: not where tests run. */
const NOT_TESTS =
  /\/\.github\/workflows\/[^/]*(release|publish|deploy|docs?|pages|slsa|provenance|generator|label|stale|sync|notify|changelog|bump|dependabot|codeql|scorecard)[^/]*$/i;

/** A task-runner call that CI makes but whose task cannot be read: `make test` with no Makefile target. */
function unverifiedRunner(c: CiCommand): boolean {
  if (!c.runner || c.runner.status === "followed") return false;
  return /^(tox|nox|hatch|pdm|poe)$/.test(c.runner.tool) || /test|check|ci|verify|all|spec/i.test(c.runner.task);
}

/**
 * False only for a Python or JS/TS project without a single test file of its own (by the
 * runners' naming conventions); other languages' tests are not inventoried, so they are assumed.
 */
function hasTestFiles(repo: RepoView): boolean {
  if (languages(repo).main.length === 0) return true;
  return repo.files.some((f) => testPathKind(f.path) !== undefined && isOwnCode(f));
}

/** `ci_cd.runs_tests`: a CI step runs the test suite, directly or through a task runner. */
export const runsTests: Check = defineCheck({
  id: "ci_cd.runs_tests",
  title: "CI runs the tests",
  criterion: "ci_cd",
  weight: 3,
  looksFor:
    "A workflow step that runs the test suite (pytest, unittest, tox, nox, npm test with a real script, vitest, jest, go test...), followed through make, npm scripts, tox, nox, just, task and mise.",
  why: "Tests that CI never runs rot quietly; a reviewer trusts a green check mark only if it ran the tests. Tests run in a reusable workflow of another repository or on a remote service cannot be seen from the repository, so they are reported as unverified rather than absent.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [WORKFLOW_READ, TASK_READ, OTHER_CI_READ],
  evaluate(repo) {
    const { parsed } = workflows(repo);
    const findings: Finding[] = [];
    const onChange = changeWorkflows(parsed);
    const commands = ciCommands(repo);
    const found = commands.filter((c) => testRunner(c.argv) !== undefined);
    // `pytest || true` and `continue-on-error: true` run the tests but never fail the build.
    const runs = found.filter((c) => !c.failureIgnored);
    const ignored = found.filter((c) => c.failureIgnored);
    const actionRuns: { path: string; line: number; uses: string; workflow: string }[] = [];
    const unverified: Finding[] = [];
    for (const w of parsed)
      for (const job of w.jobs) {
        if (job.uses && isRemoteUses(job.uses) && !NOT_TESTS.test(job.uses.split("@")[0] ?? ""))
          unverified.push(
            warning(
              "tests-unverified-reusable",
              `Job "${job.id}" calls the reusable workflow ${job.uses} in another repository: whether it runs this project's tests cannot be verified from here`,
              { path: w.path, line: job.line },
              FIX,
            ),
          );
        for (const step of job.steps) {
          const kind = step.uses ? actionTests(step.uses) : undefined;
          if (kind === "tests")
            actionRuns.push({ path: w.path, line: step.line, uses: step.uses ?? "", workflow: w.path });
          else if (kind)
            unverified.push(
              warning(
                kind === "remote" ? "tests-remote" : "tests-unverified-action",
                kind === "remote"
                  ? `${step.uses} hands the run to another system: tests there cannot be verified`
                  : `${step.uses} looks like it runs tests, but what it runs cannot be verified from here`,
                { path: w.path, line: step.line },
                FIX,
              ),
            );
        }
      }
    for (const c of commands) {
      if (containerTests(c.argv))
        unverified.push(
          warning(
            "tests-in-container",
            `\`${c.command}\` runs a container whose command is defined elsewhere (compose file or Dockerfile stage): the tests cannot be verified from the workflow`,
            { path: c.path, line: c.line },
            FIX,
          ),
        );
      else if (remoteTrigger(c.argv))
        unverified.push(
          warning(
            "tests-remote",
            `\`${c.command}\` triggers a run elsewhere: tests there cannot be verified`,
            { path: c.path, line: c.line },
            FIX,
          ),
        );
      else if (unverifiedRunner(c) && c.runner)
        unverified.push(
          warning(
            "tests-unverified-runner",
            `\`${c.command}\` calls ${c.runner.tool}${c.runner.task ? ` ${c.runner.task}` : ""}, which ${c.runner.status === "unread" ? "was not read" : "is not defined in the repository"}`,
            { path: c.path, line: c.line },
            FIX,
          ),
        );
    }
    const all = [
      ...runs.map((c) => ({
        on: onChange.has(c.workflow),
        f: info("tests-run", `\`${c.command}\` runs the tests${where(c)}`, { path: c.path, line: c.line }),
      })),
      ...actionRuns.map((a) => ({
        on: onChange.has(a.workflow),
        f: info("tests-run", `${a.uses} runs the tests`, { path: a.path, line: a.line }),
      })),
    ];
    // A matrix or two jobs reach the same recipe line: report each place once.
    const seen = new Set<string>();
    const evidence = all.filter((e) => {
      const key = `${e.on}:${e.f.path}:${e.f.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (evidence.some((e) => e.on)) {
      const shown = evidence
        .filter((e) => e.on)
        .slice(0, MAX_EVIDENCE)
        .map((e) => e.f);
      // A runner with nothing to run (`ava` in a repository without one test file) runs no suite.
      if (!hasTestFiles(repo))
        return scored(UNVERIFIED, [
          ...shown,
          warning(
            "no-test-files",
            "CI runs a test runner, but the repository holds no test files for it to run",
            shown[0]?.path !== undefined
              ? { path: shown[0].path, ...(shown[0].line ? { line: shown[0].line } : {}) }
              : {},
            { remediation: "Add the tests the runner is meant to run (tests/test_*.py, *.test.ts).", docs: DOCS },
          ),
        ]);
      return scored(1, shown);
    }
    if (evidence.length > 0) {
      findings.push(...evidence.slice(0, MAX_EVIDENCE).map((e) => e.f));
      findings.push(
        warning(
          "tests-not-on-change",
          "Tests run only in workflows that are not triggered by push or pull_request",
          { path: runs[0]?.workflow ?? actionRuns[0]?.workflow ?? ".github/workflows" },
          { remediation: "Run the tests on `push` and `pull_request` too, so every change is tested.", docs: DOCS },
        ),
      );
      return scored(SCHEDULED_ONLY, findings);
    }
    if (ignored.length > 0) {
      const c = ignored[0] as CiCommand;
      findings.push(
        warning(
          "tests-failures-ignored",
          `\`${c.command}\` runs the tests${where(c)}, but CI passes even when they fail (\`|| true\` or continue-on-error)`,
          { path: c.path, line: c.line },
          {
            remediation:
              "Let a failing test fail the build: drop `|| true` and `continue-on-error: true` from the test step.",
            docs: DOCS,
          },
        ),
      );
      return scored(UNVERIFIED, findings);
    }
    const defaultNpm = commands.find(
      (c) => c.argv[0] === "echo" && /no test specified/.test(c.command) && c.via.length > 0,
    );
    if (defaultNpm)
      findings.push(
        failure(
          "npm-default-test",
          `${defaultNpm.via.at(-1)} runs npm's placeholder script ("Error: no test specified"), not a test suite`,
          { path: defaultNpm.path, line: defaultNpm.line },
          {
            remediation: "Write tests and point the `test` script at the runner (`vitest run`, `jest`, `node --test`).",
            docs: "https://docs.npmjs.com/cli/v10/using-npm/scripts",
          },
        ),
      );
    if (unverified.length > 0) return scored(UNVERIFIED, [...findings, ...unverified.slice(0, MAX_EVIDENCE)]);
    const other = otherCiCommands(repo).filter((c) => testRunner(c.argv) !== undefined);
    if (other.length > 0) {
      findings.push(
        ...other.slice(0, MAX_EVIDENCE).map((c) =>
          info("tests-run-other-ci", `\`${c.command}\` runs the tests in ${c.path}${where(c)}`, {
            path: c.path,
            line: c.line,
          }),
        ),
        warning(
          "tests-not-in-actions",
          "Tests run in another CI system, not in GitHub Actions",
          { path: other[0]?.path ?? "" },
          FIX,
        ),
      );
      return scored(OTHER_CI_TESTS, findings);
    }
    if (parsed.length === 0)
      findings.push(failure("no-workflows", "No usable GitHub Actions workflow, so CI runs no tests", {}, FIX));
    else
      findings.push(
        failure(
          "no-test-step",
          `None of the ${parsed.length} workflow(s) runs a test suite`,
          { path: primaryWorkflow(parsed)?.path ?? "" },
          FIX,
        ),
      );
    return scored(0, findings);
  },
});
