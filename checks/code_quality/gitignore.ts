import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { isOwnCode, isTestPath, languages, noMainLanguage } from "../lib/languages.js";
import { type ArtefactGroup, type ArtefactKind, committedArtefacts, lfsMatcher, megabytes } from "./artefacts.js";
import { coverageRequirements } from "./gitignore-coverage.js";
import { GITIGNORE_GLOB, type IgnoreRules, ignoredButListed, ignoreRules, isSourceLike } from "./ignore-rules.js";

const DOCS = "https://git-scm.com/docs/gitignore";
const TEMPLATES = "https://github.com/github/gitignore";
const REMEDIATION =
  "Start from github/gitignore's Python.gitignore (and Node.gitignore for JS), make sure it ignores __pycache__/, .venv/, .env, .ipynb_checkpoints/ and node_modules/, then `git rm -r --cached` what is already committed.";

/** How far each kind of committed artefact caps the score, and how it is reported. */
const ARTEFACTS: Record<ArtefactKind, { cap: number; serious: boolean; what: string }> = {
  venv: { cap: 0.4, serious: true, what: "a virtual environment" },
  node_modules: { cap: 0.4, serious: true, what: "installed node_modules" },
  large_file: { cap: 0.5, serious: true, what: "large model or data files" },
  env_file: { cap: 0.5, serious: true, what: "a local .env file" },
  cache: { cap: 0.5, serious: false, what: "Python/tool caches" },
  run_dir: { cap: 0.5, serious: false, what: "experiment/tool run folders" },
  os_file: { cap: 0.6, serious: false, what: "operating-system files" },
};
const ARTEFACT_IDS: Record<ArtefactKind, string> = {
  venv: "committed-venv",
  node_modules: "committed-node-modules",
  large_file: "committed-large-file",
  env_file: "committed-env",
  cache: "committed-cache",
  run_dir: "committed-run-dir",
  os_file: "committed-os-file",
};
const UNTRACK = {
  remediation:
    "Remove them from the index with `git rm -r --cached <path>`, add them to .gitignore, and keep large models/data in Git LFS, DVC or a model registry.",
  docs: DOCS,
};

function artefactFinding(group: ArtefactGroup, rules: IgnoreRules): Finding {
  const shown =
    group.examples.slice(0, 3).join(", ") + (group.examples.length > 3 ? ` and ${group.examples.length - 3} more` : "");
  const spec = ARTEFACTS[group.kind];
  const first = group.examples[0] ?? "";
  const rule = rules.match(first);
  const contradiction = rule
    ? ` although ${rule.path}${rule.line ? ` line ${rule.line}` : ""} ignores it (\`${rule.pattern}\`): it was committed before the rule or force-added`
    : "";
  const size = group.kind === "large_file" ? ` (${megabytes(group.bytes)})` : "";
  const message = `The repository contains ${spec.what}: ${shown}${size}${contradiction}.`;
  const at = { path: first.replace(/\/$/, "") };
  return spec.serious
    ? failure(ARTEFACT_IDS[group.kind], message, at, UNTRACK)
    : warning(ARTEFACT_IDS[group.kind], message, at, UNTRACK);
}

/** Names of files that hold credentials whatever their format. */
const SECRET_NAME =
  /secret|credential|service[-_]?account|\.(pem|key|p12|pfx)$|^id_(rsa|ed25519|ecdsa)$|^\.?htpasswd$|^\.netrc$/i;

/** Committed files the repository's own rules ignore, outside the artefact groups above. */
function trackedButIgnored(
  repo: RepoView,
  rules: IgnoreRules,
  grouped: ReadonlySet<string>,
): { cap: number; finding: Finding } | undefined {
  const hits = ignoredButListed(repo, rules, grouped);
  // Source files under an over-broad rule (Python.gitignore's `lib/` over a frontend's src/lib/)
  // were force-added on purpose: the rule is sloppy, the repository is not dirty. A secrets file
  // (`.streamlit/secrets.toml`, `credentials.json`) is text too, but its rule is exactly right.
  // Small fixtures under tests/ (a `data/` rule also matches tests/data/) were force-added on purpose too.
  const data = hits.filter((h) => {
    const base = h.path.slice(h.path.lastIndexOf("/") + 1);
    return SECRET_NAME.test(base) || (!isSourceLike(base) && !isTestPath(h.path));
  });
  const shown = data[0] ?? hits[0];
  if (!shown) return undefined;
  const count = (n: number): string => (hits.length >= 20 ? `${n} or more` : String(n));
  // A rule that names the file, or the top folder it is in, outright (`stats.json`, `reports/`)
  // is not too broad: the file was committed before the rule, or forced in. A bare folder name
  // that matches deeper (`lib/` over frontend/src/lib/) is the over-broad case.
  const name = shown.pattern.replace(/^\/|\/$/g, "");
  const literal =
    !/[*?[\]!]/.test(name) &&
    (shown.path === name || shown.path.endsWith(`/${name}`) || shown.path.startsWith(`${name}/`));
  if (data.length === 0)
    return {
      cap: 1,
      finding: literal
        ? warning(
            "ignored-committed",
            `${count(hits.length)} committed file(s) are named by the repository's own ignore rules, e.g. ${shown.path} (${shown.rule}): they were committed before the rule or forced in.`,
            { path: shown.path },
            {
              remediation:
                "Take them out of git (`git rm --cached <file>`) if they are generated, or drop the rule if they belong in the repository.",
              docs: DOCS,
            },
          )
        : warning(
            "ignored-source",
            `${count(hits.length)} committed source or test file(s) match the repository's own ignore rules, e.g. ${shown.path} (${shown.rule}): the rule is broader than intended.`,
            { path: shown.path },
            {
              remediation:
                "Narrow the rule (anchor it with a leading `/`, or add a `!` exception) so it matches only what should stay out.",
              docs: DOCS,
            },
          ),
    };
  return {
    cap: 0.6,
    finding: warning(
      "tracked-but-ignored",
      `${count(data.length)} committed file(s) match the repository's own ignore rules, e.g. ${shown.path} (${shown.rule}): the .gitignore does not describe what is committed.`,
      { path: shown.path },
      UNTRACK,
    ),
  };
}

