/**
 * What an archetype is: a realistic repository as a literal tree, and the verdict a careful
 * reviewer gives on every check id by applying CHECKLIST.md, with a one-line reason each.
 */
import type { CheckStatus } from "../../src/engine/types.js";
import type { Tree } from "../helpers/tree.js";

/** The 26 check ids of the checklist, in report order. */
export const CHECK_IDS = [
  "testing.tests",
  "testing.coverage",
  "testing.ml_tests",
  "documentation.readme",
  "documentation.docstrings",
  "documentation.license",
  "ci_cd.workflows",
  "ci_cd.runs_tests",
  "ci_cd.quality_gates",
  "ci_cd.pinned_actions",
  "code_structure.modules",
  "code_structure.dependencies",
  "code_structure.configuration",
  "code_quality.lint_format",
  "code_quality.types",
  "code_quality.precommit",
  "code_quality.gitignore",
  "code_quality.secrets",
  "containerization.dockerfile",
  "monitoring.logging",
  "monitoring.observability",
  "scalability.experiment_tracking",
  "scalability.data_versioning",
  "scalability.serving",
  "scalability.distributed",
  "scalability.deployment",
] as const;

/** One check id of the checklist. */
export type CheckId = (typeof CHECK_IDS)[number];

/** The statuses a reviewer can give (error is never an expectation). */
export type Verdict = Exclude<CheckStatus, "error">;

/**
 * A reviewer's verdict: the status, or several when the rubric honestly allows either (the first
 * is the reviewer's own reading), and the reason in one line.
 */
export type Expectation = readonly [Verdict | readonly Verdict[], string];

/** A kind of repository the checklist is judged on. */
export interface Archetype {
  readonly name: string;
  /** What kind of repository this is, in a sentence. */
  readonly kind: string;
  readonly tree: Tree;
  readonly expected: Readonly<Record<CheckId, Expectation>>;
}

/** The statuses an expectation accepts. */
export function accepted(expectation: Expectation): readonly Verdict[] {
  const [verdict] = expectation;
  return typeof verdict === "string" ? [verdict] : verdict;
}
