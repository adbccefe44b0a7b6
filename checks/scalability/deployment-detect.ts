/**
 * Deployment as code, found in the listing and in parsed files: Kubernetes manifests, Helm and
 * Kustomize, Compose, Terraform/Pulumi/CDK, serverless and platform configs, cloud deploys from
 * code, Hugging Face Spaces, and workflows that deploy.
 */

import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode, languages } from "../lib/languages.js";
import { isRecord, parseYaml, parseYamlAll } from "../lib/parse.js";
import { workflows } from "../lib/workflows.js";
import { COMPOSE, compose } from "./compose-detect.js";
import { packageUses } from "./usage.js";

/** One piece of deployment evidence with how much it proves (1 = the app is deployed as code). */
export interface DeployEvidence {
  readonly id: string;
  readonly message: string;
  readonly path: string;
  readonly line?: number;
  readonly strength: number;
}

/** A deployment file that does not parse. */
export interface DeployProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

/** Platform files whose presence is the deployment configuration. */
const PLATFORM_FILES: readonly [string, string, number][] = [
  ["**/Chart.yaml", "a Helm chart", 1],
  ["**/helmfile.{yaml,yml}", "a helmfile", 1],
  ["**/kustomization.{yaml,yml}", "a Kustomize overlay", 1],
  ["**/*.tf", "Terraform", 1],
  ["**/Pulumi.yaml", "a Pulumi program", 1],
  ["**/cdk.json", "an AWS CDK app", 1],
  ["**/serverless.{yml,yaml}", "a Serverless Framework service", 1],
  ["**/samconfig.toml", "an AWS SAM configuration", 1],
  ["**/fly.toml", "a Fly.io app", 1],
  ["**/render.yaml", "a Render blueprint", 1],
  ["**/vercel.json", "a Vercel project", 1],
  ["**/netlify.toml", "a Netlify site", 1],
  ["**/railway.{json,toml}", "a Railway service", 1],
  ["**/skaffold.{yaml,yml}", "a Skaffold pipeline", 1],
  ["**/apprunner.yaml", "an AWS App Runner service", 1],
  ["**/Dockerrun.aws.json", "an Elastic Beanstalk app", 1],
  ["**/{task-definition,taskdef,ecs-task-definition}*.json", "an AWS ECS task definition", 1],
  ["**/cloudbuild.{yaml,yml}", "a Cloud Build deployment", 1],
  ["**/azure.yaml", "an Azure Developer CLI app", 1],
  ["**/Procfile", "a Procfile (Heroku-style platform)", 0.85],
  ["**/bentofile.yaml", "a BentoML build file (packaging, not yet deployment)", 0.6],
];

const DEPLOY_ACTIONS =
  /^(azure\/(webapps-deploy|functions-action|k8s-deploy|container-apps-deploy-action)|aws-actions\/(amazon-ecs-deploy-task-definition|aws-cloudformation-github-deploy)|google-github-actions\/(deploy-cloudrun|deploy-appengine|deploy-cloud-functions|get-gke-credentials)|superfly\/flyctl-actions|akhileshns\/heroku-deploy|amondnet\/vercel-action|appleboy\/ssh-action|appleboy\/scp-action|hashicorp\/setup-terraform|azure\/setup-helm|azure\/setup-kubectl|cloudflare\/wrangler-action|nwtgck\/actions-netlify)@?/;
const DEPLOY_COMMANDS =
  /\b(kubectl\s+(apply|rollout|set\s+image)|helm\s+(upgrade|install)|terraform\s+apply|gcloud\s+(run|app|functions)\s+deploy|flyctl\s+deploy|fly\s+deploy|serverless\s+deploy|sls\s+deploy|sam\s+deploy|cdk\s+deploy|pulumi\s+up|vercel\s+(deploy|--prod)|netlify\s+deploy|eb\s+deploy|aws\s+ecs\s+update-service|az\s+(webapp|containerapp)\s+(up|create|update)|railway\s+up|modal\s+deploy|heroku\s+container:release|git\s+push\s+heroku|anyscale\s+service\s+(rollout|deploy)|serve\s+deploy|bentoml\s+deploy|gcloud\s+ai\s+endpoints\s+deploy-model|az\s+ml\s+online-deployment\s+(create|update)|aws\s+sagemaker\s+(create|update)-endpoint|mlflow\s+deployments\s+(create|update)|docker\s+stack\s+deploy|skaffold\s+(run|deploy))\b/;
