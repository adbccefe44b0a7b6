/**
 * The review of one Dockerfile against Docker's build best practices: a score in [0, 1] and
 * the findings behind it. Each shortfall of the checklist's pass criteria costs enough to drop
 * the file from pass to partial; a file that parses never drops below partial.
 */
import { type Finding, info, type RepoView, warning } from "../../src/engine/check.js";
import { type DockerfileModel, type DockerStage, parseDockerfile } from "../lib/dockerfile.js";
import { baseImageOf, effectiveUser, isRootUser, stageCommand, stageVariables } from "../lib/dockerfile-stages.js";
import { defaultsToNonRoot, endOfLife, pinLevel } from "./base-image.js";
import { DOCS, reviewContext, reviewSecrets, SHORTFALL } from "./review-context.js";

/** What one Dockerfile scored and why. */
export interface DockerfileReview {
  readonly path: string;
  readonly score: number;
  readonly findings: readonly Finding[];
  /** Named for development (`Dockerfile.dev`, `.devcontainer/`): root and dev servers are expected. */
  readonly development: boolean;
}

const BEST_PRACTICES = "https://docs.docker.com/build/building/best-practices/";
const FLOOR = 0.25;

/** A development image by its name: `Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile.local`, `.devcontainer/`. */
export function isDevelopmentDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /(^|\/)\.devcontainer\//.test(path) || /(^|[._-])(dev|develop|development|local|debug)([._-]|$)/i.test(base);
}

const DEV_SERVERS: readonly [RegExp, string][] = [
  // `flask run`, `python -m flask --app x run` and `flask --app x run --host ...`.
  [/\bflask\s+(?:(?:--?[\w-]+(?:[=\s](?!run\b)\S+)?\s+)*)run\b/, "flask run (Werkzeug's development server)"],
  [/\b(uvicorn|hypercorn|gunicorn)\b.{0,300}\s--reload\b/, "a server with --reload"],
  [/\bmanage\.py\s+runserver\b/, "Django's runserver"],
  [/\bfastapi\s+dev\b/, "fastapi dev"],
  [/\b(npm|pnpm|yarn|bun)\s+(run\s+)?(dev|develop|serve)\b/, "the package's dev script"],
  [/\b(next|nuxt|astro|vite)\s+dev\b|\bvite\s*$|\breact-scripts\s+start\b|\bng\s+serve\b/, "a front-end dev server"],
  [/\bnodemon\b|\bwebpack(-dev-server|\s+serve)\b/, "a watch-mode dev server"],
];

