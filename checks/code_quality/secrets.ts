import {
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type ReadRequest,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { DOCKERFILE_READ } from "../lib/dockerfile.js";
import { isOwnCode, isTestPath, JS_SOURCE_READ, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { hasNoSource } from "../lib/no-source.js";
import { fileKindOf, isEnvTemplate, mask, type SecretHit, scanText } from "../lib/secrets.js";

const DOCS = "https://docs.github.com/en/code-security/secret-scanning/introduction/about-secret-scanning";

/** Files that exist to hold credentials: read first, whatever the budget. */
const CREDENTIAL_FILES_READ: ReadRequest = {
  globs: [
    "**/.env",
    "**/.env.*",
    "**/*.env",
    "**/*.{pem,key,p8}",
    "**/{id_rsa,id_dsa,id_ecdsa,id_ed25519}",
    "**/*.tfvars",
    "**/{.npmrc,.pypirc,.netrc,.git-credentials}",
    "**/{credentials,service-account,service_account,client_secret,secrets}*.json",
    "**/kaggle.json",
  ],
  maxFiles: 60,
  priority: 1,
};

/** Configuration that may hold a password: YAML, JSON (not lock files), properties, INI, TOML, Terraform. */
const CONFIG_READ: ReadRequest = {
  globs: ["**/*.{yml,yaml,properties,cfg,ini,toml,conf,tf}", "**/*.sh"],
  maxFiles: 200,
  priority: 4,
};

/** JSON last: most of it is data or tool config (lock files are read but never scanned). */
const JSON_READ: ReadRequest = { globs: ["**/*.json"], maxFiles: 80, priority: 5 };

/** Binary key stores: their text cannot be read, their presence is the finding. */
const KEYSTORES = ["**/*.{p12,pfx,jks,keystore}"];

const LOCK_FILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|composer\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|yarn\.lock|\.terraform\.lock\.hcl)$/;
const TRANSLATIONS =
  /(^|\/)(locales?|i18n|l10n|lang|langs|translations?)\/|(^|\/)[a-z]{2}([-_][A-Za-z]{2})?\.(json|ya?ml)$/;
const MINIFIED = /\.min\.[cm]?js$|\.bundle\.js$|\.map$/;

/** Findings per file and in all: enough to act on, short enough to read. */
const MAX_PER_FILE = 5;
const MAX_FINDINGS = 25;

// nbformat writes one source line per JSON string: unescape it so `api_key = \"…\"` reads as code,
// and blank the embedded images (base64 holds random letters) while keeping line numbers.
function notebookText(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*"(image\/[a-z+.-]+|application\/pdf)":/.test(line) || /^\s*"[A-Za-z0-9+/=]{60,}(\\n)?",?\s*$/.test(line))
        return "";
      return line
        .replace(/\\n",?\s*$/, "")
        .replace(/\\"/g, '"')
        .replace(/\\\\/g, "\\");
    })
    .join("\n");
}

interface FileScan {
  readonly path: string;
  readonly hits: readonly SecretHit[];
}

// Kaggle's API token file names its secret plainly `key`, a name too common to read anywhere else.
function kaggleKey(path: string, text: string): SecretHit[] {
  if (!path.endsWith("kaggle.json")) return [];
  const m = /"key"\s{0,5}:\s{0,5}"([0-9a-f]{32})"/.exec(text);
  if (!m) return [];
  const line = text.slice(0, m.index).split("\n").length;
  return [{ kind: "kaggle-key", label: "a Kaggle API key", severity: "secret", line, masked: mask(m[1] ?? "") }];
}

function scanRepo(repo: RepoView): FileScan[] {
  const globs = [
    ...CREDENTIAL_FILES_READ.globs,
    ...CONFIG_READ.globs,
    ...JSON_READ.globs,
    ...PYTHON_SOURCE_READ.globs,
    ...JS_SOURCE_READ.globs,
    ...NOTEBOOK_READ.globs,
  ];
  const out: FileScan[] = [];
  const seen = new Set<string>();
  const files = [...repo.read(globs), ...repo.read(DOCKERFILE_READ.globs)];
  for (const file of files) {
    if (seen.has(file.path) || !isOwnCode(file.path) || LOCK_FILES.test(file.path) || MINIFIED.test(file.path))
      continue;
    seen.add(file.path);
    const notebook = file.path.endsWith(".ipynb");
    const text = notebook ? notebookText(file.text) : file.text;
    const kind = notebook ? "code" : fileKindOf(file.path);
    // Values in templates are examples by definition, and translation files map "password" to a
    // label: only recognisable vendor tokens count there.
    const template = (kind === "env" && isEnvTemplate(file.path)) || TRANSLATIONS.test(file.path);
    const hits = [...scanText(text, kind, { test: isTestPath(file.path) || template }), ...kaggleKey(file.path, text)];
    if (hits.length > 0) out.push({ path: file.path, hits });
  }
  return out;
}

function committedEnvFiles(repo: RepoView): string[] {
  return repo
    .glob(["**/.env", "**/.env.*", "**/*.env"])
    .filter((f) => f.mode === "file" && isOwnCode(f) && fileKindOf(f.path) === "env" && !isEnvTemplate(f.path))
    .map((f) => f.path);
}

