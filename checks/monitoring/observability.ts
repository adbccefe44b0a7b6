import {
  type CheckOutcome,
  defineCheck,
  type Finding,
  failure,
  info,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { jsSources } from "../lib/javascript.js";
import { JS_SOURCE_READ, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { declaredDependencies, normaliseName, PROJECT_READ } from "../lib/project.js";
import { pythonSources } from "../lib/python.js";
import { NOT_APPLICATION_DIR } from "./logging-facts.js";
import { isApplicationPython } from "./logging-python.js";
import { OBSERVABILITY_CONFIG_READ, observabilityConfig } from "./observability-config.js";
import {
  JS_TOOLS,
  jsToolOf,
  matchesPackage,
  type ObservabilityTool,
  PYTHON_TOOLS,
  pythonToolOf,
} from "./observability-tools.js";

const DOCS = "https://opentelemetry.io/docs/";
const REMEDIATION =
  "For a service: expose request and prediction metrics (prometheus_client or prometheus-fastapi-instrumentator; prom-client in Node), report errors to Sentry (`sentry_sdk.init(...)`), or trace with OpenTelemetry. For a model: track data and prediction drift with Evidently or whylogs as part of the pipeline, not only in a notebook.";

/** Where code uses a tool, and the first call that shows it at work (`sentry_sdk.init`). */
interface Use {
  readonly tool: ObservabilityTool;
  readonly path: string;
  readonly line: number;
  readonly module: string;
  readonly call?: string;
}

/** AWS CloudWatch custom metrics, recognised by their `put_metric_data` call. */
const CLOUDWATCH: ObservabilityTool = { name: "AWS CloudWatch metrics", kind: "metrics", modules: [], packages: [] };

/** Tool uses in code, by where the code lives. */
interface Uses {
  readonly application: Use[];
  readonly notebooks: Use[];
  readonly tests: Use[];
}

function collectUses(repo: RepoView): Uses {
  const uses: Uses = { application: [], notebooks: [], tests: [] };
  for (const file of pythonSources(repo, { notebooks: true })) {
    const bucket = file.test
      ? uses.tests
      : file.notebook
        ? uses.notebooks
        : isApplicationPython(file)
          ? uses.application
          : undefined;
    if (!bucket) continue;
    for (const imp of file.source.imports) {
      const tool = pythonToolOf(imp.module);
      if (!tool) continue;
      const call = file.source.calls.find((c) => imp.bound.includes(c.callee.split(".")[0] ?? ""));
      bucket.push({
        tool,
        path: file.path,
        line: imp.line,
        module: imp.module,
        ...(call ? { call: call.callee } : {}),
      });
    }
    // CloudWatch custom metrics go through boto3, too general an import to be a tool by itself.
    const putMetric = file.source.calls.find((c) => /(^|\.)put_metric_data$/.test(c.callee));
    if (putMetric)
      bucket.push({
        tool: CLOUDWATCH,
        path: file.path,
        line: putMetric.line,
        module: "boto3",
        call: putMetric.callee,
      });
  }
  for (const file of jsSources(repo)) {
    // `sentry.client.config.ts` is where Next.js apps set Sentry up: config-named files count.
    if (NOT_APPLICATION_DIR.test(file.path)) continue;
    const bucket = file.test ? uses.tests : uses.application;
    for (const imp of file.source.imports) {
      const tool = imp.typeOnly ? undefined : jsToolOf(imp.module);
      if (tool) bucket.push({ tool, path: file.path, line: imp.line, module: imp.module });
    }
  }
  return uses;
}

/** One line per tool: "Sentry (error tracking): sentry_sdk at app/main.py:3, sentry_sdk.init called". */
function describe(uses: readonly Use[]): { text: string; at: Use }[] {
  const byTool = new Map<string, Use[]>();
  for (const u of uses) byTool.set(u.tool.name, [...(byTool.get(u.tool.name) ?? []), u]);
  return [...byTool.values()].map((list) => {
    const first = list.find((u) => u.call) ?? (list[0] as Use);
    const files = new Set(list.map((u) => u.path)).size;
    const call = first.call ? `, \`${first.call}(...)\` called` : "";
    const more = files > 1 ? ` (and ${files - 1} more file${files > 2 ? "s" : ""})` : "";
    return {
      text: `${first.tool.name} (${first.tool.kind}): \`${first.module}\` in ${first.path}:${first.line}${call}${more}`,
      at: first,
    };
  });
}

/** The tool a declared dependency installs ("sentry-sdk" -> Sentry, "@sentry/node" -> Sentry). */
function toolOfPackage(name: string, ecosystem: "python" | "npm"): ObservabilityTool | undefined {
  if (ecosystem === "npm") return JS_TOOLS.find((t) => t.packages.some((p) => matchesPackage(name, p)));
  const normalised = normaliseName(name);
  return PYTHON_TOOLS.find((t) => t.packages.includes(normalised));
}

/** Runtime dependencies on monitoring tools that no code imports: a hint, not evidence. */
function declaredUnused(repo: RepoView): Finding[] {
  const out: Finding[] = [];
  for (const dep of declaredDependencies(repo)) {
    const tool = dep.dev ? undefined : toolOfPackage(dep.name, dep.ecosystem);
    if (!tool) continue;
    out.push(
      warning(
        "observability-declared-unused",
        `${dep.name} (${tool.name}) is declared in ${dep.path} but no code imports it.`,
        { path: dep.path, ...(dep.line ? { line: dep.line } : {}) },
        { remediation: REMEDIATION, docs: DOCS },
      ),
    );
  }
  return out;
}

/** The docs of the tool a config file belongs to. */
function configDocs(path: string): string {
  if (/grafana|dashboards/i.test(path))
    return "https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/";
  if (/otel|collector/i.test(path)) return "https://opentelemetry.io/docs/collector/configuration/";
  return "https://prometheus.io/docs/prometheus/latest/configuration/configuration/";
}

const observabilityRules = defineCheck({
  id: "monitoring.observability",
  title: "Metrics, tracing or model monitoring",
  criterion: "monitoring",
  weight: 1,
  looksFor:
    "Metrics, tracing, error tracking or model monitoring used from the application code (prometheus_client, OpenTelemetry, Sentry, StatsD/Datadog, Evidently, whylogs, NannyML; prom-client, @opentelemetry/*, @sentry/*), or a monitoring stack configured (Prometheus, Grafana, OpenTelemetry Collector).",
  why: "A model in production degrades silently; metrics, traces, error reports and drift checks are how an engineer notices before the users do.",
  remediation: REMEDIATION,
  effort: "high",
  docs: DOCS,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ, JS_SOURCE_READ, OBSERVABILITY_CONFIG_READ, PROJECT_READ],
  evaluate(repo): CheckOutcome {
    const uses = collectUses(repo);
    const config = observabilityConfig(repo);
    const fix = { remediation: REMEDIATION, docs: DOCS };
    const findings: Finding[] = [];
    for (const d of describe(uses.application)) findings.push(info("observability-code", d.text, d.at));
    for (const c of config.evidence) findings.push(info("observability-config", `${c.what}.`, c));
    for (const b of config.broken)
      findings.push(
        warning(
          "observability-config-invalid",
          `${b.path} does not parse: ${b.message}`,
          { path: b.path, ...(b.line ? { line: b.line } : {}) },
          {
            remediation: "Fix the file so the monitoring tool can load it.",
            docs: configDocs(b.path),
          },
        ),
      );
    if (uses.application.length > 0) return scored(1, findings);

    if (config.evidence.length > 0) {
      findings.push(
        warning(
          "observability-config-only",
          "A monitoring stack is configured, but no application code exports metrics, traces or errors to it.",
          config.evidence[0],
          fix,
        ),
      );
      return scored(0.5, findings);
    }
    if (uses.notebooks.length > 0) {
      for (const d of describe(uses.notebooks))
        findings.push(
          warning(
            "observability-notebooks-only",
            `Only in notebooks: ${d.text}; move it into the pipeline or service.`,
            d.at,
            fix,
          ),
        );
      return scored(0.5, findings);
    }
    const seen = new Set(uses.tests.map((u) => u.tool.name));
    const inTests = uses.tests.length > 0 ? ` (${[...seen].join(", ")} appear only in tests)` : "";
    findings.push(
      failure(
        "observability-none",
        `No metrics, tracing, error tracking or model monitoring in the code or configuration${inTests}. Not every portfolio project needs it, but a deployed model or service shows production thinking with request metrics, error reports or drift checks.`,
        undefined,
        fix,
      ),
    );
    findings.push(...declaredUnused(repo));
    return scored(0, findings);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const observability = codeDependent(observabilityRules, "observability");
