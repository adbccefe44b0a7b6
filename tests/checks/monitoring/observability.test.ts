import { describe, expect, it } from "vitest";
import { observability } from "../../../checks/monitoring/observability.js";
import { OBSERVABILITY_CONFIG_READ, observabilityConfig } from "../../../checks/monitoring/observability-config.js";
import { RepoView } from "../../../src/engine/repo-view.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, snapshotOf, type Tree } from "../../helpers/tree.js";
import { FASTAPI_SERVICE, notebook, PYPROJECT } from "./fixtures.js";

const INSTRUMENTED_MAIN = `"""API with metrics and error reporting."""
import os

import sentry_sdk
from fastapi import FastAPI
from prometheus_client import Counter
from prometheus_fastapi_instrumentator import Instrumentator

sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=0.1)
app = FastAPI()
Instrumentator().instrument(app).expose(app)
PREDICTIONS = Counter("predictions_total", "Predictions served", ["label"])


@app.post("/predict")
def predict(row: dict) -> dict:
    label = "churn" if row["tenure"] < 6 else "stay"
    PREDICTIONS.labels(label=label).inc()
    return {"label": label}
`;

const PROMETHEUS_YML = `global:
  scrape_interval: 15s
scrape_configs:
  - job_name: api
    static_configs:
      - targets: ["api:8000"]
`;

const COMPOSE = `services:
  api:
    build: .
    ports: ["8000:8000"]
  prometheus:
    image: prom/prometheus:v2.53.0
    volumes: ["./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml"]
  grafana:
    image: grafana/grafana:11.1.0
    ports: ["3000:3000"]
`;

