/**
 * The parts of a Dockerfile review that look beyond its instructions: secrets baked into ENV/ARG
 * or written in the file, and the build context (its .dockerignore, credential files copied in,
 * COPY sources the repository does not have).
 */
import { type Finding, failure, info, type RepoView, warning } from "../../src/engine/check.js";
import type { DockerfileModel } from "../lib/dockerfile.js";
import { classifyAssignment, isSecretName, scanText } from "../lib/secrets.js";
import {
  contextSources,
  copiesWholeContext,
  dockerignoreFor,
  ignorePatterns,
  inferContext,
  isCredentialSource,
  leakedEnvFiles,
  missingSources,
} from "./context.js";

/** Docker's documentation for each practice. */
export const DOCS = {
  user: "https://docs.docker.com/build/building/best-practices/#user",
  pin: "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions",
  ignore: "https://docs.docker.com/build/concepts/context/#dockerignore-files",
  secrets: "https://docs.docker.com/build/building/secrets/",
  reference: "https://docs.docker.com/reference/dockerfile/",
};

/** Cost of each shortfall of a pass criterion: one alone takes a perfect file to partial. */
export const SHORTFALL = 0.3;
const LEAKED_SECRET = 0.5;

function at(path: string, line: number) {
  return { path, line };
}

/** Secrets in ENV/ARG values and anywhere in the file; returns the score it costs. */
export function reviewSecrets(path: string, text: string, model: DockerfileModel, findings: Finding[]): number {
  let cost = 0;
  const reported = new Set<number>();
  for (const stage of model.stages)
    for (const ins of stage.instructions) {
      if (ins.keyword !== "ENV" && ins.keyword !== "ARG") continue;
      for (const p of ins.properties ?? []) {
        const value = p.value?.replace(/^["']|["']$/g, "") ?? null;
        const severity = value === null ? undefined : classifyAssignment(p.name, value);
        if (severity) reported.add(ins.line);
        if (severity === "secret") {
          cost = Math.max(cost, LEAKED_SECRET);
          findings.push(
            failure(
              "secret-in-image",
              `${ins.keyword} ${p.name} bakes a literal secret into the image`,
              at(path, ins.line),
              {
                remediation:
                  "Rotate it, then pass it at build time with `RUN --mount=type=secret` or at run time as an environment variable.",
                docs: DOCS.secrets,
              },
            ),
          );
        } else if (severity === "weak") {
          cost = Math.max(cost, SHORTFALL);
          findings.push(
            warning(
              "default-credential-in-image",
              `${ins.keyword} ${p.name} sets a default credential in the image`,
              at(path, ins.line),
              {
                remediation:
                  "Leave credentials out of the image and set them at run time (compose `env_file`, Kubernetes Secrets).",
                docs: DOCS.secrets,
              },
            ),
          );
        } else if (value === null && ins.keyword === "ARG" && isSecretName(p.name))
          findings.push(
            warning(
              "secret-build-arg",
              `ARG ${p.name} passes a secret as a build argument (kept in the image history)`,
              at(path, ins.line),
              {
                remediation:
                  "Use a build secret instead: `RUN --mount=type=secret,id=token ...` and `docker build --secret id=token`.",
                docs: DOCS.secrets,
              },
            ),
          );
      }
    }
  for (const hit of scanText(text, "other").filter((h) => h.severity === "secret" && !reported.has(h.line))) {
    cost = Math.max(cost, LEAKED_SECRET);
    findings.push(
      failure("secret-in-image", `${hit.label} is written in the Dockerfile (${hit.masked})`, at(path, hit.line), {
        remediation: "Rotate it and pass it with `RUN --mount=type=secret` instead of writing it in the file.",
        docs: DOCS.secrets,
      }),
    );
  }
  return cost;
}

/** The build context: .dockerignore, credentials and `.env` copied in, missing sources; returns the cost. */
export function reviewContext(repo: RepoView, path: string, model: DockerfileModel, findings: Finding[]): number {
  let cost = 0;
  const sources = contextSources(model);
  const context = inferContext(repo, path, sources);
  const ignoreFile = dockerignoreFor(repo, path, context);
  if (!ignoreFile) {
    cost += SHORTFALL;
    findings.push(
      warning(
        "no-dockerignore",
        "No .dockerignore beside the Dockerfile or at the build-context root",
        { path },
        {
          remediation:
            "Add a `.dockerignore` listing `.git`, `.env`, virtual environments, data and model artefacts, caches.",
          docs: DOCS.ignore,
        },
      ),
    );
  }
  const credentials = sources.filter((s) => isCredentialSource(s.source));
  const patterns = ignoreFile ? ignorePatterns(repo.text(ignoreFile) ?? "") : undefined;
  const whole = sources.find((s) => copiesWholeContext(s.source));
  const leaked = whole ? leakedEnvFiles(repo, context, patterns) : [];
  for (const s of credentials)
    findings.push(
      warning("copies-credentials", `COPY of \`${s.source}\` puts a credential file into the image`, at(path, s.line), {
        remediation: "Do not copy credential files; pass secrets at run time or with `RUN --mount=type=secret`.",
        docs: DOCS.secrets,
      }),
    );
  if (whole && leaked.length > 0)
    findings.push(
      warning(
        "copies-env-file",
        `\`COPY ${whole.source}\` carries ${leaked.join(", ")} into the image`,
        at(path, whole.line),
        {
          remediation: "Add `.env` (and `.env.*` except templates) to `.dockerignore`.",
          docs: DOCS.ignore,
        },
      ),
    );
  if (credentials.length > 0 || leaked.length > 0) cost += SHORTFALL;

  const { missing, built } = missingSources(repo, path, sources);
  for (const s of missing)
    findings.push(
      warning(
        "missing-copy-source",
        `COPY/ADD source \`${s.source}\` is not in the repository: the build fails on a fresh clone`,
        at(path, s.line),
        {
          remediation: "Fix the path, commit the file, or document the step that creates it before `docker build`.",
          docs: DOCS.reference,
        },
      ),
    );
  for (const s of built)
    findings.push(
      info(
        "copy-source-built",
        `COPY of \`${s.source}\` expects build output produced before the image build`,
        at(path, s.line),
      ),
    );
  if (missing.length > 0) cost += SHORTFALL;
  return cost;
}
