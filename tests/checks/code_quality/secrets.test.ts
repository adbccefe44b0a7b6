// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold literal ${VAR} and ${{ secrets.X }} placeholders
import { describe, expect, it } from "vitest";
import { secrets } from "../../../checks/code_quality/secrets.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";

// Credentials are assembled at run time so that this repository never commits one.
const openAiKey = ["sk-proj-", "Zx8Kq2Lm9Np4Rt6Vw1Yb3Cd5Ef7Gh0Jk", "Lp2Mn4Bv6Cx8Za1Sd3Fg5Hj7Kl9Qw0Er"].join("");
const ghToken = ["ghp_", "R4nD0mT0k3nV4lu3F0rT3st1ngPurp0s3s"].join("").padEnd(40, "Z");
const firebaseKey = ["AIza", "SyD8xK2mQ9pL4nR7tV1wY3zB5cE6fG0hJ2k"].join("");
const dbPassword = ["Xk29", "fPq77zLw"].join("");
const pemBody = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0";

const fastapiService: Tree = {
  "README.md": "# Churn API\n\nServes the churn model.\n",
  "app/config.py": [
    "from pydantic_settings import BaseSettings",
    "",
    "",
    "class Settings(BaseSettings):",
    '    """Service settings, read from the environment."""',
    "",
    '    model_path: str = "models/churn.joblib"',
    "    database_url: str",
    "    api_key: str | None = None",
    "",
    "",
    "settings = Settings()",
    "",
  ].join("\n"),
  ".env.example": "DATABASE_URL=postgresql://user:<password>@localhost:5432/churn\nAPI_KEY=your-api-key-here\n",
  ".github/workflows/ci.yml": [
    "name: CI",
    "on: [push, pull_request]",
    "jobs:",
    "  test:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - run: pytest --cov",
    "      - uses: codecov/codecov-action@v4",
    "        with:",
    "          token: ${{ secrets.CODECOV_TOKEN }}",
    "",
  ].join("\n"),
  "docs/aws.md": "Configure the CLI:\n\n    aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n",
  "docs/s3.yaml":
    "aws_access_key_id: AKIAIOSFODNN7EXAMPLE\naws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
  "tests/test_auth.py": [
    "def test_login(client):",
    '    response = client.post("/login", json={"username": "alice", "password": "hunter2hunter2"})',
    "    assert response.status_code == 200",
    "",
  ].join("\n"),
};

