/**
 * A line scanner for committed secrets, over the patterns of `secrets-patterns.ts`.
 *
 * Every expression runs on untrusted text, so each is a fixed prefix followed by bounded
 * character classes (no nested or unbounded adjacent quantifiers), and lines are cut to a
 * maximum length first: the cost is linear in the size of the text.
 * A hit carries where it was and a masked preview, never the value itself.
 */
import {
  ASSIGNMENT,
  DB_URL,
  isDefaultCredential,
  isPlaceholder,
  isSecretName,
  PRIVATE_KEY,
  type SecretSeverity,
  TOKENS,
  type TokenPattern,
} from "./secrets-patterns.js";

export { isDefaultCredential, isPlaceholder, isSecretName, type SecretSeverity } from "./secrets-patterns.js";

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

/** How a file's assignments are read: code needs quoted literals, config files do not. */
export type SecretFileKind = "env" | "config" | "code" | "other";

/** Which assignment syntax applies to a path. */
export function fileKindOf(path: string): SecretFileKind {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  // Shell scripts assign like .env files: `export API_KEY=abc` is a literal, `$(cmd)` is not.
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env") || /\.(sh|bash|zsh)$/.test(base))
    return "env";
  // Terraform assigns references (`var.db_password`) bare and literals quoted, as code does.
  if (/\.(py|ipynb|[cm]?[jt]sx?|go|rb|java|kt|cs|php|ps1|tf|tfvars|hcl)$/.test(base)) return "code";
  if (/\.(ya?ml|json|properties|cfg|ini|toml|conf|xml)$/.test(base) || base.startsWith("dockerfile")) return "config";
  return "other";
}

/** True for a `.env` file that is a template (`.env.example`, `.env.sample`, `example.env`). */
export function isEnvTemplate(path: string): boolean {
  return (
    /(example|sample|template|dist|defaults?|tpl|skel|schema|test)/i.test(path.slice(path.lastIndexOf("/") + 1)) ||
    inProjectTemplate(path)
  );
}

/** A file of a project generator's template (`{{ cookiecutter.repo_name }}/.env`): a scaffold, not this project's own. */
export function inProjectTemplate(path: string): boolean {
  return /\{\{[^/]*\}\}|\{%[^/]*%\}/.test(path);
}

// Shannon-style variety: real keys mix letters and digits; words and identifiers do not.
function looksRandom(value: string): boolean {
  if (value.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && new Set(value).size >= 10;
}

function severityOfValue(value: string, name: string): SecretSeverity | undefined {
  if (isPlaceholder(value) || value.toLowerCase() === name.toLowerCase()) return undefined;
  // Numbers are ids or settings (a vocabulary's `"token": 123456`); a capitalised word is a label.
  if (/^[\d.]+$/.test(value) || /^[A-Z][a-z]+$/.test(value)) return undefined;
  if (isDefaultCredential(value)) return "weak";
  if (value.length < 6) return undefined;
  return "secret";
}

/** Classify an assignment of `value` to a credential-named `name`; undefined when it is no secret. */
export function classifyAssignment(name: string, value: string): SecretSeverity | undefined {
  if (!isSecretName(name)) return undefined;
  return severityOfValue(value, name);
}

function tokenHits(
  line: string,
  lineNo: number,
  hits: SecretHit[],
  test: boolean,
  patterns: readonly TokenPattern[],
): void {
  for (const pattern of patterns) {
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
      if (
        pattern.kind === "google-api-key" &&
        /apiKey|firebase|current_key|NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_/.test(line)
      )
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
    // `${MINIO_ROOT_PASSWORD:-minioadmin}`: the variable is a reference, its default a value that ships.
    const fallback = /^\$\{[A-Za-z_]\w*:?-([^}\s]+)\}/.exec(raw)?.[1];
    const value = fallback ?? raw.replace(/[,;)}\]]+$/, "");
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
  // indexOf runs natively; a loop over every char code of every read file ran mostly cold.
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
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
  // Token patterns have no anchors and their lookarounds never match a newline, so a pattern
  // that matches no line also matches nowhere in the whole text: one native scan of the text
  // per pattern leaves, in most files, none to try line by line.
  const patterns = TOKENS.filter((pattern) => {
    pattern.re.lastIndex = 0;
    const found = pattern.re.test(text);
    pattern.re.lastIndex = 0;
    return found;
  });
  for (let n = 0; n < starts.length; n++) {
    const start = starts[n] ?? 0;
    const end = n + 1 < starts.length ? (starts[n + 1] ?? text.length) - 1 : text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE));
    if (line.trim().length === 0) continue;
    if (patterns.length > 0) tokenHits(line, n + 1, hits, test, patterns);
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
