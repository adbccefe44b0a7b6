/**
 * Monitoring set up outside the code: a Prometheus scrape config or alert rules, Grafana
 * dashboards and provisioning, an OpenTelemetry Collector config, a Compose file that runs the
 * monitoring stack, Kubernetes ServiceMonitors. Files are parsed, not grepped: a file named
 * `prometheus.yml` without scrape configs is no evidence.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { parseJson, parseYaml, parseYamlAll } from "../lib/parse.js";

/** The config files this check reads. */
export const OBSERVABILITY_CONFIG_READ: ReadRequest = {
  globs: [
    "**/prometheus*.{yml,yaml}",
    "**/prometheus/**/*.{yml,yaml}",
    "**/alertmanager*.{yml,yaml}",
    "**/grafana/**/*.{json,yml,yaml}",
    "**/dashboards/**/*.json",
    "**/*otel*.{yml,yaml}",
    "**/*collector*.{yml,yaml}",
    "**/{docker-compose,compose}*.{yml,yaml}",
    "**/*{servicemonitor,podmonitor}*.{yml,yaml}",
  ],
  nocase: true,
  maxFiles: 40,
  priority: 3,
};

/** One piece of configuration evidence. */
export interface ConfigEvidence {
  readonly what: string;
  readonly path: string;
  readonly line: number;
}

/** A monitoring config file that does not parse. */
export interface BrokenConfig {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

/** Images of the monitoring stack in a Compose file. */
const STACK_IMAGE =
  /(^|\/)(prom\/(prometheus|alertmanager|node-exporter|pushgateway)|prometheus|grafana\/(grafana|loki|tempo|agent|alloy|mimir)|grafana|jaegertracing\/[\w-]+|otel\/opentelemetry-collector[\w-]*|openzipkin\/zipkin|datadog\/agent|signoz\/[\w-]+|victoriametrics\/[\w-]+)(:|@|$)/i;

const COMPOSE = /(^|\/)(docker-compose|compose)[^/]*$/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function fromYaml(
  path: string,
  value: unknown,
  lineOf: (p: (string | number)[]) => number | undefined,
): ConfigEvidence[] {
  if (!isObj(value)) return [];
  const at = (what: string, key: (string | number)[]) => ({ what, path, line: lineOf(key) ?? 1 });
  const out: ConfigEvidence[] = [];
  if (Array.isArray(value.scrape_configs)) out.push(at("Prometheus scrape config", ["scrape_configs"]));
  if (Array.isArray(value.groups) && value.groups.some((g) => isObj(g) && Array.isArray(g.rules)))
    out.push(at("Prometheus alerting/recording rules", ["groups"]));
  if (isObj(value.route) && Array.isArray(value.receivers)) out.push(at("Alertmanager routing", ["route"]));
  if (isObj(value.receivers) && isObj(value.exporters) && isObj(value.service))
    out.push(at("OpenTelemetry Collector pipeline", ["service"]));
  if (Array.isArray(value.datasources) || (Array.isArray(value.providers) && /grafana/i.test(path)))
    out.push(at("Grafana provisioning", [Array.isArray(value.datasources) ? "datasources" : "providers"]));
  if (isObj(value.services)) {
    for (const [name, service] of Object.entries(value.services)) {
      const image = isObj(service) && typeof service.image === "string" ? service.image : "";
      if (STACK_IMAGE.test(image))
        out.push(at(`Compose service \`${name}\` runs ${image}`, ["services", name, "image"]));
    }
  }
  return out;
}

function fromJson(path: string, value: unknown): ConfigEvidence[] {
  if (!isObj(value)) return [];
  const dashboard = isObj(value.dashboard) ? value.dashboard : value;
  const panels = Array.isArray(dashboard.panels) || Array.isArray(dashboard.rows);
  return panels ? [{ what: "Grafana dashboard", path, line: 1 }] : [];
}

const cache = new WeakMap<RepoView, { evidence: ConfigEvidence[]; broken: BrokenConfig[] }>();

/** The monitoring configuration the repository holds, and the candidate files that do not parse. */
export function observabilityConfig(repo: RepoView): { evidence: ConfigEvidence[]; broken: BrokenConfig[] } {
  const hit = cache.get(repo);
  if (hit) return hit;
  const evidence: ConfigEvidence[] = [];
  const broken: BrokenConfig[] = [];
  for (const file of repo.read(OBSERVABILITY_CONFIG_READ.globs, { nocase: true })) {
    if (!isOwnCode(file.path)) continue;
    // A broken Compose file is the deployment checks' finding; here only monitoring files are reported.
    const fail = (message: string, line?: number) => {
      if (!COMPOSE.test(file.path)) broken.push({ path: file.path, message, ...(line ? { line } : {}) });
    };
    if (file.path.toLowerCase().endsWith(".json")) {
      const parsed = parseJson(file.text);
      if (parsed.ok) evidence.push(...fromJson(file.path, parsed.value));
      else fail(parsed.error, parsed.line);
      continue;
    }
    if (/^---\s*$/m.test(file.text) || /servicemonitor|podmonitor/i.test(file.path)) {
      // Kubernetes manifests come several to a file.
      const all = parseYamlAll(file.text);
      if (!all.ok) {
        fail(all.error, all.line);
        continue;
      }
      for (const doc of all.value) {
        if (isObj(doc) && typeof doc.kind === "string" && /^(ServiceMonitor|PodMonitor|PrometheusRule)$/.test(doc.kind))
          evidence.push({ what: `Kubernetes ${doc.kind}`, path: file.path, line: 1 });
        else evidence.push(...fromYaml(file.path, doc, () => undefined));
      }
      continue;
    }
    const parsed = parseYaml(file.text);
    if (parsed.ok) evidence.push(...fromYaml(file.path, parsed.value.value, parsed.value.lineOf));
    else fail(parsed.error, parsed.line);
  }
  const result = { evidence, broken };
  cache.set(repo, result);
  return result;
}
