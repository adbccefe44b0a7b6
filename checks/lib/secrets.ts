/**
 * Credential patterns and a line scanner for committed secrets.
 *
 * Every expression here runs on untrusted text, so each is a fixed prefix followed by bounded
 * character classes (no nested or unbounded adjacent quantifiers), and lines are cut to a
 * maximum length first: the cost is linear in the size of the text.
 * A hit carries where it was and a masked preview, never the value itself.
 */

/** secret: a real credential; weak: a local-development default or a test key; publishable: meant to be public. */
export type SecretSeverity = "secret" | "weak" | "publishable";

/** One credential found in a file. */
export interface SecretHit {
  /** Stable kind, e.g. `aws-access-key`, `github-token`, `password-assignment`. */
  readonly kind: string;
  /** What it is, for a message: "an AWS access key id". */
  readonly label: string;
  readonly severity: SecretSeverity;
  /** 1-based line. */
  readonly line: number;
  /** The first characters and a mask: safe to print. */
  readonly masked: string;
}

/** Lines longer than this are scanned only in their first part (minified code, embedded data). */
const MAX_LINE = 4096;

/** Mask a value for a report: at most the first four characters, then stars. */
export function mask(value: string): string {
  const keep = value.length >= 16 ? 4 : value.length >= 8 ? 2 : 0;
  return `${value.slice(0, keep)}${"*".repeat(8)}`;
}