const ROTATE =
  "Revoke and rotate the credential now (it is in the git history), remove it from the file, and read it from an " +
  "environment variable or a secret manager; keep a `.env.example` with placeholders instead.";

function hitFinding(path: string, hit: SecretHit): Finding {
  const where = { path, line: hit.line };
  if (hit.severity === "secret")
    return failure("committed-secret", `${hit.label} is committed (${hit.masked})`, where, {
      remediation: ROTATE,
      docs: DOCS,
    });
  if (hit.severity === "publishable")
    return warning("publishable-key", `${hit.label} is committed (${hit.masked}); it is meant for clients`, where, {
      remediation:
        "Publishable keys are visible to users anyway: restrict them (allowed domains/apps, API restrictions) and load " +
        "them from build-time configuration rather than the source.",
      docs: "https://cloud.google.com/docs/authentication/api-keys#securing",
    });
  return warning(
    "weak-credential",
    `${hit.label} looks like a default or throwaway credential (${hit.masked})`,
    where,
    {
      remediation:
        "Even local-development defaults teach bad habits and leak into deployments: read them from a `.env` file that " +
        "is git-ignored, and commit a `.env.example` with placeholders.",
      docs: DOCS,
    },
  );
}

/** `code_quality.secrets`: no credentials committed to the repository. */
export const secrets = defineCheck({
  id: "code_quality.secrets",
  title: "No committed secrets",
  criterion: "code_quality",
  weight: 2,
  looksFor:
    "Private keys, cloud/GitHub/Slack/API tokens, database URLs and passwords with literal values, and committed .env files.",
  why:
    "A credential in a public repository is harvested within minutes; a reviewer who spots one doubts every other " +
    "engineering habit of the author.",
  remediation:
    "Rotate any leaked credential, remove it, read secrets from environment variables or a secret manager, git-ignore " +
    "`.env`, and commit a `.env.example` with placeholders.",
  effort: "low",
  docs: DOCS,
  reads: [
    CREDENTIAL_FILES_READ,
    CONFIG_READ,
    JSON_READ,
    PYTHON_SOURCE_READ,
    JS_SOURCE_READ,
    NOTEBOOK_READ,
    DOCKERFILE_READ,
  ],
  evaluate(repo) {
    const scans = scanRepo(repo);
    const findings: Finding[] = [];
    let secretsFound = 0;
    let weak = 0;
    let publishable = 0;
    for (const scan of scans) {
      for (const hit of scan.hits) {
        if (hit.severity === "secret") secretsFound++;
        else if (hit.severity === "weak") weak++;
        else publishable++;
      }
      // Real secrets first, so the cap never hides one behind a default password.
      const ordered = [...scan.hits].sort((a, b) => Number(a.severity !== "secret") - Number(b.severity !== "secret"));
      for (const hit of ordered.slice(0, MAX_PER_FILE)) findings.push(hitFinding(scan.path, hit));
    }
    findings.sort((a, b) => Number(a.level !== "failure") - Number(b.level !== "failure"));
    findings.splice(MAX_FINDINGS);

    const envFiles = committedEnvFiles(repo);
    for (const path of envFiles)
      findings.push(
        warning(
          "env-file-committed",
          `${path} is committed: environment files usually hold local secrets`,
          { path },
          {
            remediation:
              "Remove it from git (`git rm --cached`), add `.env` to `.gitignore`, and commit a `.env.example` with the " +
              "variable names and placeholder values.",
            docs: "https://12factor.net/config",
          },
        ),
      );
    const keystores = repo.glob(KEYSTORES).filter((f) => isOwnCode(f) && !isTestPath(f.path));
    for (const f of keystores)
      findings.push(
        warning(
          "keystore-committed",
          `${f.path} is a committed key store (it may hold private keys)`,
          { path: f.path },
          {
            remediation: "Keep key stores out of the repository; load them from a secret manager at deploy time.",
            docs: DOCS,
          },
        ),
      );

    const unread = repo
      .glob([...CREDENTIAL_FILES_READ.globs, ...CONFIG_READ.globs])
      .filter((f) => f.mode === "file" && isOwnCode(f) && repo.content(f.path).kind === "unread");
    if (unread.length > 0)
      findings.push(info("unscanned-files", `${unread.length} configuration file(s) were not read (size or budget)`));

    if (secretsFound > 0) return scored(0, findings);
    if (weak > 0 || keystores.length > 0) return scored(0.5, findings);
    // A committed .env with nothing secret in it is a habit to fix, not a leak.
    if (envFiles.length > 0) return scored(publishable === 0 ? 0.55 : 0.5, findings);
    if (publishable > 0) return scored(0.6, findings);
    // With no code, "no secrets" alone would make the code quality of an empty repository perfect.
    if (hasNoSource(repo))
      return notApplicable(
        info("no-source", "No source code in the repository and no credential committed: code quality is not judged."),
      );
    return scored(1, [
      info("no-secrets", "No committed credentials found in configuration, source or notebooks"),
      ...findings,
    ]);
  },
});
