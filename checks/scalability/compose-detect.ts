/**
 * Compose files as deployment evidence: which service runs the application (built from the
 * project, an image of its own, or a stock image mounting the project's code), and whether the
 * Dockerfile a build names is in the repository at all.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { isRecord, parseYaml } from "../lib/parse.js";
import { resolveRelative } from "../lib/repo-paths.js";
import type { DeployEvidence, DeployProblem } from "./deployment-detect.js";

/** Compose files, named the standard way or prefixed (`airflow-docker-compose.yaml`, `minio_docker-compose.yml`). */
export const COMPOSE = /(^|\/)([\w.-]*[-_.])?(docker-)?compose([.-][^/]*)?\.ya?ml$/;
/** Images of backing services: a Compose file that runs only these deploys no application. */
const BACKING_IMAGES =
  /^(postgres|mysql|mariadb|mongo|redis|rabbitmq|elasticsearch|opensearch|memcached|minio\/minio|localstack\/localstack|adminer|dpage\/pgadmin4|mailhog\/mailhog|prom\/prometheus|grafana\/grafana|jaegertracing\/all-in-one|confluentinc\/[\w-]+|bitnami\/[\w-]+|zookeeper|nginx|traefik|qdrant\/qdrant|chromadb\/chroma|ghcr\.io\/mlflow\/mlflow|apache\/airflow)(:|$)/;

/**
 * A service on a stock image that bind-mounts a folder of the project's code (Airflow's official
 * Compose file mounts ./dags) runs that code: it deploys the project's pipelines, not a backing service.
 */
function mountsProjectCode(repo: RepoView, composePath: string, service: Record<string, unknown>): boolean {
  const base = composePath.slice(0, composePath.lastIndexOf("/") + 1);
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes.some((v) => {
    const source =
      typeof v === "string" ? v.split(":")[0] : isRecord(v) && typeof v.source === "string" ? v.source : undefined;
    if (!source?.startsWith("./") && !source?.startsWith("../")) return false;
    const dir = `${base}${source}`
      .replace(/\/\.\//g, "/")
      .replace(/^\.\//, "")
      .replace(/\/$/, "");
    if (dir === "" || dir === "." || dir.includes("..")) return false;
    return repo.glob(`${dir}/**/*.{py,js,ts}`).length > 0;
  });
}

/** The Dockerfile a service's `build:` names, when the repository does not hold it. */
function missingDockerfile(repo: RepoView, composePath: string, service: Record<string, unknown>): string | undefined {
  const build = service.build;
  if (build === undefined) return undefined;
  const spec = isRecord(build) ? build : {};
  const context = typeof build === "string" ? build : typeof spec.context === "string" ? spec.context : ".";
  // A remote context (a git URL) or an inline Dockerfile cannot be checked from the listing.
  if (/^[a-z]+:\/\/|^git@|\$\{/.test(context) || spec.dockerfile_inline !== undefined) return undefined;
  const dockerfile = typeof spec.dockerfile === "string" ? spec.dockerfile : "Dockerfile";
  if (dockerfile.includes("${")) return undefined;
  const dir = composePath.includes("/") ? composePath.slice(0, composePath.lastIndexOf("/")) : "";
  const contextDir = resolveRelative(dir, context);
  if (contextDir === undefined) return undefined;
  const path = resolveRelative(contextDir, dockerfile);
  return path !== undefined && !repo.has(path) ? path : undefined;
}

/** Compose files as deployment evidence: one that runs the application, or only backing services. */
export function compose(repo: RepoView, out: DeployEvidence[], problems: DeployProblem[]): void {
  for (const file of repo.read(["**/*.{yml,yaml}"])) {
    if (!COMPOSE.test(file.path) || !isOwnCode(file.path)) continue;
    const parsed = parseYaml(file.text);
    if (!parsed.ok) {
      problems.push({ path: file.path, message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) });
      continue;
    }
    const services =
      isRecord(parsed.value.value) && isRecord(parsed.value.value.services) ? parsed.value.value.services : {};
    // Compose honours YAML merge keys (`<<: *common`), which YAML 1.2 leaves as a plain key.
    const entries = Object.entries(services)
      .filter(([, s]) => isRecord(s))
      .map(([name, s]): [string, Record<string, unknown>] => {
        const service = s as Record<string, unknown>;
        const merged = [service["<<"]].flat().filter(isRecord);
        return [name, Object.assign({}, ...merged, service)];
      });
    if (entries.length === 0) continue;
    const app = entries.find(
      ([, s]) =>
        s.build !== undefined ||
        (typeof s.image === "string" && !BACKING_IMAGES.test(s.image)) ||
        mountsProjectCode(repo, file.path, s),
    );
    const missing = app ? missingDockerfile(repo, file.path, app[1]) : undefined;
    if (app && missing) {
      out.push({
        id: "compose-build-missing",
        message: `Compose builds service \`${app[0]}\` from ${missing}, which the repository does not have: ${file.path}`,
        path: file.path,
        line: parsed.value.lineOf(["services", app[0], "build"]),
        strength: 0.5,
      });
      continue;
    }
    out.push(
      app
        ? {
            id: "compose",
            message: `Compose runs the application (service \`${app[0]}\`): ${file.path}`,
            path: file.path,
            line: parsed.value.lineOf(["services", app[0]]),
            strength: 0.85,
          }
        : {
            id: "compose-backing-only",
            message: `Compose runs only backing services (${entries.map(([n]) => n).join(", ")}): ${file.path}`,
            path: file.path,
            strength: 0.5,
          },
    );
  }
}