/** The development server a command runs, if any. */
export function devServerOf(command: string): string | undefined {
  const text = command.replace(/[",[\]]/g, " ").replace(/\s+/g, " ");
  return DEV_SERVERS.find(([re]) => re.test(text))?.[1];
}

/** Framework debug switches set in the image: a debugger and reloader in production. */
function debugMode(model: DockerfileModel, final: DockerStage): string | undefined {
  const env = stageVariables(model, final);
  const on = (name: string) => /^(1|true|yes|on)$/i.test(env.get(name) ?? "");
  if (on("FLASK_DEBUG") || env.get("FLASK_ENV") === "development") return "Flask in debug mode (FLASK_DEBUG/FLASK_ENV)";
  if (on("DJANGO_DEBUG")) return "Django with DEBUG on";
  return undefined;
}

function at(path: string, line: number) {
  return { path, line };
}

/** Base image findings for every stage that builds on an external image. */
function reviewBases(path: string, model: DockerfileModel, findings: Finding[]): number {
  let cost = 0;
  let unpinned = false;
  let eol = false;
  for (const stage of model.stages) {
    const image = stage.image;
    if (!image) continue;
    const level = pinLevel(image);
    const where = at(path, stage.line);
    if (level === "latest" || level === "untagged" || level === "floating") {
      unpinned = true;
      const what = level === "untagged" ? "has no tag (so it is `latest`)" : `uses the moving tag \`${image.tag}\``;
      findings.push(
        warning("base-image-unpinned", `Base image \`${image.resolved}\` ${what}`, where, {
          remediation:
            "Pin a version tag (e.g. `python:3.12-slim`), or better a digest (`@sha256:…`), so rebuilds are reproducible.",
          docs: DOCS.pin,
        }),
      );
    } else if (level === "unresolved")
      findings.push(
        info(
          "base-image-from-build-arg",
          `Base image \`${image.written}\` comes from a build argument without a default`,
          where,
        ),
      );
    else if (level === "digest")
      findings.push(info("base-image-digest", `Base image \`${image.resolved}\` is pinned by digest`, where));
    const release = endOfLife(image);
    if (release) {
      eol = true;
      findings.push(
        warning(
          "base-image-eol",
          `Base image \`${image.resolved}\` runs ${release}, which no longer gets security fixes`,
          where,
          {
            remediation: "Move to a maintained release (e.g. `python:3.12-slim`, `node:22-slim`, `ubuntu:24.04`).",
            docs: BEST_PRACTICES,
          },
        ),
      );
    }
  }
  if (unpinned) cost += SHORTFALL;
  if (eol) cost += SHORTFALL;
  return cost;
}

function reviewUser(
  path: string,
  model: DockerfileModel,
  final: DockerStage,
  dev: boolean,
  findings: Finding[],
): number {
  const user = effectiveUser(model, final);
  const base = baseImageOf(model, final);
  if (user && !isRootUser(user.user)) {
    findings.push(info("non-root-user", `The final stage runs as \`${user.user}\``, at(path, user.line)));
    return 0;
  }
  if (!user && base && defaultsToNonRoot(base)) {
    findings.push(
      info("non-root-user", `The base image \`${base.resolved}\` runs as a non-root user`, at(path, final.line)),
    );
    return 0;
  }
  if (dev) {
    findings.push(
      info("root-in-dev-image", "Development image runs as root (acceptable for local use)", at(path, final.line)),
    );
    return 0;
  }
  const earlier = model.stages.some((s) => s !== final && s.instructions.some((i) => i.keyword === "USER"));
  const message = user
    ? `The final stage switches back to root (\`USER ${user.user}\`)`
    : earlier
      ? "USER is set only in an earlier build stage: the final stage runs as root"
      : "No USER instruction: the container runs as root";
  findings.push(
    warning("runs-as-root", message, at(path, user?.line ?? final.line), {
      remediation:
        "Create an unprivileged user in the final stage and switch to it: `RUN useradd --create-home app` then `USER app`.",
      docs: DOCS.user,
    }),
  );
  return SHORTFALL;
}

/** Review one Dockerfile's text. */
export function reviewDockerfile(repo: RepoView, path: string, text: string): DockerfileReview {
  const development = isDevelopmentDockerfile(path);
  const model = parseDockerfile(text);
  const findings: Finding[] = model.problems.map((p) =>
    warning("parse-error", `${p.message}`, at(path, p.line), {
      remediation: "Fix the instruction so that `docker build` accepts the file.",
      docs: DOCS.reference,
    }),
  );
  const final = model.stages[model.stages.length - 1];
  if (!final) return { path, score: 0.1, findings, development };

  let cost = Math.min(SHORTFALL, 0.1 * model.problems.length);
  cost += reviewBases(path, model, findings);
  cost += reviewUser(path, model, final, development, findings);
  cost += reviewSecrets(path, text, model, findings);
  cost += reviewContext(repo, path, model, findings);

  const command = stageCommand(model, final);
  const server = (command ? devServerOf(command.text) : undefined) ?? debugMode(model, final);
  if (server && command && !development) {
    cost += SHORTFALL;
    findings.push(
      warning("dev-server", `The image starts ${server}`, at(path, command.line), {
        remediation:
          "Run a production server without reload or debug mode: `gunicorn app:app` (Flask/Django), `uvicorn app:app` without --reload, `node server.js` after a build; leave FLASK_DEBUG/FLASK_ENV unset.",
        docs: "https://fastapi.tiangolo.com/deployment/docker/",
      }),
    );
  }
  const healthcheck = model.stages.some((s) => s.instructions.some((i) => i.keyword === "HEALTHCHECK"));
  if (!healthcheck && !development)
    findings.push(
      info("no-healthcheck", "No HEALTHCHECK (optional: orchestrators can then restart an unhealthy container)", {
        path,
      }),
    );
  return { path, score: Math.max(FLOOR, 1 - cost), findings, development };
}
