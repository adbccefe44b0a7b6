/**
 * The catalogue of metrics, tracing, error-tracking and model-monitoring tools: the Python
 * modules and npm packages that show them in code, and the names they are installed under.
 */

/** What a tool watches. */
export type ObservabilityKind = "metrics" | "tracing" | "error tracking" | "APM" | "model monitoring";

/** One tool as code shows it. */
export interface ObservabilityTool {
  readonly name: string;
  readonly kind: ObservabilityKind;
  /** Python top-level modules, or npm packages (a trailing "/" matches a whole scope). */
  readonly modules: readonly string[];
  /** Names in a manifest (PyPI or npm), for "declared but never imported". */
  readonly packages: readonly string[];
}

/** Python tools, by the module the code imports. */
export const PYTHON_TOOLS: readonly ObservabilityTool[] = [
  {
    name: "Prometheus client",
    kind: "metrics",
    modules: ["prometheus_client", "aioprometheus"],
    packages: ["prometheus-client", "aioprometheus"],
  },
  {
    name: "Prometheus exporter middleware",
    kind: "metrics",
    modules: [
      "prometheus_fastapi_instrumentator",
      "starlette_exporter",
      "starlette_prometheus",
      "prometheus_flask_exporter",
      "django_prometheus",
    ],
    packages: [
      "prometheus-fastapi-instrumentator",
      "starlette-exporter",
      "starlette-prometheus",
      "prometheus-flask-exporter",
      "django-prometheus",
    ],
  },
  { name: "StatsD", kind: "metrics", modules: ["statsd"], packages: ["statsd"] },
  { name: "Datadog", kind: "APM", modules: ["datadog", "ddtrace"], packages: ["datadog", "ddtrace"] },
  {
    name: "OpenTelemetry",
    kind: "tracing",
    modules: ["opentelemetry", "opencensus"],
    packages: ["opentelemetry-api", "opentelemetry-sdk", "opentelemetry-distro", "opencensus"],
  },
  { name: "Logfire", kind: "tracing", modules: ["logfire"], packages: ["logfire"] },
  { name: "New Relic", kind: "APM", modules: ["newrelic"], packages: ["newrelic"] },
  { name: "Elastic APM", kind: "APM", modules: ["elasticapm"], packages: ["elastic-apm"] },
  { name: "Sentry", kind: "error tracking", modules: ["sentry_sdk", "raven"], packages: ["sentry-sdk", "raven"] },
  { name: "Rollbar", kind: "error tracking", modules: ["rollbar"], packages: ["rollbar"] },
  { name: "Bugsnag", kind: "error tracking", modules: ["bugsnag"], packages: ["bugsnag"] },
  { name: "Evidently", kind: "model monitoring", modules: ["evidently"], packages: ["evidently"] },
  { name: "whylogs", kind: "model monitoring", modules: ["whylogs"], packages: ["whylogs"] },
  { name: "NannyML", kind: "model monitoring", modules: ["nannyml"], packages: ["nannyml"] },
  { name: "Arize", kind: "model monitoring", modules: ["arize", "phoenix"], packages: ["arize", "arize-phoenix"] },
  { name: "Alibi Detect", kind: "model monitoring", modules: ["alibi_detect"], packages: ["alibi-detect"] },
  { name: "Fiddler", kind: "model monitoring", modules: ["fiddler"], packages: ["fiddler-client"] },
  { name: "Langfuse", kind: "tracing", modules: ["langfuse"], packages: ["langfuse"] },
  { name: "LangSmith", kind: "tracing", modules: ["langsmith"], packages: ["langsmith"] },
];

/** JS/TS tools, by the package the code imports. */
export const JS_TOOLS: readonly ObservabilityTool[] = [
  {
    name: "Prometheus client",
    kind: "metrics",
    modules: ["prom-client", "express-prom-bundle", "fastify-metrics"],
    packages: ["prom-client", "express-prom-bundle", "fastify-metrics"],
  },
  {
    name: "StatsD",
    kind: "metrics",
    modules: ["hot-shots", "node-statsd", "statsd-client", "lynx"],
    packages: ["hot-shots", "node-statsd", "statsd-client", "lynx"],
  },
  {
    name: "OpenTelemetry",
    kind: "tracing",
    modules: ["@opentelemetry/", "@vercel/otel", "@honeycombio/opentelemetry-node"],
    packages: ["@opentelemetry/", "@vercel/otel", "@honeycombio/opentelemetry-node"],
  },
  { name: "Sentry", kind: "error tracking", modules: ["@sentry/"], packages: ["@sentry/"] },
  { name: "Datadog", kind: "APM", modules: ["dd-trace", "@datadog/"], packages: ["dd-trace", "@datadog/"] },
  { name: "New Relic", kind: "APM", modules: ["newrelic"], packages: ["newrelic"] },
  { name: "Elastic APM", kind: "APM", modules: ["elastic-apm-node"], packages: ["elastic-apm-node"] },
  { name: "Application Insights", kind: "APM", modules: ["applicationinsights"], packages: ["applicationinsights"] },
  {
    name: "Bugsnag/Rollbar",
    kind: "error tracking",
    modules: ["@bugsnag/", "rollbar"],
    packages: ["@bugsnag/", "rollbar"],
  },
  { name: "Langfuse", kind: "tracing", modules: ["langfuse"], packages: ["langfuse"] },
];

/** The tool a Python module belongs to ("opentelemetry.sdk.trace" -> OpenTelemetry). */
export function pythonToolOf(module: string): ObservabilityTool | undefined {
  const root = module.split(".")[0] ?? "";
  return PYTHON_TOOLS.find((t) => t.modules.includes(root));
}

/** The tool an npm module belongs to ("@sentry/node" -> Sentry). */
export function jsToolOf(module: string): ObservabilityTool | undefined {
  return JS_TOOLS.find((t) => t.modules.some((m) => matchesPackage(module, m)));
}

/** A module or package name against a catalogue entry; "@scope/" matches the whole scope. */
export function matchesPackage(name: string, entry: string): boolean {
  if (entry.endsWith("/")) return name.startsWith(entry);
  return name === entry || name.startsWith(`${entry}/`);
}
