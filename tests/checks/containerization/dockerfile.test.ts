// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfiles use ${VAR} syntax
import { describe, expect, it } from "vitest";
import { dockerfile } from "../../../checks/containerization/dockerfile.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

const dockerignore = ".git\n.env\n.venv/\n__pycache__/\n*.pyc\ndata/\nmlruns/\n";

const serviceCode: Tree = {
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.30.6\nscikit-learn==1.5.2\njoblib==1.4.2\n",
  "app/__init__.py": "",
  "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
  "models/model.joblib": { mode: "file", size: 120_000 },
};

/** A careful multi-stage image: pinned base, non-root user, healthcheck, production server. */
const goodDockerfile = `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS builder
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
RUN useradd --create-home --uid 10001 app
WORKDIR /home/app
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY app/ ./app/
COPY models/model.joblib ./models/
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const good: Tree = { ...serviceCode, Dockerfile: goodDockerfile, ".dockerignore": dockerignore };

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["a careful multi-stage image", good, "pass", ["dockerfile", "non-root-user"]],
  [
    "infra/Dockerfile.app built from the repository root",
    {
      ...serviceCode,
      ".dockerignore": dockerignore,
      "infra/Dockerfile.app": goodDockerfile.replace("HEALTHCHECK", "# no healthcheck\n#HEALTHCHECK"),
    },
    "pass",
    ["dockerfile", "non-root-user", "no-healthcheck"],
  ],
  [
    "USER set in the builder stage only",
    {
      ...good,
      Dockerfile: goodDockerfile.replace("USER app\n", "").replace("RUN pip wheel", "USER nobody\nRUN pip wheel"),
    },
    "partial",
    ["dockerfile", "runs-as-root"],
  ],
  [
    "FROM python without a tag",
    { ...good, Dockerfile: goodDockerfile.replace("FROM python:3.12-slim\n", "FROM python\n") },
    "partial",
    ["dockerfile", "base-image-unpinned", "non-root-user"],
  ],
  [
    "ARG-tagged FROM resolved from its default",
    { ...good, Dockerfile: `ARG PY=3.12-slim\n${goodDockerfile.replaceAll("python:3.12-slim", "python:${PY}")}` },
    "pass",
    ["dockerfile", "non-root-user"],
  ],
  [
    "ARG-tagged FROM whose default is end-of-life",
    { ...good, Dockerfile: `ARG PY=3.7-slim-buster\n${goodDockerfile.replaceAll("python:3.12-slim", "python:${PY}")}` },
    "partial",
    ["dockerfile", "base-image-eol", "base-image-eol", "non-root-user"],
  ],
  [
    "FROM from a build argument with no default",
    { ...good, Dockerfile: `ARG BASE_IMAGE\n${goodDockerfile.replaceAll("python:3.12-slim", "${BASE_IMAGE}")}` },
    "pass",
    ["dockerfile", "base-image-from-build-arg", "base-image-from-build-arg", "non-root-user"],
  ],
  [
    "COPY of a model file the repository does not have",
    {
      ...good,
      "models/model.joblib": "",
      Dockerfile: goodDockerfile.replace("models/model.joblib", "models/model_v2.pkl"),
    },
    "partial",
    ["dockerfile", "non-root-user", "missing-copy-source"],
  ],
  [
    "a wildcard for an optional file is not a missing source",
    {
      ...good,
      Dockerfile: goodDockerfile.replace("COPY requirements.txt .", "COPY requirements.txt requirements.in* ./"),
    },
    "pass",
    ["dockerfile", "non-root-user"],
  ],
  [
    ".env copied into the image",
    {
      ...good,
      ".env": "OPENAI_API_KEY=set-me\n",
      Dockerfile: goodDockerfile.replace("COPY app/ ./app/", "COPY .env app/ ./app/"),
    },
    "partial",
    ["dockerfile", "non-root-user", "copies-credentials"],
  ],
  [
    "COPY . . with a committed .env and a .dockerignore that forgets it",
    {
      ...good,
      ".env": "DATABASE_URL=postgresql://localhost/app\n",
      ".dockerignore": ".git\n__pycache__/\n",
      Dockerfile: goodDockerfile.replace("COPY app/ ./app/", "COPY . ."),
    },
    "partial",
    ["dockerfile", "non-root-user", "copies-env-file"],
  ],
  [
    "COPY . . with .env excluded by .dockerignore",
    { ...good, ".env": "X=1\n", Dockerfile: goodDockerfile.replace("COPY app/ ./app/", "COPY . .") },
    "pass",
    ["dockerfile", "non-root-user"],
  ],
  [
    "a Flask dev server as CMD, running as root, no .dockerignore",
    {
      ...serviceCode,
      Dockerfile:
        'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["flask", "run", "--host=0.0.0.0"]\n',
    },
    "partial",
    ["dockerfile", "runs-as-root", "no-dockerignore", "dev-server", "no-healthcheck"],
  ],
  [
    "gunicorn with FLASK_ENV=development is still a debug server",
    {
      ...good,
      Dockerfile: goodDockerfile.replace("EXPOSE 8000", "ENV FLASK_APP=app.py FLASK_ENV=development\nEXPOSE 8000"),
    },
    "partial",
    ["dockerfile", "non-root-user", "dev-server"],
  ],
  [
    "python -m flask --app ... run is Werkzeug's development server however it is spelled",
    {
      ...good,
      Dockerfile: goodDockerfile.replace(
        /^CMD .*$/m,
        'CMD ["python", "-m", "flask", "--app", "src.api.main:create_app()", "run", "--host", "0.0.0.0"]',
      ),
    },
    "partial",
    ["dockerfile", "non-root-user", "dev-server"],
  ],
  [
    "a literal API key in ENV",
    {
      ...good,
      Dockerfile: goodDockerfile.replace("EXPOSE 8000", "ENV OPENAI_API_KEY=Zx8Kq2Lm9Np4Rt6Vw1Yb\nEXPOSE 8000"),
    },
    "partial",
    ["dockerfile", "non-root-user", "secret-in-image"],
  ],
  [
    "a token passed as a build argument",
    { ...good, Dockerfile: goodDockerfile.replace("WORKDIR /build", "ARG HF_TOKEN\nWORKDIR /build") },
    "pass",
    ["dockerfile", "non-root-user", "secret-build-arg"],
  ],
  [
    "an unknown instruction is a parse error with its line",
    { ...good, Dockerfile: goodDockerfile.replace("EXPOSE 8000", "EXPOSES 8000") },
    "pass",
    ["dockerfile", "parse-error", "non-root-user"],
  ],
  [
    "a Dockerfile.dev beside the production one is not blamed for its dev server",
    {
      ...good,
      "Dockerfile.dev":
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD uvicorn app.main:app --reload --host 0.0.0.0\n",
    },
    "pass",
    ["dockerfile", "non-root-user", "dockerfile", "root-in-dev-image"],
  ],
  [
    "node:16 is end-of-life",
    {
      "package.json": '{"name": "web", "scripts": {"start": "node server.js"}}',
      "server.js": "require('http').createServer().listen(3000);\n",
      ".dockerignore": "node_modules\n",
      Dockerfile:
        'FROM node:16-alpine\nWORKDIR /app\nCOPY package.json server.js ./\nUSER node\nHEALTHCHECK CMD wget -qO- localhost:3000\nCMD ["node", "server.js"]\n',
    },
    "partial",
    ["dockerfile", "base-image-eol", "non-root-user"],
  ],
  [
    "several problems never drop a real Dockerfile below partial",
    {
      Dockerfile:
        "FROM python:2.7\nENV DB_PASSWORD=postgres\nCOPY id_rsa /root/.ssh/id_rsa\nCOPY missing.py .\nCMD python manage.py runserver 0.0.0.0:8000\n",
    },
    "partial",
    [
      "dockerfile",
      "base-image-eol",
      "runs-as-root",
      "default-credential-in-image",
      "no-dockerignore",
      "copies-credentials",
      "missing-copy-source",
      "missing-copy-source",
      "dev-server",
      "no-healthcheck",
    ],
  ],
  ["no Dockerfile", serviceCode, "fail", ["no-dockerfile"]],
  [
    "an integration-test image does not drag the application's image down",
    { ...good, "tests/integration/Dockerfile": "FROM postgres\nENV POSTGRES_PASSWORD=postgres\n" },
    "pass",
    ["dockerfile", "non-root-user"],
  ],
  [
    "source files and templates named after Dockerfiles are not Dockerfiles",
    {
      ...serviceCode,
      "src/checks/dockerfile.ts": "export const dockerfile = 1;\n",
      "docs/Dockerfile.md": "# How we build\n",
      "deploy/Dockerfile.j2": "FROM {{ base_image }}\n",
    },
    "fail",
    ["no-dockerfile"],
  ],
  [
    "a lower-case dockerfile in a sub-folder with the context at the root",
    { ...serviceCode, ".dockerignore": dockerignore, "docker/dockerfile": goodDockerfile },
    "pass",
    ["dockerfile", "non-root-user"],
  ],
  [
    "a Dockerfile in node_modules is not the project's",
    { ...serviceCode, "node_modules/pkg/Dockerfile": "FROM node:22\n" },
    "fail",
    ["no-dockerfile"],
  ],
  [
    "only a dev container",
    {
      ...serviceCode,
      ".devcontainer/Dockerfile": "FROM mcr.microsoft.com/devcontainers/python:3.12\n",
      ".devcontainer/devcontainer.json": '{"build": {"dockerfile": "Dockerfile"}}',
    },
    "partial",
    ["devcontainer-only"],
  ],
  [
    "a Dockerfile too large to read is reported, not guessed",
    { ...serviceCode, Dockerfile: { mode: "file", size: 900_000 } },
    "partial",
    ["dockerfile-unread"],
  ],
  ["an empty Dockerfile", { ...serviceCode, Dockerfile: "" }, "fail", ["dockerfile", "parse-error"]],
];

describe("containerization.dockerfile", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(dockerfile, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("points at the file and line of each shortfall, with a fix and docs", () => {
    const result = runCheck(dockerfile, {
      ...good,
      Dockerfile: goodDockerfile.replace("FROM python:3.12-slim\n", "FROM python:latest\n"),
    });
    const unpinned = result.findings.find((f) => f.id === "base-image-unpinned");
    expect(unpinned).toMatchObject({ path: "Dockerfile", line: 7, level: "warning" });
    expect(unpinned?.remediation).toBeTruthy();
    expect(unpinned?.docs).toMatch(/^https:\/\/docs\.docker\.com\//);
  });

  it("averages several application Dockerfiles", () => {
    const tree = { ...good, "services/worker/Dockerfile": "FROM python\nCMD python worker.py\n" };
    const result = runCheck(dockerfile, tree);
    expect(result.score).toBeGreaterThan(0.5);
    expect(result.score).toBeLessThan(0.75);
    expect(result.findings.filter((f) => f.id === "dockerfile").map((f) => f.path)).toEqual([
      "Dockerfile",
      "services/worker/Dockerfile",
    ]);
  });
});
