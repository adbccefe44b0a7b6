import { defineCheck, type Finding, failure, info, scored, warning } from "../../src/engine/check.js";
import { DOCKERFILE_READ, DOCKERIGNORE_READ, dockerfilePaths } from "../lib/dockerfile.js";
import { isTestPath } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { type DockerfileReview, reviewDockerfile } from "./review.js";

const DOCS = "https://docs.docker.com/build/building/best-practices/";

/** A dev container alone is an editor setup, not an image of the application. */
const DEVCONTAINER_ONLY = 0.4;

/**
 * `containerization.dockerfile`: a Dockerfile that follows Docker's best practices.
 *
 * Several Dockerfiles: the score is the mean of their reviews (a reviewer reads them all, and one
 * tidy image does not excuse a sloppy one), with these exceptions: dev containers and images under
 * test folders count only when nothing else exists, and development images (`Dockerfile.dev`) are not blamed for running as
 * root or starting a dev server, which is what they are for.
 */
const dockerfileRules = defineCheck({
  id: "containerization.dockerfile",
  title: "Dockerfile follows best practices",
  criterion: "containerization",
  weight: 1,
  looksFor:
    "A Dockerfile (any folder, any of Dockerfile, *.dockerfile, Dockerfile.*, Containerfile) with a pinned, maintained " +
    "base image, a non-root USER, a .dockerignore, no baked-in secrets, a production server and COPY sources that exist.",
  why:
    "A container image is how an ML model reaches production; a reproducible, least-privilege image shows the author " +
    "can ship what they build.",
  remediation:
    "Add a Dockerfile that pins its base image (`python:3.12-slim`), installs dependencies from a lock file, copies the " +
    "code, switches to a non-root `USER`, and starts a production server; add a `.dockerignore`.",
  effort: "low",
  docs: DOCS,
  reads: [DOCKERFILE_READ, DOCKERIGNORE_READ],
  evaluate(repo) {
    const listed = dockerfilePaths(repo);
    if (listed.length === 0)
      return scored(0, [
        failure("no-dockerfile", "No Dockerfile or Containerfile in the repository", undefined, {
          remediation:
            "Add a Dockerfile at the root (or `docker/Dockerfile`) that builds and runs the application or model service.",
          docs: DOCS,
        }),
      ]);

    const reviews: DockerfileReview[] = [];
    const findings: Finding[] = [];
    for (const file of listed) {
      const text = repo.text(file.path);
      if (text === undefined) {
        findings.push(
          info("dockerfile-unread", `${file.path} was not read (${reason(repo.content(file.path))})`, {
            path: file.path,
          }),
        );
        continue;
      }
      reviews.push(reviewDockerfile(repo, file.path, text));
    }
    if (reviews.length === 0) return scored(0.5, findings);

    // Images built for tests (a database for integration tests) are not the application's image.
    const nonDev = reviews.filter((r) => !r.path.includes(".devcontainer/"));
    const apps = nonDev.some((r) => !isTestPath(r.path)) ? nonDev.filter((r) => !isTestPath(r.path)) : nonDev;
    if (apps.length === 0) {
      const devcontainer = reviews[0]?.path;
      return scored(DEVCONTAINER_ONLY, [
        warning(
          "devcontainer-only",
          "The only Dockerfile is a dev container, not an image of the application",
          { path: devcontainer },
          {
            remediation:
              "Add a Dockerfile that builds and runs the application itself (the dev container only sets up an editor).",
            docs: DOCS,
          },
        ),
        ...findings,
      ]);
    }
    const score = apps.reduce((sum, r) => sum + r.score, 0) / apps.length;
    for (const r of apps)
      findings.push(info("dockerfile", `${r.path}: ${summary(r)}`, { path: r.path }), ...r.findings);
    return scored(score, findings);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const dockerfile = codeDependent(dockerfileRules, "containerisation");

function summary(review: DockerfileReview): string {
  const shortfalls = review.findings.filter((f) => f.level !== "info").length;
  const kind = review.development ? "development image, " : "";
  return `${kind}${shortfalls === 0 ? "no shortfalls" : `${shortfalls} shortfall(s)`}, score ${review.score.toFixed(2)}`;
}

function reason(content: ReturnType<Parameters<typeof dockerfile.evaluate>[0]["content"]>): string {
  return content.kind === "unread" ? content.reason.replace(/_/g, " ") : "empty";
}
