// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold literal ${VAR} and ${{ secrets.X }} placeholders
import { describe, expect, it } from "vitest";
import {
  classifyAssignment,
  fileKindOf,
  isEnvTemplate,
  isPlaceholder,
  isSecretName,
  mask,
  type SecretFileKind,
  scanText,
} from "../../../checks/lib/secrets.js";
import { TOKENS } from "../../../checks/lib/secrets-patterns.js";

// Assembled at run time so this file never holds a committed token itself.
const ghToken = `ghp_${"A1b2C3d4E5f6G7h8I9j0".repeat(2).slice(0, 36)}`;
const awsKeyId = `AKIA${"Q3T7XZ2KLM4PNR8W"}`;
const openAi = `sk-proj-${"Zx8Kq2Lm9Np4Rt6Vw1Yb3Cd5Ef7Gh0Jk".repeat(2)}`;
const slack = ["xoxb", "123456789012", "1234567890123", "AbCdEfGhIjKlMnOpQrStUvWx"].join("-");
const hfToken = `hf_${"aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH"}`;
const googleKey = `AIza${"SyD8xK2mQ9pL4nR7tV1wY3zB5cE6fG0hJ2k"}`;
const rsaBody = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";

describe("scanText", () => {
  it.each<[string, string, SecretFileKind, string[], string[]]>([
    ["GitHub token in code", `GITHUB_TOKEN = "${ghToken}"\n`, "code", ["github-token"], ["secret"]],
    ["AWS key id in YAML", `aws:\n  access_key_id: ${awsKeyId}\n`, "config", ["aws-access-key"], ["secret"]],
    ["AWS documentation example key", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "config", [], []],
    ["OpenAI key in a notebook cell", `openai.api_key = "${openAi}"\n`, "code", ["openai-key"], ["secret"]],
    ["Slack bot token", `SLACK_BOT_TOKEN=${slack}\n`, "env", ["slack-token"], ["secret"]],
    ["Hugging Face token", `login(token="${hfToken}")\n`, "code", ["huggingface-token"], ["secret"]],
    [
      "W&B key passed to wandb.login",
      `wandb.login(key='${"3f9a1c2b7d4e5f60718293a4b5c6d7e8"}f9012345')\n`,
      "code",
      ["wandb-key"],
      ["secret"],
    ],
    ["a 40-hex git SHA elsewhere is no W&B key", 'rev = "3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345"\n', "code", [], []],
    [
      "Firebase web apiKey is publishable",
      `const firebaseConfig = {\n  apiKey: "${googleKey}",\n};\n`,
      "code",
      ["google-api-key"],
      ["publishable"],
    ],
    ["Google key in Python is a secret", `GOOGLE_KEY = "${googleKey}"\n`, "code", ["google-api-key"], ["secret"]],
    [
      "Stripe publishable key",
      `STRIPE_PK=pk_live_${"51Hx8K2mQ9pL4nR7tV1wY3zB"}\n`,
      "env",
      ["stripe-publishable-key"],
      ["publishable"],
    ],
    [
      "postgres URL with a real password",
      "DATABASE_URL=postgresql://app:Xk29!fPq77zL@db.example.net:5432/app\n",
      "env",
      ["database-url"],
      ["secret"],
    ],
    [
      "postgres URL with a local default",
      "url: postgresql+psycopg2://airflow:airflow@postgres/airflow\n",
      "config",
      ["database-url"],
      ["weak"],
    ],
    ["postgres URL with a variable password", "url: postgresql://app:${DB_PASSWORD}@db/app\n", "config", [], []],
    ["f-string URL template", 'url = f"postgresql://{user}:{password}@{host}/db"\n', "code", [], []],
    [
      "compose local default password",
      "    environment:\n      POSTGRES_PASSWORD: airflow\n",
      "config",
      ["password-assignment"],
      ["weak"],
    ],
    [
      "compose list syntax",
      "    environment:\n      - MYSQL_ROOT_PASSWORD=s3cr3tP4ssw0rd\n",
      "config",
      ["password-assignment"],
      ["secret"],
    ],
    ["properties password", "spring.datasource.password=Tr0ub4dor&3x\n", "config", ["password-assignment"], ["secret"]],
    ["workflow secret reference", "        with:\n          token: ${{ secrets.CODECOV_TOKEN }}\n", "config", [], []],
    [
      "env lookups in code are no literal",
      'API_KEY = os.environ["API_KEY"]\npassword = os.getenv("DB_PASSWORD")\n',
      "code",
      [],
      [],
    ],
    [
      "placeholders",
      'API_KEY = "your-api-key-here"\nSECRET_KEY = "CHANGE_ME"\ntoken = "<token>"\npassword: "xxx"\n',
      "code",
      [],
      [],
    ],
    ["tokenizer special tokens", 'pad_token = "[PAD]"\neos_token = "</s>"\nmask_token = "[MASK]"\n', "code", [], []],
    [
      "Django insecure key is a dev default",
      'SECRET_KEY = "django-insecure-9x!k2m@q"\n',
      "code",
      ["password-assignment"],
      ["weak"],
    ],
    [
      "type-hinted settings default",
      'class Settings(BaseSettings):\n    db_password: str = "Vq93kLm22xZ"\n',
      "code",
      ["password-assignment"],
      ["secret"],
    ],
    [
      "bearer token in a curl line",
      `curl -H "Authorization: Bearer ${"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r"}" $URL\n`,
      "other",
      ["bearer-token"],
      ["secret"],
    ],
    ["bearer template", 'headers = {"Authorization": f"Bearer {token}"}\n', "code", [], []],
    ["comparison is not an assignment", 'if password == "hunter22x":\n    pass\n', "code", [], []],
    [
      "shell exports",
      'export HF_TOKEN=$(cat ~/.hf)\nexport DB_PASSWORD="$DB_PASSWORD"\nexport API_KEY=Zq8mK29xLp4Vb\n',
      "env",
      ["password-assignment"],
      ["secret"],
    ],
    [
      "Terraform reference vs literal",
      'password = var.db_password\nmaster_password = "Zq8!mK29xLp"\n',
      "code",
      ["password-assignment"],
      ["secret"],
    ],
  ])("%s", (_name, text, kind, kinds, severities) => {
    const hits = scanText(text, kind);
    expect(hits.map((h) => h.kind)).toEqual(kinds);
    expect(hits.map((h) => h.severity)).toEqual(severities);
  });

  it("finds a PEM private key with a body, at its line", () => {
    const text = `# deploy key\n-----BEGIN RSA PRIVATE KEY-----\n${rsaBody}\n${rsaBody}\n-----END RSA PRIVATE KEY-----\n`;
    const hits = scanText(text, "other");
    expect(hits).toEqual([expect.objectContaining({ kind: "private-key", severity: "secret", line: 2 })]);
  });

  it("finds a private key embedded in a service-account JSON", () => {
    const text = `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${rsaBody}\\n-----END PRIVATE KEY-----\\n"\n}\n`;
    expect(scanText(text, "config").map((h) => [h.kind, h.line])).toEqual([["private-key", 3]]);
  });

  it("ignores a private-key header without a body (a parser constant)", () => {
    expect(scanText('PEM_HEADER = "-----BEGIN PRIVATE KEY-----"\n', "code")).toEqual([]);
  });

  it("never puts the value in the hit", () => {
    const [hit] = scanText(`token=${ghToken}\n`, "env");
    expect(hit?.masked).not.toContain(ghToken.slice(4));
    expect(JSON.stringify(hit)).not.toContain(ghToken);
  });

  it("reads test files for vendor tokens only, and takes their private keys for throwaways", () => {
    const text = `password = "hunter2hunter2"\nkey = "${ghToken}"\nurl = "postgres://u:Xq82kLm@db/x"\n`;
    expect(scanText(text, "code", { test: true }).map((h) => h.kind)).toEqual(["github-token"]);
    const pem = `-----BEGIN PRIVATE KEY-----\n${rsaBody}\n`;
    expect(scanText(pem, "other", { test: true }).map((h) => h.severity)).toEqual(["weak"]);
  });

  it("does not hang on hostile lines", () => {
    const text = `${"a=".repeat(200_000)}\n${"password: ".repeat(50_000)}\n${"postgres://a:".repeat(30_000)}\n`;
    expect(Array.isArray(scanText(text, "config"))).toBe(true);
  }, 30_000);
});