const PUBLISH = /^(docker\/build-push-action)|\bdocker\s+push\b/;
/** A package released to an index: the library's artefact ships, but nothing is deployed. */
const PACKAGE_PUBLISH =
  /^(pypa\/gh-action-pypi-publish|JS-DevTools\/npm-publish|changesets\/action)|\b(twine\s+upload|(npm|pnpm)\s+publish|yarn\s+npm\s+publish|(poetry|uv|hatch|flit|pdm)\s+publish)\b/;
const PAGES = /^(actions\/deploy-pages|peaceiris\/actions-gh-pages|JamesIves\/github-pages-deploy-action)/;

const HELM_TEMPLATE = /(^|\/)templates\/[^/]*\.(ya?ml|tpl)$/;
const WORKFLOW = /^\.github\//;

function kubernetes(repo: RepoView, out: DeployEvidence[], problems: DeployProblem[]): void {
  let found = 0;
  for (const file of repo.read(["**/*.{yml,yaml}"])) {
    if (found >= 3 || !isOwnCode(file.path) || WORKFLOW.test(file.path) || COMPOSE.test(file.path)) continue;
    if (HELM_TEMPLATE.test(file.path) || !/^\s*apiVersion:/m.test(file.text) || !/^\s*kind:/m.test(file.text)) continue;
    const parsed = parseYamlAll(file.text);
    if (!parsed.ok) {
      problems.push({ path: file.path, message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) });
      continue;
    }
    const kinds = parsed.value
      .filter(isRecord)
      .filter((d) => typeof d.apiVersion === "string" && typeof d.kind === "string")
      .map((d) => String(d.kind));
    if (kinds.length === 0 || kinds.every((k) => k === "Chart")) continue;
    found++;
    out.push({
      id: "kubernetes",
      message: `Kubernetes manifest (${[...new Set(kinds)].join(", ")}): ${file.path}`,
      path: file.path,
      strength: 1,
    });
  }
}

function cloudConfigs(repo: RepoView, out: DeployEvidence[]): void {
  for (const file of repo.read(["**/app.{yaml,yml}", "**/template.{yaml,yml}", "**/manifest.{yml,yaml}"])) {
    if (!isOwnCode(file.path)) continue;
    const parsed = parseYaml(file.text);
    const value = parsed.ok && isRecord(parsed.value.value) ? parsed.value.value : undefined;
    if (!value) continue;
    if (/app\.ya?ml$/.test(file.path) && typeof value.runtime === "string")
      out.push({
        id: "platform-config",
        message: `Google App Engine app (${value.runtime}): ${file.path}`,
        path: file.path,
        strength: 1,
      });
    if (
      /template\.ya?ml$/.test(file.path) &&
      (value.AWSTemplateFormatVersion !== undefined || String(value.Transform ?? "").includes("Serverless"))
    )
      out.push({
        id: "platform-config",
        message: `AWS SAM/CloudFormation template: ${file.path}`,
        path: file.path,
        strength: 1,
      });
    if (/manifest\.ya?ml$/.test(file.path) && Array.isArray(value.applications))
      out.push({
        id: "platform-config",
        message: `Cloud Foundry manifest: ${file.path}`,
        path: file.path,
        strength: 1,
      });
  }
}

