/**
 * CI systems other than GitHub Actions (GitLab CI, Travis, CircleCI, Jenkins, Azure...): which
 * are configured, and the shell commands their configs run, followed through task runners.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { lineOfOffset, parseYaml, type YamlFile } from "../lib/parse.js";
import { type CiCommand, scriptCommands } from "../lib/tasks.js";

/** Config files of other CI systems, with the system's name. */
const OTHER_CI: readonly [string, string][] = [
  [".gitlab-ci.yml", "GitLab CI"],
  [".travis.yml", "Travis CI"],
  [".circleci/config.yml", "CircleCI"],
  ["Jenkinsfile", "Jenkins"],
  ["azure-pipelines.yml", "Azure Pipelines"],
  ["bitbucket-pipelines.yml", "Bitbucket Pipelines"],
  [".drone.yml", "Drone"],
  ["appveyor.yml", "AppVeyor"],
  [".buildkite/pipeline.yml", "Buildkite"],
  [".woodpecker.yml", "Woodpecker"],
];

/** The other CI configs, read so their commands can be judged too. */
export const OTHER_CI_READ: ReadRequest = { globs: OTHER_CI.map(([p]) => p), maxFiles: 10, priority: 1 };

/** The other CI systems configured at the root, by name and file. */
export function otherCi(repo: RepoView): { path: string; name: string }[] {
  return OTHER_CI.filter(([path]) => repo.has(path)).map(([path, name]) => ({ path, name }));
}

/** Keys whose values are shell commands in these systems' YAML. */
const SCRIPT_KEYS = new Set([
  "script",
  "before_script",
  "after_script",
  "install",
  "before_install",
  "run",
  "command",
  "commands",
  "bash",
  "pwsh",
  "test_script",
  "build_script",
]);

function yamlScripts(file: YamlFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const walk = (v: unknown, path: (string | number)[], scripted: boolean, depth: number): void => {
    if (depth > 12) return;
    if (typeof v === "string" && scripted) {
      const node = file.doc.getIn(path, true) as { type?: string } | undefined;
      const line = (file.lineOf(path) ?? 1) + (node?.type === "BLOCK_LITERAL" || node?.type === "BLOCK_FOLDED" ? 1 : 0);
      out.push({ text: v, line });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, i], scripted, depth + 1);
    } else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v))
        walk(x, [...path, k], SCRIPT_KEYS.has(k) || (scripted && k === "command"), depth + 1);
  };
  walk(file.value, [], false, 0);
  return out;
}

/** `sh 'pytest'`, `sh """..."""` steps of a Jenkinsfile. */
function jenkinsScripts(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (const m of text.matchAll(/\b(?:sh|bat)\s*\(?\s*(?:script\s*:\s*)?('''|"""|'|")([\s\S]*?)\1/g))
    out.push({ text: m[2] ?? "", line: lineOfOffset(text, (m.index ?? 0) + m[0].indexOf(m[1] ?? "")) });
  return out;
}

const cache = new WeakMap<RepoView, readonly CiCommand[]>();

/** Every command the other CI systems' configs run (memoised per view). */
export function otherCiCommands(repo: RepoView): readonly CiCommand[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: CiCommand[] = [];
  for (const { path } of otherCi(repo)) {
    const text = repo.text(path);
    if (text === undefined) continue;
    let scripts: { text: string; line: number }[] = [];
    if (path === "Jenkinsfile") scripts = jenkinsScripts(text);
    else {
      const parsed = parseYaml(text);
      if (parsed.ok) scripts = yamlScripts(parsed.value);
    }
    for (const s of scripts) out.push(...scriptCommands(repo, s.text, { path, line: s.line, job: "" }));
  }
  cache.set(repo, out);
  return out;
}