describe("secret helpers", () => {
  it.each([
    ["DB_PASSWORD", true],
    ["SMTP_PASS", true],
    ["pass", false],
    ["apiKey", true],
    ["client_secret", true],
    ["app.secret_key", true],
    ["HF_TOKEN", true],
    ["password_field", false],
    ["token_url", false],
    ["max_tokens", false],
    ["pad_token", false],
    ["public_key", false],
  ])("isSecretName(%s) = %s", (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it.each([
    "CHANGE_ME",
    "changeme",
    "your-key-here",
    "<token>",
    "${VAR}",
    "${{ secrets.X }}",
    "xxxxxx",
    "********",
    "",
  ])("isPlaceholder(%j)", (value) => expect(isPlaceholder(value)).toBe(true));

  it("classifies assignments", () => {
    expect(classifyAssignment("POSTGRES_PASSWORD", "postgres")).toBe("weak");
    expect(classifyAssignment("POSTGRES_PASSWORD", "Vq93kLm22xZ")).toBe("secret");
    expect(classifyAssignment("POSTGRES_USER", "Vq93kLm22xZ")).toBeUndefined();
    expect(classifyAssignment("SECRET_KEY", "super_secret_key")).toBe("weak");
    expect(classifyAssignment("SECRET_KEY", "mysecretkey123")).toBe("weak");
    expect(classifyAssignment("DB_PASSWORD", "correcthorsebattery")).toBe("secret");
  });

  it("masks", () => {
    expect(mask("abcdefghijklmnopqrstuvwxyz")).toBe("abcd********");
    expect(mask("short")).toBe("********");
  });

  it.each([
    [".env", "env"],
    ["config/.env.production", "env"],
    ["app/main.py", "code"],
    ["infra/main.tf", "code"],
    ["docker-compose.yml", "config"],
    ["scripts/deploy.sh", "env"],
    ["notes.txt", "other"],
  ])("fileKindOf(%s) = %s", (path, kind) => expect(fileKindOf(path)).toBe(kind));

  it("tells env templates apart", () => {
    expect(isEnvTemplate(".env.example")).toBe(true);
    expect(isEnvTemplate("backend/.env.sample")).toBe(true);
    expect(isEnvTemplate(".env.template")).toBe(true);
    expect(isEnvTemplate(".env")).toBe(false);
    expect(isEnvTemplate(".env.production")).toBe(false);
  });
});

describe("defaults of environment references", () => {
  it("reads the default a compose reference ships, and nothing from a bare reference", () => {
    const compose =
      "services:\n  minio:\n    environment:\n      MINIO_ROOT_PASSWORD: ${MINIO_ROOT_PASSWORD:-minioadmin}\n      MINIO_ROOT_USER: ${MINIO_ROOT_USER}\n      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY}\n";
    const hits = scanText(compose, "config");
    expect(hits.map((h) => [h.kind, h.severity, h.line])).toEqual([["password-assignment", "weak", 4]]);
  });
});

describe("token patterns", () => {
  // scanText tests each pattern on the whole text before trying it line by line: sound only
  // while no pattern is anchored and none has a lookaround a newline could satisfy or break.
  it.each(TOKENS.map((t) => [t.kind, t.re] as const))("%s can be pre-tested on the whole text", (_kind, re) => {
    const outsideClasses = re.source.replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
    expect(outsideClasses).not.toMatch(/[\^$]/);
    expect(re.multiline).toBe(false);
    for (const look of re.source.matchAll(/\(\?<?[!=]([^)]*)\)/g)) {
      const body = new RegExp(look[1] ?? "");
      expect(body.test("\n") || body.test("\r"), `${look[0]} must not match a line break`).toBe(false);
    }
  });

  it("finds a token on a later line of a long file, and only there", () => {
    const text = `${"x = 1\n".repeat(500)}token = "${ghToken}"\n${"y = 2\n".repeat(10)}`;
    expect(scanText(text, "code").map((h) => [h.kind, h.line])).toEqual([["github-token", 501]]);
  });
});