const PLACEHOLDER_WORDS =
  /change[_ -]?me|changeit|replace|your|example|sample|dummy|fake|placeholder|redacted|insert|enter[_ -]|put[_ -]|todo|fixme|xxx|\*\*\*|<[^>]*>|\{\{|\{[A-Za-z_]|\$\{|^\$[A-Za-z_]|%\(|%s|^%[A-Z_]+%$|^!|^\[[A-Z_]+\]$|\.\.\.|^none$|^null$|^nil$|^undefined$|^true$|^false$|^string$|^str$|^token$|^required$|^optional$|^empty$|^tbd$|^n\/?a$/i;

/** True for a value that stands for a secret without being one (`CHANGE_ME`, `<token>`, `${VAR}`, `xxx`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  // One character repeated (`aaaaaaaa`, `00000000`) or a run of dashes/stars.
  if (/^(.)\1*$/.test(v)) return true;
  return false;
}

/** Passwords that local-development setups ship on purpose (compose files, tutorials). */
const DEFAULT_CREDENTIALS = new Set([
  "admin",
  "administrator",
  "airflow",
  "dev",
  "development",
  "django",
  "docker",
  "guest",
  "letmein",
  "local",
  "localdev",
  "minio123",
  "minioadmin",
  "mlflow",
  "mongo",
  "mongodb",
  "mypassword",
  "mysql",
  "pass",
  "passw0rd",
  "password",
  "password1",
  "password123",
  "postgres",
  "postgrespw",
  "postgresql",
  "qwerty",
  "rabbitmq",
  "redis",
  "root",
  "secret",
  "superset",
  "supersecret",
  "test",
  "testing",
  "user",
  "123",
  "1234",
  "12345",
  "123456",
  "12345678",
]);

/** True for a well-known local-development default such as `postgres`, `airflow`, `admin`, `django-insecure-…`. */
export function isDefaultCredential(value: string): boolean {
  const v = value.trim().toLowerCase();
  return DEFAULT_CREDENTIALS.has(v) || v.startsWith("django-insecure-") || /^(dev|local|test)[_-]/.test(v);
}

// Assignment names that hold a credential: the LAST word decides (`db_password`, `apiKey`,
// `client_secret`), so `password_field`, `token_url` and `max_tokens` are not secrets.
const SECRET_NAME =
  /(^|_)(password|passwd|passphrase|pwd|pass|secret|secret_key|secretkey|token|access_token|auth_token|api_key|apikey|api_token|access_key|private_key|client_secret|credentials?|license_key|signing_key|encryption_key|webhook_secret|dsn)$/;
// Tokenizers' special tokens (`pad_token = "[PAD]"`) and counters are not credentials.
const NOT_SECRET_NAME =
  /(^|_)(pad|eos|bos|sos|unk|sep|cls|mask|start|end|special|new|max|min|num|total|n|next|prev|page|csrf|public|publishable)_(token|key)$/;

/** True for a variable or key name that holds a credential (`DB_PASSWORD`, `apiKey`, `client_secret`). */
export function isSecretName(name: string): boolean {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-.\s]/g, "_")
    .toLowerCase();
  return SECRET_NAME.test(snake) && !NOT_SECRET_NAME.test(snake);
}

/** A fixed-shape token: its expression must start with a literal so scanning stays linear. */
interface TokenPattern {
  readonly kind: string;
  readonly label: string;
  readonly severity: SecretSeverity;
  readonly re: RegExp;
  /** Group holding the credential, when not the whole match. */
  readonly group?: number;
}

const TOKENS: readonly TokenPattern[] = [
  {
    kind: "aws-access-key",
    label: "an AWS access key id",
    severity: "secret",
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  {
    kind: "aws-secret-key",
    label: "an AWS secret access key",
    severity: "secret",
    re: /aws_?secret_?(?:access_?)?key["']?\s{0,5}[:=]\s{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  {
    kind: "github-token",
    label: "a GitHub token",
    severity: "secret",
    re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])/g,
  },
  {
    kind: "slack-token",
    label: "a Slack token",
    severity: "secret",
    re: /(?<![A-Za-z0-9])xox[abeoprs]-[0-9]{6,}-[A-Za-z0-9-]{8,200}/g,
  },
  {
    kind: "slack-webhook",
    label: "a Slack incoming-webhook URL",
    severity: "secret",
    re: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}/g,
  },
  {
    kind: "stripe-secret-key",
    label: "a Stripe live secret key",
    severity: "secret",
    re: /\b[sr]k_live_[A-Za-z0-9]{20,99}/g,
  },
  { kind: "stripe-test-key", label: "a Stripe test secret key", severity: "weak", re: /\bsk_test_[A-Za-z0-9]{20,99}/g },
  {
    kind: "stripe-publishable-key",
    label: "a Stripe publishable key",
    severity: "publishable",
    re: /\bpk_live_[A-Za-z0-9]{20,99}/g,
  },
  {
    kind: "anthropic-key",
    label: "an Anthropic API key",
    severity: "secret",
    re: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{40,200}/g,
  },
  {
    kind: "openai-key",
    label: "an OpenAI API key",
    severity: "secret",
    re: /(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/g,
  },
  {
    kind: "google-api-key",
    label: "a Google API key",
    severity: "secret",
    re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  },
  { kind: "huggingface-token", label: "a Hugging Face token", severity: "secret", re: /\bhf_[A-Za-z0-9]{34,40}\b/g },
  { kind: "gitlab-token", label: "a GitLab token", severity: "secret", re: /\bglpat-[A-Za-z0-9_-]{20,50}/g },
  { kind: "npm-token", label: "an npm token", severity: "secret", re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  {
    kind: "sendgrid-key",
    label: "a SendGrid API key",
    severity: "secret",
    re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g,
  },
  {
    kind: "bearer-token",
    label: "a bearer token",
    severity: "secret",
    re: /\bBearer\s{1,5}([A-Za-z0-9._~+/-]{24,500}=*)(?![A-Za-z0-9._~+/=-])/gi,
    group: 1,
  },
];

const DB_URL =
  /\b((?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|oracle|mongodb(?:\+srv)?|redis|rediss|amqps?|clickhouse|cockroachdb|snowflake)(?:\+[a-z0-9]{1,20})?):\/\/([^\s:/@'"`]{1,64}):([^\s@/'"`]{1,128})@([^\s/:'"`?]{1,255})/gi;

const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----/g;

// `name = "value"`, `name: value`, `"name": "value"`, `NAME=value`, `name="value"` (a keyword
// argument). Each part is bounded; the value is checked separately.
const ASSIGNMENT =
  /(?:^|[\s{,(;[])["']?([A-Za-z_][A-Za-z0-9_.-]{0,80})["']?\]?\s{0,10}(?::\s{0,10}[A-Za-z_][A-Za-z0-9_[\]|.,]{0,40}\s{0,10})?(:=|:|=>|=)(?!=)\s{0,10}(["'`]?)([^\s"'`]{1,300})\3/g;

/** How a file's assignments are read: code needs quoted literals, config files do not. */
export type SecretFileKind = "env" | "config" | "code" | "other";

/** Which assignment syntax applies to a path. */
export function fileKindOf(path: string): SecretFileKind {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env")) return "env";
  // Terraform assigns references (`var.db_password`) bare and literals quoted, as code does.
  if (/\.(py|ipynb|[cm]?[jt]sx?|go|rb|java|kt|cs|php|sh|bash|zsh|ps1|tf|tfvars|hcl)$/.test(base)) return "code";
  if (/\.(ya?ml|json|properties|cfg|ini|toml|conf|xml)$/.test(base) || base.startsWith("dockerfile")) return "config";
  return "other";
}

/** True for a `.env` file that is a template (`.env.example`, `.env.sample`, `example.env`). */
export function isEnvTemplate(path: string): boolean {
  return /(example|sample|template|dist|defaults?|tpl|skel|schema|test)/i.test(path.slice(path.lastIndexOf("/") + 1));
}

// Shannon-style variety: real keys mix letters and digits; words and identifiers do not.
function looksRandom(value: string): boolean {
  if (value.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && new Set(value).size >= 10;
}

function severityOfValue(value: string, name: string): SecretSeverity | undefined {
  if (isPlaceholder(value) || value.toLowerCase() === name.toLowerCase()) return undefined;
  if (isDefaultCredential(value)) return "weak";
  if (value.length < 6) return undefined;
  return "secret";
}

/** Classify an assignment of `value` to a credential-named `name`; undefined when it is no secret. */
export function classifyAssignment(name: string, value: string): SecretSeverity | undefined {
  if (!isSecretName(name)) return undefined;
  return severityOfValue(value, name);
}

function tokenHits(line: string, lineNo: number, hits: SecretHit[], test: boolean): void {
  for (const pattern of TOKENS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(line); m; m = pattern.re.exec(line)) {
      const value = m[pattern.group ?? 0] ?? m[0];
      if (/example|sample|dummy|fake|xxxx/i.test(value)) continue;
      if (test && pattern.kind === "bearer-token") continue;
      if (pattern.kind === "openai-key" || pattern.kind === "bearer-token") {
        if (!looksRandom(value) || isPlaceholder(value)) continue;
      }
      let severity = pattern.severity;
      // A Firebase/Google Maps browser key sits in a web config next to `apiKey:` or `authDomain`.
      if (pattern.kind === "google-api-key" && /apiKey|firebase|NEXT_PUBLIC_|VITE_|REACT_APP_/.test(line))
        severity = "publishable";
      hits.push({ kind: pattern.kind, label: pattern.label, severity, line: lineNo, masked: mask(value) });
    }
  }
}

function dbUrlHits(line: string, lineNo: number, hits: SecretHit[]): void {
  DB_URL.lastIndex = 0;
  for (let m = DB_URL.exec(line); m; m = DB_URL.exec(line)) {
    const password = m[3] ?? "";
    if (isPlaceholder(password)) continue;
    const severity = isDefaultCredential(password) || password.length < 6 ? "weak" : "secret";
    hits.push({
      kind: "database-url",
      label: `a ${m[1]?.toLowerCase()} URL with a password`,
      severity,
      line: lineNo,
      masked: `${m[1]}://${m[2]}:${mask(password)}@…`,
    });
  }
}

function assignmentHits(line: string, lineNo: number, kind: SecretFileKind, hits: SecretHit[]): void {
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(line); m; m = ASSIGNMENT.exec(line)) {
    const [, name = "", op = "", quote = "", raw = ""] = m;
    // Code assigns credentials from literals only: `os.environ[...]`, `settings.x` are references.
    if (kind === "code" && quote === "") continue;
    // YAML keys use `:`, but a `:` in code is a type hint or an object key: both fine.
    if (kind === "env" && op !== "=") continue;
    const value = raw.replace(/[,;)}\]]+$/, "");
    const severity = classifyAssignment(name, value);
    if (!severity) continue;
    // A long random-looking value in code or config is a credential; a short word may be a default.
    hits.push({
      kind: "password-assignment",
      label: `a literal value for ${name}`,
      severity,
      line: lineNo,
      masked: mask(value),
    });
  }
}

function privateKeyHits(text: string, hits: SecretHit[], lineOf: (offset: number) => number, test: boolean): void {
  PRIVATE_KEY.lastIndex = 0;
  for (let m = PRIVATE_KEY.exec(text); m; m = PRIVATE_KEY.exec(text)) {
    // A header alone (documentation, a parser's constant) is not a key: look for a base64 body.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 400).replace(/\\n|\\r|[\s"',+]/g, "");
    const body = /^(?:Proc-Type:[^\n]{0,60}DEK-Info:[^\n]{0,80})?[A-Za-z0-9+/]{40}/.test(after) ? after : "";
    if (!body) continue;
    hits.push({
      kind: "private-key",
      label: `a private key (${m[1]})`,
      severity: test ? "weak" : "secret",
      line: lineOf(m.index),
      masked: "-----BEGIN … PRIVATE KEY-----",
    });
  }
}

/** Options of a scan. */
export interface ScanOptions {
  /**
   * A test file: its passwords, database URLs and bearer tokens are fixtures, so only vendor
   * tokens count, and a private key there is reported as a probable throwaway (weak).
   */
  readonly test?: boolean;
}

/** Scan a file's text for credentials. `kind` decides how `name = value` assignments are read. */
export function scanText(text: string, kind: SecretFileKind, options: ScanOptions = {}): SecretHit[] {
  const test = options.test ?? false;
  const hits: SecretHit[] = [];
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  if (text.includes("PRIVATE KEY")) privateKeyHits(text, hits, lineOf, test);
  for (let n = 0; n < starts.length; n++) {
    const start = starts[n] ?? 0;
    const end = n + 1 < starts.length ? (starts[n + 1] ?? text.length) - 1 : text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE));
    if (line.trim().length === 0) continue;
    tokenHits(line, n + 1, hits, test);
    if (test) continue;
    if (line.includes("://")) dbUrlHits(line, n + 1, hits);
    if (kind !== "other" && !/^\s*(#|\/\/|;|--|\*)/.test(line)) assignmentHits(line, n + 1, kind, hits);
  }
  return dedupe(hits);
}

// One hit per line: a recognised token or URL decides over the generic `name = value` reading
// (a Firebase `apiKey: "AIza…"` is publishable, whatever its name says), then the stronger severity.
function dedupe(hits: SecretHit[]): SecretHit[] {
  const rank = (h: SecretHit) =>
    (h.kind === "password-assignment" ? 10 : 0) + { secret: 0, weak: 1, publishable: 2 }[h.severity];
  const best = new Map<number, SecretHit>();
  for (const hit of hits) {
    const prev = best.get(hit.line);
    if (!prev || rank(hit) < rank(prev)) best.set(hit.line, hit);
  }
  return [...best.values()].sort((a, b) => a.line - b.line);
}