/** code_quality.gitignore: a .gitignore that covers the language's artefacts, and is not contradicted. */
export const gitignore: Check = defineCheck({
  id: "code_quality.gitignore",
  title: ".gitignore hygiene",
  criterion: "code_quality",
  weight: 1,
  looksFor:
    "A .gitignore covering __pycache__, virtual environments, .env, notebook checkpoints and node_modules, with none of those (nor large model/data files, run folders or .DS_Store) committed.",
  why: "Committed caches, environments and model binaries bloat the history and leak local paths or secrets; a reviewer reads them as not knowing git.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [
    { globs: [GITIGNORE_GLOB], maxFiles: 40, priority: 0 },
    { globs: ["**/.gitattributes"], maxFiles: 10, priority: 1 },
  ],
  evaluate(repo) {
    const rules = ignoreRules(repo);
    const { groups, paths: grouped } = committedArtefacts(repo, lfsMatcher(repo));
    // Listed in ARTEFACTS order, so reports (and tests) read the worst first.
    const order = Object.keys(ARTEFACTS) as ArtefactKind[];
    const committed = [...groups]
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map((g) => artefactFinding(g, rules));
    const hasFile = repo.glob(GITIGNORE_GLOB).some((f) => isOwnCode(f.path));

    if (!hasFile) {
      if (languages(repo).main.length === 0 && groups.length === 0)
        return notApplicable(info("no-code", `${noMainLanguage(languages(repo))}: a .gitignore is not judged.`));
      const missing = failure("missing", "There is no .gitignore.", {}, { remediation: REMEDIATION, docs: TEMPLATES });
      return scored(0, [missing, ...committed]);
    }
    if (rules.files === 0)
      return scored(0.5, [
        info("unreadable", "The .gitignore could not be read, so its coverage is unknown."),
        ...committed,
      ]);

    const findings: Finding[] = [];
    let score = 1;
    if (rules.patterns === 0) {
      findings.push(
        warning(
          "empty",
          "The .gitignore holds no rules: it ignores nothing, as if there were none.",
          { path: ".gitignore" },
          { remediation: REMEDIATION, docs: TEMPLATES },
        ),
      );
      score = 0.1;
    } else {
      const covered: string[] = [];
      const gaps: Finding[] = [];
      for (const req of coverageRequirements(repo)) {
        const ok = req.all ? req.probes.every((p) => rules.match(p)) : rules.coversAny(req.probes);
        if (ok) {
          // Name the rules that do it, not the usual ones: `*.pyc` covers caches without `__pycache__/`.
          // A folder rule that happens to hold the probe (`web_demo/`) is not the artefact's rule.
          const patterns = [
            ...new Set(req.probes.map((p) => rules.match(p)?.pattern).filter((p) => p !== undefined)),
          ].filter((p) => req.token.test(p));
          const name = req.what.replace(/\s*\(.*\)$/, "");
          covered.push(patterns.length > 0 ? `${name} (${patterns.slice(0, 3).join(", ")})` : req.what);
        } else {
          score -= req.weight;
          gaps.push(
            warning(
              req.id,
              `The .gitignore does not ignore ${req.what}.`,
              { path: ".gitignore" },
              { remediation: REMEDIATION, docs: TEMPLATES },
            ),
          );
        }
      }
      score = Math.max(0.3, score);
      if (covered.length > 0)
        findings.push(info("covers", `The .gitignore covers ${covered.join("; ")}.`, { path: ".gitignore" }));
      findings.push(...gaps);
    }
    findings.push(...committed);

    const caps = groups.map((g) => ARTEFACTS[g.kind].cap);
    const stray = trackedButIgnored(repo, rules, grouped);
    if (stray) {
      findings.push(stray.finding);
      if (stray.cap < 1) caps.push(stray.cap);
    }
    if (caps.length > 0) score = Math.min(score, Math.max(0.3, Math.min(...caps) - 0.05 * (caps.length - 1)));
    return scored(score, findings);
  },
});