function huggingFaceSpace(repo: RepoView, out: DeployEvidence[]): void {
  const readme = repo.text("README.md");
  const front = readme?.startsWith("---") ? /^---\r?\n([\s\S]{0,4000}?)\r?\n---/.exec(readme)?.[1] : undefined;
  if (!front) return;
  const parsed = parseYaml(front);
  const sdk = parsed.ok && isRecord(parsed.value.value) ? parsed.value.value.sdk : undefined;
  if (typeof sdk === "string")
    out.push({
      id: "platform-config",
      message: `Hugging Face Space (sdk: ${sdk}) configured in README.md`,
      path: "README.md",
      line: 1,
      strength: 0.8,
    });
}

function deployWorkflows(repo: RepoView, out: DeployEvidence[]): void {
  const jsMain = languages(repo).main[0] === "javascript";
  for (const wf of workflows(repo).parsed)
    for (const job of wf.jobs)
      for (const step of job.steps) {
        const uses = step.uses ?? "";
        const run = step.run ?? "";
        const at = { path: wf.path, line: step.line };
        if (DEPLOY_ACTIONS.test(uses) || DEPLOY_COMMANDS.test(run))
          out.push({
            id: "deploy-workflow",
            message: `Workflow job \`${job.id}\` deploys (${uses || run.split("\n")[0]?.trim()})`,
            ...at,
            strength: 1,
          });
        // build-push-action pushes only when asked (`push: true`); without it the image is a build check.
        else if (
          (PUBLISH.test(uses) && !/^docker\/build-push-action/.test(uses)) ||
          (/^docker\/build-push-action/.test(uses) && step.with?.push !== undefined && step.with.push !== "false") ||
          PUBLISH.test(run)
        )
          out.push({
            id: "image-published",
            message: `Workflow job \`${job.id}\` publishes a container image`,
            ...at,
            strength: 0.5,
          });
        else if (PACKAGE_PUBLISH.test(uses) || PACKAGE_PUBLISH.test(run))
          out.push({
            id: "package-published",
            message: `Workflow job \`${job.id}\` publishes a package (${uses || run.split("\n")[0]?.trim()})`,
            ...at,
            strength: 0.5,
          });
        else if (PAGES.test(uses))
          out.push({
            id: "pages-deploy",
            message: `Workflow job \`${job.id}\` deploys a static site to GitHub Pages`,
            ...at,
            strength: jsMain ? 0.85 : 0.4,
          });
      }
}

function cloudFromCode(repo: RepoView, out: DeployEvidence[]): void {
  const sdk: Readonly<Record<string, string>> = {
    sagemaker: "SageMaker",
    modal: "Modal",
    "google.cloud.aiplatform": "Vertex AI",
    "azure.ai.ml": "Azure ML",
  };
  for (const use of packageUses(repo, Object.keys(sdk), { notebooks: true })
    .filter((u) => u.called)
    .slice(0, 2))
    out.push({
      id: "cloud-sdk-deploy",
      message: `${sdk[use.root]} deployment from code: ${use.path}`,
      path: use.path,
      line: use.callLine,
      strength: 0.85,
    });
}

/** All deployment evidence of a repository, and the deployment files that do not parse. */
export function deploymentEvidence(repo: RepoView): { evidence: DeployEvidence[]; problems: DeployProblem[] } {
  const evidence: DeployEvidence[] = [];
  const problems: DeployProblem[] = [];
  for (const [glob, what, strength] of PLATFORM_FILES) {
    const file = repo.glob(glob).find((f) => isOwnCode(f));
    if (file)
      evidence.push({
        id: strength >= 0.75 ? "platform-config" : "packaging-only",
        message: `${what}: ${file.path}`,
        path: file.path,
        strength,
      });
  }
  const beanstalk = [...repo.directories()].find((d) => d === ".ebextensions" || d.endsWith("/.ebextensions"));
  if (beanstalk)
    evidence.push({
      id: "platform-config",
      message: `an Elastic Beanstalk app: ${beanstalk}/`,
      path: beanstalk,
      strength: 1,
    });
  kubernetes(repo, evidence, problems);
  compose(repo, evidence, problems);
  cloudConfigs(repo, evidence);
  huggingFaceSpace(repo, evidence);
  deployWorkflows(repo, evidence);
  cloudFromCode(repo, evidence);
  return { evidence, problems };
}