const notebook = (cells: object[]) =>
  JSON.stringify({ cells, metadata: { kernelspec: { name: "python3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1);

const imageCell = {
  cell_type: "code",
  execution_count: 3,
  metadata: {},
  source: ["import matplotlib.pyplot as plt\n", "plt.plot([1, 2, 3])"],
  outputs: [
    {
      output_type: "display_data",
      metadata: {},
      // Base64 image data holds random letters: "dvc", "AIza…" must not count.
      data: {
        "image/png": `iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ/${firebaseKey}+dvcAAAANSUhEUgAAAAEAAAAB`,
        "text/plain": ["<Figure>"],
      },
    },
  ],
};

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["a FastAPI service reading settings from the environment", fastapiService, "pass", ["no-secrets"]],
  [
    "a notebook with only a plot (base64 image with key-like letters)",
    { "analysis.ipynb": notebook([imageCell]) },
    "pass",
    ["no-secrets"],
  ],
  [
    "an OpenAI key in a committed .env",
    { ".env": `OPENAI_API_KEY=${openAiKey}\nMODEL=gpt-4o-mini\n`, "app.py": "import os\n" },
    "fail",
    ["committed-secret", "env-file-committed"],
  ],
  [
    "a GitHub token hard-coded in a script",
    { "scripts/publish.py": `import requests\n\nGITHUB_TOKEN = "${ghToken}"\nrequests.get(URL, headers={})\n` },
    "fail",
    ["committed-secret"],
  ],
  [
    "an OpenAI key in a notebook code cell",
    {
      "notebooks/chat.ipynb": notebook([
        {
          cell_type: "code",
          execution_count: 1,
          metadata: {},
          outputs: [],
          source: ["import openai\n", `openai.api_key = "${openAiKey}"\n`],
        },
        imageCell,
      ]),
    },
    "fail",
    ["committed-secret"],
  ],
  [
    "a deploy key committed as id_rsa",
    {
      "deploy/id_rsa": `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody}\n${pemBody}\n-----END OPENSSH PRIVATE KEY-----\n`,
    },
    "fail",
    ["committed-secret"],
  ],
  [
    "a production database password in Spring properties",
    {
      "src/main/resources/application.properties": `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${dbPassword}\n`,
    },
    "fail",
    ["committed-secret"],
  ],
  [
    "a committed kaggle.json",
    { "kaggle.json": `{"username":"jdoe","key":"${"3f2a".repeat(8)}"}` },
    "fail",
    ["committed-secret"],
  ],
  [
    "a tutorial Flask secret key is a toy value",
    { "app.py": "from flask import Flask\n\napp = Flask(__name__)\napp.config['SECRET_KEY'] = 'mysecretkey'\n" },
    "partial",
    ["weak-credential"],
  ],
  [
    "Airflow's docker-compose with its local default credentials",
    {
      "docker-compose.yaml": [
        "services:",
        "  postgres:",
        "    image: postgres:13",
        "    environment:",
        "      POSTGRES_USER: airflow",
        "      POSTGRES_PASSWORD: airflow",
        "      POSTGRES_DB: airflow",
        "  airflow-webserver:",
        "    environment:",
        "      AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresql+psycopg2://airflow:airflow@postgres/airflow",
        "",
      ].join("\n"),
    },
    "partial",
    ["weak-credential", "weak-credential"],
  ],
  [
    "a committed .env holding only settings",
    { ".env": "FLASK_APP=app.py\nFLASK_DEBUG=1\nMODEL_DIR=models/\n", ".env.example": "FLASK_APP=app.py\n" },
    "partial",
    ["env-file-committed"],
  ],
  [
    "a cookiecutter template's .env scaffold is not a committed .env",
    {
      "{{ cookiecutter.repo_name }}/.env": "# Environment variables go here, can be read by `python-dotenv` package:\n",
      "ccds/__main__.py": "import click\n",
    },
    "pass",
    ["no-secrets"],
  ],
  [
    "a Firebase web config (publishable key)",
    {
      "web/src/firebase.ts": `export const firebaseConfig = {\n  apiKey: "${firebaseKey}",\n  authDomain: "demo-app.firebaseapp.com",\n};\n`,
    },
    "partial",
    ["publishable-key"],
  ],
  [
    "a committed key store",
    { "android/app/release.jks": new Uint8Array([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]) },
    "partial",
    ["keystore-committed"],
  ],
  [
    "placeholders everywhere",
    {
      "config/settings.yaml": "database:\n  password: ${DB_PASSWORD}\napi:\n  token: CHANGE_ME\n  secret: <secret>\n",
      ".env.sample": "SECRET_KEY=changeme\nSTRIPE_KEY=sk_live_xxx\n",
      "src/client.js": "const apiKey = process.env.API_KEY;\nconst headers = { Authorization: `Bearer ${apiKey}` };\n",
    },
    "pass",
    ["no-secrets"],
  ],
  [
    "translations, tokenizer vocabularies and labels are not credentials",
    {
      "web/src/locales/de.json":
        '{\n  "login": {\n    "password": "Passwort",\n    "token": "Zugangsschluessel"\n  }\n}\n',
      "web/public/es.json": '{"password": "contraseña", "token": "clave_de_acceso"}\n',
      "models/tokenizer/vocab.json": '{"[PAD]": 0, "password": 123456, "secret": 20474, "token": 19204}\n',
      "web/src/forms.ts": 'export const labels = { password: "Password", apiKey: "Key" };\n',
    },
    "pass",
    ["no-secrets"],
  ],
  [
    "vendored dependencies are not the project's secrets",
    {
      "node_modules/some-lib/test/key.pem": `-----BEGIN PRIVATE KEY-----\n${pemBody}\n`,
      "index.js": "module.exports = 1;\n",
    },
    "pass",
    ["no-secrets"],
  ],
];

describe("code_quality.secrets", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(secrets, tree);
    expect(result.status).toBe(status);
    expect(result.ids).toEqual(ids);
  });

  it("says where, never what", () => {
    const result = runCheck(secrets, { "scripts/publish.py": `\n\nGITHUB_TOKEN = "${ghToken}"\n` });
    const [finding] = result.findings;
    expect(finding).toMatchObject({ path: "scripts/publish.py", line: 3, level: "failure" });
    expect(finding?.remediation).toBeTruthy();
    expect(finding?.docs).toMatch(/^https:\/\//);
    expect(JSON.stringify(result)).not.toContain(ghToken.slice(8));
  });

  it("reports real secrets before capped default-password findings", () => {
    const compose = Array.from({ length: 40 }, (_, i) => `      DB${i}_PASSWORD: postgres`).join("\n");
    const result = runCheck(secrets, { "a/compose.yml": compose, "z/keys.py": `TOKEN = "${ghToken}"\n` });
    expect(result.status).toBe("fail");
    expect(result.ids[0]).toBe("committed-secret");
  });
});
