/**
 * The credential patterns of the secret scanner: placeholders, local-development defaults,
 * credential-holding names, vendor token shapes, database URLs, private keys and assignments.
 * Each expression starts with a literal or uses bounded quantifiers only: linear on any input.
 */

/** secret: a real credential; weak: a local-development default or a test key; publishable: meant to be public. */
export type SecretSeverity = "secret" | "weak" | "publishable";

const PLACEHOLDER_WORDS =
  /change[_ -]?me|changeit|replace|your|example|sample|dummy|fake|placeholder|redacted|insert|enter[_ -]|put[_ -]|todo|fixme|xxx|\*\*\*|<[^>]*>|\{\{|\{[A-Za-z_]|\$\{|^\$[A-Za-z_(]|%\(|%s|^%[A-Z_]+%$|^!|^\[[A-Z_]+\]$|\.\.\.|^none$|^null$|^nil$|^undefined$|^true$|^false$|^string$|^str$|^token$|^required$|^optional$|^empty$|^tbd$|^n\/?a$|^bearer$|^basic$/i;

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
  if (DEFAULT_CREDENTIALS.has(v) || v.startsWith("django-insecure-") || /^(dev|local|test)[_-]/.test(v)) return true;
  // Tutorial values made of words (`mysecretkey`, `super_secret_password`, `secret123`): toys, not keys.
  return /^[a-z]{2,30}(?:[_-][a-z]{2,30}){0,4}\d{0,4}$/.test(v) && TOY_WORDS.test(v);
}

const TOY_WORDS = /secret|pass|key|token|admin|test|dev|demo|local|default|hello|welcome|qwerty|my|super|example/;

// Assignment names that hold a credential: the LAST word decides (`db_password`, `apiKey`,
// `client_secret`), so `password_field`, `token_url` and `max_tokens` are not secrets. A bare
// `pass` is a test status as often as a password (`{ pass: "s-pass", fail: ... }`): only
// `db_pass`, `smtp_pass` and the like count.
const SECRET_NAME =
  /(^|_)(password|passwd|passphrase|pwd|secret|secret_key|secretkey|token|access_token|auth_token|api_key|apikey|api_token|access_key|private_key|client_secret|credentials?|license_key|signing_key|encryption_key|webhook_secret|dsn)$|._pass$/;
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
export interface TokenPattern {
  readonly kind: string;
  readonly label: string;
  readonly severity: SecretSeverity;
  readonly re: RegExp;
  /** Group holding the credential, when not the whole match. */
  readonly group?: number;
}

export const TOKENS: readonly TokenPattern[] = [
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
  {
    // A W&B key is 40 bare hex digits: recognisable only where it is passed to wandb.login.
    kind: "wandb-key",
    label: "a Weights & Biases API key",
    severity: "secret",
    re: /wandb\.login\([^)]{0,80}?\bkey\s{0,5}=\s{0,5}["']([0-9a-f]{40})["']/g,
    group: 1,
  },
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

export const DB_URL =
  /\b((?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|oracle|mongodb(?:\+srv)?|redis|rediss|amqps?|clickhouse|cockroachdb|snowflake)(?:\+[a-z0-9]{1,20})?):\/\/([^\s:/@'"`]{1,64}):([^\s@/'"`]{1,128})@([^\s/:'"`?]{1,255})/gi;

export const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----/g;

// `name = "value"`, `name: value`, `"name": "value"`, `NAME=value`, `name="value"` (a keyword
// argument). Each part is bounded; the value is checked separately.
export const ASSIGNMENT =
  /(?:^|[\s{,(;[])["']?([A-Za-z_][A-Za-z0-9_.-]{0,80})["']?\]?\s{0,10}(?::\s{0,10}[A-Za-z_][A-Za-z0-9_[\]|.,]{0,40}\s{0,10})?(:=|:|=>|=)(?!=)\s{0,10}(["'`]?)([^\s"'`]{1,300})\3/g;
