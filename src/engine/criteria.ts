import type { CriterionId } from "./types.js";

/** A criterion of the checklist with its default weight in the total. */
export interface Criterion {
  readonly id: CriterionId;
  readonly title: string;
  readonly weight: number;
  readonly looksFor: string;
}

/** The hiring guide's criteria, in the order reports show them (DESIGN.md weights). */
export const CRITERIA: readonly Criterion[] = [
  {
    id: "testing",
    title: "Testing",
    weight: 20,
    looksFor: "test files and a runner; coverage with a threshold of at least 80%; ML data and model tests",
  },
  {
    id: "documentation",
    title: "Documentation",
    weight: 15,
    looksFor: "a README with substance; docstrings on public code; a license",
  },
  {
    id: "ci_cd",
    title: "CI/CD",
    weight: 15,
    looksFor: "GitHub Actions workflows that parse, run on push/PR, run the tests and quality gates; pinned actions",
  },
  {
    id: "code_structure",
    title: "Code structure",
    weight: 15,
    looksFor:
      "modules and packages rather than one script or notebooks; pinned dependencies; configuration apart from code",
  },
  {
    id: "code_quality",
    title: "Code quality",
    weight: 10,
    looksFor: "linter and formatter, type checking, pre-commit hooks, a working .gitignore, no committed secrets",
  },
  {
    id: "containerization",
    title: "Containerization",
    weight: 10,
    looksFor: "a Dockerfile with a pinned base image, a non-root user, a .dockerignore and no secrets",
  },
  {
    id: "monitoring",
    title: "Logging and monitoring",
    weight: 10,
    looksFor: "a logging library instead of print; metrics, tracing or model monitoring",
  },
  {
    id: "scalability",
    title: "Scalability and MLOps",
    weight: 5,
    looksFor: "experiment tracking, data versioning, a model-serving API, distributed compute, deployment as code",
  },
];

/** The ids of all criteria, in report order. */
export const CRITERION_IDS: readonly CriterionId[] = CRITERIA.map((c) => c.id);
