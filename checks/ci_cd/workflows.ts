import { type Check, defineCheck, type Finding, failure, info, scored, warning } from "../../src/engine/check.js";
import { CHANGE_EVENTS, runsOnChange, WORKFLOW_GLOB, WORKFLOW_READ, workflows } from "../lib/workflows.js";
import { otherCi } from "./other-ci.js";

const DOCS = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions";
const REMEDIATION =
  "Add a workflow under .github/workflows/ (for example ci.yml) that runs on `push` and `pull_request` and installs, lints and tests the project.";
const FIX = { remediation: REMEDIATION, docs: DOCS };

/** Scores: any CI on changes passes; only manual/scheduled or some broken is partial. */
const PARTIAL_BROKEN = 0.6;
const MANUAL_ONLY = 0.5;
const OTHER_CI_ONLY = 0.5;
const ALL_BROKEN = 0.15;
/** A complete CI on push/PR that GitHub refuses for its job graph: real but contradicted signal. */
const FIXABLE_BROKEN = 0.3;

/** `ci_cd.workflows`: GitHub Actions workflows that parse and run on push or pull request. */
export const workflowsCheck: Check = defineCheck({
  id: "ci_cd.workflows",
  title: "GitHub Actions workflows",
  criterion: "ci_cd",
  weight: 2,
  looksFor:
    "Workflows under .github/workflows that parse and trigger on push or pull_request; broken ones (invalid YAML, no `on`, a `needs:` naming no job) are reported with file and line.",
  why: "CI that runs on every push shows the project is kept working, not just working once. The guide asks for GitHub Actions, so GitLab CI or Travis alone counts as partial; a workflow GitHub cannot parse never runs and is as good as none.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [WORKFLOW_READ],
  evaluate(repo) {
    const { parsed, broken } = workflows(repo);
    const findings: Finding[] = [];
    // GitHub runs only .yml/.yaml files directly under .github/workflows.
    for (const f of repo.glob([".github/workflows/**", ".github/workflow/**", "github/workflows/**"])) {
      if (repo.glob(WORKFLOW_GLOB).some((w) => w.path === f.path)) continue;
      if (!/\.(ya?ml)$/i.test(f.path) && f.path.startsWith(".github/workflows/") && !f.path.slice(18).includes("/"))
        findings.push(
          warning(
            "ignored-workflow-file",
            `${f.path} is not a .yml/.yaml file: GitHub does not run it`,
            { path: f.path },
            FIX,
          ),
        );
      else if (/\.(ya?ml)$/i.test(f.path))
        findings.push(
          warning(
            "ignored-workflow-file",
            `${f.path} is not directly under .github/workflows/: GitHub does not run it`,
            { path: f.path },
            FIX,
          ),
        );
    }
    for (const b of broken)
      findings.push(
        failure(
          "workflow-broken",
          `${b.path}: ${b.message}`,
          { path: b.path, ...(b.line ? { line: b.line } : {}) },
          {
            remediation:
              "Fix the workflow so GitHub can parse it (the Actions tab shows the same error); actionlint catches these locally.",
            docs: DOCS,
          },
        ),
      );
    const onChange = parsed.filter(runsOnChange);
    for (const w of onChange)
      findings.push(
        info("workflow-on-change", `${w.path} runs on ${w.triggers.filter((t) => CHANGE_EVENTS.has(t)).join(", ")}`, {
          path: w.path,
          ...(w.triggersLine ? { line: w.triggersLine } : {}),
        }),
      );
    for (const w of parsed.filter((x) => !onChange.includes(x)))
      findings.push(
        info("workflow-other-trigger", `${w.path} runs on ${w.triggers.join(", ")} only`, {
          path: w.path,
          ...(w.triggersLine ? { line: w.triggersLine } : {}),
        }),
      );
    if (onChange.length > 0) return scored(broken.length > 0 ? PARTIAL_BROKEN : 1, findings);
    if (parsed.length > 0) {
      findings.push(
        warning(
          "workflow-manual-only",
          "No workflow runs on push or pull_request: only on a schedule, by hand or when called",
          { path: parsed[0]?.path ?? ".github/workflows" },
          {
            remediation:
              "Add `push` and `pull_request` to the `on:` of the workflow that builds and tests the project.",
            docs: `${DOCS}#on`,
          },
        ),
      );
      return scored(MANUAL_ONLY, findings);
    }
    const others = otherCi(repo);
    for (const o of others)
      findings.push(
        warning(
          "other-ci",
          `${o.name} is configured (${o.path}); the guide asks for GitHub Actions`,
          { path: o.path },
          FIX,
        ),
      );
    if (others.length > 0) return scored(OTHER_CI_ONLY, findings);
    // Unreadable YAML tells nothing; a well-formed CI refused only for its `needs:` is one fix from running.
    if (broken.some((b) => b.workflow && runsOnChange(b.workflow))) return scored(FIXABLE_BROKEN, findings);
    if (broken.length > 0) return scored(ALL_BROKEN, findings);
    findings.push(failure("no-workflows", "No GitHub Actions workflow under .github/workflows/", {}, FIX));
    return scored(0, findings);
  },
});
