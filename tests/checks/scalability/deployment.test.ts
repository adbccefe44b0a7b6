import { describe, expect, it } from "vitest";
import { deployment } from "../../../checks/scalability/deployment.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { plainTraining } from "./fixtures.js";

const k8s = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  replicas: 2
  selector:
    matchLabels: { app: churn-api }
  template:
    metadata:
      labels: { app: churn-api }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/churn-api:1.4.0
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata:
  name: churn-api
spec:
  selector: { app: churn-api }
  ports: [{ port: 80, targetPort: 8000 }]
`;

const composeApp = `services:
  api:
    build: .
    ports: ["8000:8000"]
    env_file: .env
    depends_on: [db]
  db:
    image: postgres:16
`;

const composeBacking = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_DB: churn
  mlflow:
    image: ghcr.io/mlflow/mlflow:v2.15.1
    ports: ["5000:5000"]
`;

const cloudRunWorkflow = `name: deploy
on:
  push:
    tags: ["v*"]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
      - run: gcloud run deploy churn-api --source . --region europe-west1
`;

const pushWorkflow = `name: image
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/churn:latest
`;

const dockerfile = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/serve.py"]\n';

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["Kubernetes Deployment and Service", { "k8s/api.yaml": k8s, Dockerfile: dockerfile }, "pass", ["kubernetes"]],
  [
    "a Helm chart",
    {
      "charts/churn/Chart.yaml": "apiVersion: v2\nname: churn\nversion: 0.1.0\n",
      "charts/churn/templates/deployment.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
    },
    "pass",
    ["platform-config"],
  ],
  [
    "Terraform",
    { "infra/main.tf": 'resource "google_cloud_run_v2_service" "api" {\n  name = "churn"\n}\n' },
    "pass",
    ["platform-config"],
  ],
  [
    "a Cloud Run deploy workflow",
    { ".github/workflows/deploy.yml": cloudRunWorkflow, Dockerfile: dockerfile },
    "pass",
    ["deploy-workflow"],
  ],
  [
    "an Anyscale service rolled out by a workflow on push to main (Ray Serve)",
    {
      ".github/workflows/serve.yaml":
        "name: serve\non:\n  push:\n    branches: [main]\njobs:\n  serve:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: anyscale service rollout --service-config-file deploy/services/serve_model.yaml\n",
      "deploy/services/serve_model.yaml":
        "name: madewithml\nray_serve_config:\n  import_path: deploy.services.serve_model:entrypoint\n",
    },
    "pass",
    ["deploy-workflow"],
  ],
  [
    "a Compose file with a prefixed name (airflow/airflow-docker-compose.yaml)",
    { "airflow/airflow-docker-compose.yaml": composeApp, "airflow/Dockerfile": dockerfile, "train.py": plainTraining },
    "pass",
    ["compose"],
  ],
  [
    "Compose builds the api from a Dockerfile the repository does not have",
    { "docker-compose.yml": composeApp, "frontend/Dockerfile": dockerfile, "train.py": plainTraining },
    "partial",
    ["compose-build-missing", "no-deployment"],
  ],
  [
    "an AWS ECS task definition",
    {
      "task-definition.json":
        '{"family": "credit-risk-api", "containerDefinitions": [{"name": "api", "image": "credit-risk-api"}]}',
      Dockerfile: dockerfile,
      "train.py": plainTraining,
    },
    "pass",
    ["platform-config"],
  ],
  [
    "Compose building and running the app",
    { "docker-compose.yml": composeApp, Dockerfile: dockerfile },
    "pass",
    ["compose"],
  ],
  ["a Procfile", { Procfile: "web: gunicorn app:app\n", "app.py": "" }, "pass", ["platform-config"]],
  [
    "a Google App Engine app.yaml",
    { "app.yaml": "runtime: python312\nentrypoint: gunicorn -b :$PORT main:app\n" },
    "pass",
    ["platform-config"],
  ],
  [
    "a Hugging Face Space",
    {
      "README.md": "---\ntitle: Churn demo\nsdk: gradio\nsdk_version: 4.44.0\napp_file: app.py\n---\n\n# Churn demo\n",
      "app.py": "import gradio as gr\n",
    },
    "pass",
    ["platform-config"],
  ],
  [
    "Compose with backing services only",
    { "compose.yaml": composeBacking, "train.py": plainTraining },
    "partial",
    ["compose-backing-only", "no-deployment"],
  ],
  [
    "Airflow's Compose file mounting the project's DAGs deploys its pipelines",
    {
      "docker-compose.yaml":
        "x-airflow-common: &airflow-common\n  image: apache/airflow:2.8.1\n  volumes:\n    - ./dags:/opt/airflow/dags\n    - ./logs:/opt/airflow/logs\nservices:\n  postgres:\n    image: postgres:13\n  airflow-scheduler:\n    <<: *airflow-common\n    command: scheduler\n",
      "dags/train_dag.py": "from airflow import DAG\n",
    },
    "pass",
    ["compose"],
  ],
  [
    "backing services mounting only data and SQL stay backing services",
    {
      "compose.yaml":
        "services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./sql/init.sql:/docker-entrypoint-initdb.d/init.sql\n      - ./data:/var/lib/postgresql/data\n",
      "sql/init.sql": "create table t (id int);\n",
      "data/readme.txt": "local volume\n",
      "train.py": plainTraining,
    },
    "partial",
    ["compose-backing-only", "no-deployment"],
  ],
  [
    "an image published but never deployed",
    { ".github/workflows/image.yml": pushWorkflow, Dockerfile: dockerfile },
    "partial",
    ["image-published", "no-deployment"],
  ],
  [
    "an image only built in CI (build-push-action with push: false) is not published",
    {
      ".github/workflows/ci.yml": pushWorkflow.replace("push: true", "push: false"),
      Dockerfile: dockerfile,
      "train.py": plainTraining,
    },
    "fail",
    ["no-deployment"],
  ],
  [
    "a library released to PyPI on tags: published, not deployed",
    {
      ".github/workflows/release.yml":
        'name: release\non:\n  push:\n    tags: ["v*"]\njobs:\n  pypi:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n      - run: pipx run build\n      - uses: pypa/gh-action-pypi-publish@release/v1\n',
      "src/probcal/__init__.py": "",
    },
    "partial",
    ["package-published", "no-deployment"],
  ],
  [
    "an npm package published by a release job",
    {
      ".github/workflows/publish.yml":
        "on:\n  release:\n    types: [published]\njobs:\n  npm:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm publish --provenance --access public\n",
      "index.js": "module.exports = {};\n",
    },
    "partial",
    ["package-published", "no-deployment"],
  ],
  ["a Dockerfile alone", { Dockerfile: dockerfile, "serve.py": "" }, "fail", ["no-deployment"]],
  ["nothing", { "train.py": plainTraining }, "fail", ["no-deployment"]],
  [
    "an Expo app.json and a config YAML are not deployments",
    {
      "app.json": '{"expo": {"name": "app"}}',
      "config/params.yaml": "kind: classifier\nlr: 0.01\n",
      "App.tsx": "export default function App() { return null; }\n",
    },
    "fail",
    ["no-deployment"],
  ],
  [
    "a broken manifest is reported with its line",
    { "deploy/api.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: [oops\n" },
    "fail",
    ["deploy-file-invalid", "no-deployment"],
  ],
];

describe("scalability.deployment", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(deployment, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("tells a repository with a Dockerfile how to deploy it", () => {
    const [finding] = runCheck(deployment, { Dockerfile: dockerfile, "serve.py": "" }).findings;
    expect(finding?.message).toMatch(/Dockerfile builds an image/);
    expect(finding?.remediation).toMatch(/compose\.yaml/);
    expect(finding?.docs).toMatch(/^https:\/\/docs\.docker\.com\/compose/);
  });

  it("names the kinds and the file of a manifest", () => {
    const [finding] = runCheck(deployment, { "k8s/api.yaml": k8s }).findings;
    expect(finding?.message).toBe("Kubernetes manifest (Deployment, Service): k8s/api.yaml");
  });
});