const OTEL_COLLECTOR = `receivers:
  otlp:
    protocols:
      grpc: {}
exporters:
  debug: {}
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

const DASHBOARD = JSON.stringify({ title: "API", panels: [{ type: "timeseries", title: "p95 latency" }] }, null, 2);

const FROZEN = `absl-py==2.1.0
anyio==4.4.0
prometheus-client==0.20.0
sentry-sdk==2.7.1
opentelemetry-api==1.25.0
`;

const DRIFT_NOTEBOOK = notebook([
  ["# Drift report"],
  [
    "from evidently.report import Report\n",
    "from evidently.metric_preset import DataDriftPreset\n",
    "report = Report(metrics=[DataDriftPreset()])\n",
    "report.run(reference_data=ref, current_data=cur)",
  ],
]);

const CASES: [string, Tree, CheckStatus, string[]][] = [
  [
    "FastAPI service with Prometheus metrics and Sentry",
    { ...FASTAPI_SERVICE, "src/service/main.py": INSTRUMENTED_MAIN },
    "pass",
    ["observability-code", "observability-code", "observability-code"],
  ],
  [
    "OpenTelemetry tracing in code",
    {
      "app/tracing.py":
        "from opentelemetry import trace\nfrom opentelemetry.sdk.trace import TracerProvider\n\ntrace.set_tracer_provider(TracerProvider())\ntracer = trace.get_tracer(__name__)\n",
    },
    "pass",
    ["observability-code"],
  ],
  [
    "whylogs profiling in the pipeline",
    { "pipeline/monitor.py": "import whylogs as why\n\n\ndef profile(df):\n    return why.log(df).view()\n" },
    "pass",
    ["observability-code"],
  ],
  [
    "Node service with Sentry and prom-client",
    {
      "src/instrument.ts": 'import * as Sentry from "@sentry/node";\n\nSentry.init({ dsn: process.env.SENTRY_DSN });\n',
      "src/metrics.ts":
        'import client from "prom-client";\n\nexport const registry = new client.Registry();\nclient.collectDefaultMetrics({ register: registry });\n',
    },
    "pass",
    ["observability-code", "observability-code"],
  ],
  [
    "Next.js app with Sentry set up in sentry.client.config.ts",
    {
      "sentry.client.config.ts":
        'import * as Sentry from "@sentry/nextjs";\n\nSentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });\n',
      "app/page.tsx": "export default function Page() {\n  return <main>hi</main>;\n}\n",
    },
    "pass",
    ["observability-code"],
  ],
  [
    "metrics in code and a monitoring stack in Compose",
    {
      "app.py": INSTRUMENTED_MAIN,
      "docker-compose.yml": COMPOSE,
      "monitoring/prometheus.yml": PROMETHEUS_YML,
    },
    "pass",
    [
      "observability-code",
      "observability-code",
      "observability-code",
      "observability-config",
      "observability-config",
      "observability-config",
    ],
  ],
  // Partial
  [
    "Prometheus and Grafana in Compose, nothing in the code",
    { ...FASTAPI_SERVICE, "docker-compose.yml": COMPOSE, "monitoring/prometheus.yml": PROMETHEUS_YML },
    "partial",
    ["observability-config", "observability-config", "observability-config", "observability-config-only"],
  ],
  [
    "a Grafana dashboard only",
    { "grafana/dashboards/api.json": DASHBOARD },
    "partial",
    ["observability-config", "observability-config-only"],
  ],
  [
    "an OpenTelemetry Collector config only",
    { "deploy/otel-collector.yaml": OTEL_COLLECTOR },
    "partial",
    ["observability-config", "observability-config-only"],
  ],
  [
    "a Kubernetes ServiceMonitor",
    {
      "k8s/servicemonitor.yaml":
        "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: api\nspec:\n  endpoints:\n    - port: http\n",
    },
    "partial",
    ["observability-config", "observability-config-only"],
  ],
  [
    "Evidently drift report in a notebook only",
    { "notebooks/drift.ipynb": DRIFT_NOTEBOOK },
    "partial",
    ["observability-notebooks-only"],
  ],
  // Fail
  ["a FastAPI service without any monitoring", FASTAPI_SERVICE, "fail", ["observability-none"]],
  [
    "trap: a frozen requirements dump is not evidence",
    { ...FASTAPI_SERVICE, "requirements.txt": FROZEN },
    "fail",
    ["observability-none"],
  ],
  [
    "trap: declared in pyproject but never imported",
    {
      ...FASTAPI_SERVICE,
      "pyproject.toml": PYPROJECT.replace('"pydantic==2.7.4"]', '"pydantic==2.7.4", "sentry-sdk>=2.7"]'),
    },
    "fail",
    ["observability-none", "observability-declared-unused"],
  ],
  [
    "trap: Sentry only in tests",
    { ...FASTAPI_SERVICE, "tests/test_sentry.py": "import sentry_sdk\n\n\ndef test_init():\n    sentry_sdk.init()\n" },
    "fail",
    ["observability-none"],
  ],
  [
    "trap: an example script is not the application",
    {
      "examples/sentry_demo.py": "import sentry_sdk\n\nsentry_sdk.init()\n",
      "docs/metrics.js": 'require("prom-client");\n',
    },
    "fail",
    ["observability-none"],
  ],
  [
    "trap: names in comments and strings",
    {
      "app.py":
        '# import sentry_sdk\n"""We should add prometheus_client one day."""\nTOOLS = ["opentelemetry", "evidently"]\n',
    },
    "fail",
    ["observability-none"],
  ],
  [
    "trap: a prometheus.yml that is not a scrape config",
    { "prometheus.yml": "# TODO\nenabled: false\n", "app.py": "from flask import Flask\n\napp = Flask(__name__)\n" },
    "fail",
    ["observability-none"],
  ],
  [
    "a broken prometheus.yml is reported, not evidence",
    { "monitoring/prometheus.yml": "scrape_configs:\n  - job_name: [api\n" },
    "fail",
    ["observability-config-invalid", "observability-none"],
  ],
];

describe("monitoring.observability", () => {
  it.each(CASES)("%s", (_name, tree, status, ids) => {
    const result = runCheck(observability, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
    for (const f of result.findings) {
      if (f.level !== "info") expect(f.remediation && f.docs).toBeTruthy();
    }
  });

  it("names the tool, the import and the call that shows it at work", () => {
    const result = runCheck(observability, { "src/service/main.py": INSTRUMENTED_MAIN });
    const sentry = result.findings.find((f) => f.message.startsWith("Sentry"));
    expect(sentry).toMatchObject({ path: "src/service/main.py", line: 4 });
    expect(sentry?.message).toContain("`sentry_sdk.init(...)` called");
  });

  it("says where the declared dependency is", () => {
    const tree = { "pyproject.toml": PYPROJECT.replace('"pydantic==2.7.4"]', '"pydantic==2.7.4", "sentry-sdk>=2.7"]') };
    const finding = runCheck(observability, tree).findings.find((f) => f.id === "observability-declared-unused");
    expect(finding).toMatchObject({ path: "pyproject.toml", line: 5 });
  });

  it("mentions tools seen only in tests", () => {
    const result = runCheck(observability, { "tests/test_x.py": "import sentry_sdk\n" });
    expect(result.findings[0]?.message).toContain("Sentry appear only in tests");
  });

  it("gives the line of a Compose service's image", () => {
    const result = runCheck(observability, { "docker-compose.yml": COMPOSE });
    expect(result.findings.filter((f) => f.id === "observability-config").map((f) => f.line)).toEqual([6, 9]);
  });
});

describe("monitoring configuration files", () => {
  const view = (tree: Tree) => new RepoView(snapshotOf(tree, [{ reads: [OBSERVABILITY_CONFIG_READ] }]));

  it.each([
    [
      "prometheus/rules.yml",
      "groups:\n  - name: api\n    rules:\n      - alert: HighLatency\n        expr: p95 > 1\n",
      ["Prometheus alerting/recording rules"],
    ],
    ["alertmanager.yml", "route:\n  receiver: team\nreceivers:\n  - name: team\n", ["Alertmanager routing"]],
    [
      "grafana/provisioning/datasources/ds.yaml",
      "apiVersion: 1\ndatasources:\n  - name: Prometheus\n    type: prometheus\n",
      ["Grafana provisioning"],
    ],
    [
      "grafana/provisioning/dashboards/all.yaml",
      "apiVersion: 1\nproviders:\n  - name: default\n",
      ["Grafana provisioning"],
    ],
    [
      "monitoring/dashboards/api.json",
      JSON.stringify({ dashboard: { title: "API", panels: [] } }),
      ["Grafana dashboard"],
    ],
    ["monitoring/dashboards/notes.json", JSON.stringify({ title: "not a dashboard" }), []],
    ["k8s/podmonitor.yaml", "kind: PodMonitor\n---\nkind: Service\n", ["Kubernetes PodMonitor"]],
    [
      "deploy/otel-collector.yaml",
      "---\nreceivers: {otlp: {}}\nexporters: {debug: {}}\nservice: {pipelines: {}}\n",
      ["OpenTelemetry Collector pipeline"],
    ],
    ["docker-compose.yml", "services:\n  db:\n    image: postgres:16\n", []],
    [".venv/lib/prometheus.yml", PROMETHEUS_YML, []],
  ])("%s", (path, text, want) => {
    const { evidence, broken } = observabilityConfig(view({ [path]: text }));
    expect(evidence.map((e) => e.what)).toEqual(want);
    expect(broken).toEqual([]);
  });

  it.each([
    ["grafana/dashboards/api.json", '{ "panels": [ }', "grafana.com"],
    ["k8s/servicemonitor.yaml", "kind: ServiceMonitor\n  bad: [\n", "prometheus.io"],
    ["otel-collector.yaml", "receivers: [\n", "opentelemetry.io"],
  ])("reports a broken %s with the tool's docs", (path, text, docs) => {
    const result = runCheck(observability, { [path]: text });
    const finding = result.findings.find((f) => f.id === "observability-config-invalid");
    expect(finding?.path).toBe(path);
    expect(finding?.docs).toContain(docs);
  });

  it("leaves a broken Compose file to the deployment checks", () => {
    expect(observabilityConfig(view({ "docker-compose.yml": "services: [\n" })).broken).toEqual([]);
  });
});

describe("monitoring.observability with CloudWatch", () => {
  it("counts CloudWatch custom metrics published from the service", () => {
    const run = runCheck(observability, {
      "app/main.py":
        'from fastapi import FastAPI\n\nfrom app.cloudwatch_metrics import publish\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: float) -> dict:\n    publish("PredictionCount", 1)\n    return {"p": x}\n',
      "app/cloudwatch_metrics.py":
        'import boto3\n\ncloudwatch = boto3.client("cloudwatch")\n\n\ndef publish(name: str, value: float) -> None:\n    cloudwatch.put_metric_data(Namespace="CreditRiskAPI", MetricData=[{"MetricName": name, "Value": value}])\n',
    });
    expect(run.status).not.toBe("fail");
    expect(run.findings.map((f) => f.message).join(" ")).toContain("AWS CloudWatch metrics");
  });
});
