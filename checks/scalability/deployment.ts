import { defineCheck, type Finding, info, scored, warning } from "../../src/engine/check.js";
import { dockerfilePaths } from "../lib/dockerfile.js";
import { NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { WORKFLOW_READ } from "../lib/workflows.js";
import { deploymentEvidence } from "./deployment-detect.js";

const DOCS = "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/";

/** Kubernetes, Compose, cloud templates: deployment folders first, then YAML anywhere. */
const DEPLOY_YAML_READ = {
  globs: [
    "**/{k8s,kubernetes,kube,manifests,deploy,deployment,deployments,infra,helm,charts,.k8s}/**/*.{yml,yaml}",
    "**/{docker-compose,compose}*.{yml,yaml}",
    "**/*{-,_,.}{docker-compose,compose}*.{yml,yaml}",
    "**/{app,template,manifest,serverless,render}.{yml,yaml}",
  ],
  maxFiles: 80,
  priority: 2,
} as const;
const ANY_YAML_READ = { globs: ["**/*.{yml,yaml}"], maxFiles: 120, priority: 4 } as const;
const README_READ = { globs: ["README.md"], maxFiles: 1, priority: 1 } as const;

/**
 * `scalability.deployment`: how the application runs is written down as code.
 *
 * The score is the strongest evidence: Kubernetes/Helm/Terraform/serverless/platform configs and
 * deploy workflows prove it (1); a Compose file or Procfile that runs the app nearly (0.85);
 * publishing an image or a package, or a Compose file of backing services alone, is partial (0.5).
 */
const deploymentRules = defineCheck({
  id: "scalability.deployment",
  title: "Deployment as code",
  criterion: "scalability",
  weight: 1,
  looksFor:
    "Kubernetes manifests, Helm charts, Kustomize, Compose, Terraform/Pulumi/CDK, serverless and platform configs " +
    "(App Engine, SAM, Fly, Render, Vercel, Procfile, Hugging Face Spaces) or a workflow that deploys.",
  why:
    "A model that only runs on the author's laptop is a prototype; deployment written as code shows it can be " +
    "released, repeated and rolled back.",
  remediation:
    "Describe how the service runs: a `compose.yaml` for one host, Kubernetes manifests or a Helm chart for a cluster, " +
    "or a platform config (Cloud Run, Fly.io, Render), and a workflow that deploys on release.",
  effort: "high",
  docs: DOCS,
  reads: [DEPLOY_YAML_READ, ANY_YAML_READ, README_READ, WORKFLOW_READ, PYTHON_SOURCE_READ, NOTEBOOK_READ],
  evaluate(repo) {
    const { evidence, problems } = deploymentEvidence(repo);
    const findings: Finding[] = problems.map((p) =>
      warning(
        "deploy-file-invalid",
        `${p.path} does not parse: ${p.message}`,
        { path: p.path, line: p.line },
        {
          remediation:
            "Fix the YAML so the deployment tool can read it (`kubectl apply --dry-run=client -f`, `docker compose config`).",
          docs: DOCS,
        },
      ),
    );
    evidence.sort((a, b) => b.strength - a.strength);
    for (const e of evidence.slice(0, 8)) findings.push(info(e.id, e.message, { path: e.path, line: e.line }));
    const best = evidence[0]?.strength ?? 0;
    if (best >= 0.75) return scored(best, findings);

    const hasDockerfile = dockerfilePaths(repo).length > 0;
    const message =
      best > 0
        ? "Deployment is only partly described (an image or a package is published, or Compose runs backing services only)"
        : hasDockerfile
          ? "A Dockerfile builds an image, but nothing describes how it is deployed"
          : "No deployment configuration (Kubernetes, Compose, Terraform, serverless or platform config, deploy workflow)";
    findings.push(
      warning("no-deployment", message, undefined, {
        remediation: hasDockerfile
          ? "Add a `compose.yaml` that builds and runs the image (ports, environment, healthcheck), or Kubernetes manifests / a Cloud Run or Fly.io config, and a workflow that deploys it."
          : "Containerise the service, then describe how it runs: `compose.yaml`, Kubernetes manifests, or a platform config (Render, Fly.io, Cloud Run).",
        docs: hasDockerfile ? "https://docs.docker.com/compose/gettingstarted/" : DOCS,
      }),
    );
    return scored(best, findings);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const deployment = codeDependent(deploymentRules, "deployment");
