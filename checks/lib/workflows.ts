/**
 * GitHub Actions workflows as data: triggers, jobs, steps and the lines they sit on.
 * A workflow GitHub would refuse to run (invalid YAML, no `on`, a `needs:` naming no job)
 * is listed as broken with its file and line, never thrown.
 */

import { isMap, isScalar } from "yaml";
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { isRecord, lineOfOffset, parseYaml, type YamlFile } from "./parse.js";
import type { BrokenWorkflow, Workflow, WorkflowJob, WorkflowStep, Workflows } from "./workflow-types.js";

/**
 * Workflow files, and local composite actions (`uses: ./.github/actions/x`) whose steps run
 * commands too. GitHub only runs `.yml`/`.yaml` files directly under `.github/workflows`.
 */
export const WORKFLOW_READ: ReadRequest = {
  globs: [".github/workflows/*.{yml,yaml}", "**/action.{yml,yaml}"],
  maxFiles: 80,
  priority: 0,
};

/** Glob of the files GitHub treats as workflows. */
export const WORKFLOW_GLOB = ".github/workflows/*.{yml,yaml}";

export type { BrokenWorkflow, Workflow, WorkflowJob, WorkflowStep, Workflows } from "./workflow-types.js";

type Obj = Record<string, unknown>;

/** The events that can trigger a workflow; GitHub refuses a workflow that names another. */
const EVENTS = new Set(
  "branch_protection_rule check_run check_suite create delete deployment deployment_status discussion discussion_comment fork gollum image_version issue_comment issues label merge_group milestone page_build project project_card project_column public pull_request pull_request_review pull_request_review_comment pull_request_target push registry_package release repository_dispatch schedule status watch workflow_call workflow_dispatch workflow_run".split(
    " ",
  ),
);

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** Event names from an `on` value: `push`, `[push, pull_request]`, `{push: {...}, schedule: [...]}`. */
export function triggersOf(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === "string");
  if (isRecord(on)) return Object.keys(on);
  return [];
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    const s = str(val);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function defaultDir(v: unknown): string | undefined {
  if (!isRecord(v) || !isRecord(v.defaults) || !isRecord(v.defaults.run)) return undefined;
  return str(v.defaults.run["working-directory"]);
}

/** `if: false`, `if: ${{ false }}`, `if: false && github.event_name == 'push'`: switched off. */
function isDisabled(cond: unknown): boolean {
  if (cond === false) return true;
  if (typeof cond !== "string") return false;
  const bare = cond
    .trim()
    .replace(/^\$\{\{\s*(.*?)\s*\}\}$/, "$1")
    .trim();
  return bare === "false" || /^false\s*&&/.test(bare);
}

/** Line of a scalar's first content line: block scalars (`|`, `>`) start on the next line. */
function contentLine(file: YamlFile, path: readonly (string | number)[]): number | undefined {
  const line = file.lineOf(path);
  const node = file.doc.getIn(path, true) as { type?: string } | undefined;
  if (line !== undefined && (node?.type === "BLOCK_LITERAL" || node?.type === "BLOCK_FOLDED")) return line + 1;
  return line;
}

/** Line of a mapping key (`test:` of a job), rather than of its value's first line. */
function keyLine(file: YamlFile, text: string, path: readonly string[]): number | undefined {
  const parent = path.length > 1 ? file.doc.getIn(path.slice(0, -1), true) : file.doc.contents;
  const last = path[path.length - 1];
  if (isMap(parent))
    for (const pair of parent.items)
      if (isScalar(pair.key) && String(pair.key.value) === last && pair.key.range)
        return lineOfOffset(text, pair.key.range[0]);
  return file.lineOf(path);
}

interface StepsResult {
  steps: WorkflowStep[];
  error?: BrokenWorkflow;
}

/** Steps of a job or of a composite action, at `base` in the YAML tree. */
export function readSteps(
  file: YamlFile,
  path: string,
  raw: unknown,
  base: readonly (string | number)[],
  dir?: string,
  jobContinues = false,
): StepsResult {
  const steps: WorkflowStep[] = [];
  if (!Array.isArray(raw)) return { steps, error: { path, message: "steps is not a list", line: file.lineOf(base) } };
  for (let i = 0; i < raw.length; i++) {
    const s: unknown = raw[i];
    const at = [...base, i];
    const line = file.lineOf(at) ?? 1;
    if (!isRecord(s)) return { steps, error: { path, message: `step ${i + 1} is not a mapping`, line } };
    const run = str(s.run);
    const uses = str(s.uses);
    if ((run === undefined) === (uses === undefined))
      return { steps, error: { path, message: `step ${i + 1} needs exactly one of run or uses`, line } };
    if (isDisabled(s.if)) continue;
    const name = str(s.name);
    const withInputs = stringRecord(s.with);
    const workingDirectory = str(s["working-directory"]) ?? dir;
    const shell = str(s.shell);
    const continueOnError = s["continue-on-error"] === true || jobContinues;
    const runLine = run !== undefined ? contentLine(file, [...at, "run"]) : undefined;
    steps.push({
      line,
      ...(name !== undefined ? { name } : {}),
      ...(run !== undefined ? { run } : {}),
      ...(runLine !== undefined ? { runLine } : {}),
      ...(uses !== undefined ? { uses } : {}),
      ...(withInputs ? { with: withInputs } : {}),
      ...(workingDirectory !== undefined ? { workingDirectory } : {}),
      ...(shell !== undefined ? { shell } : {}),
      ...(continueOnError ? { continueOnError } : {}),
    });
  }
  return { steps };
}

/** Parse one workflow file's text: a usable workflow, or why GitHub would refuse it. */
export function parseWorkflow(path: string, text: string): Workflow | BrokenWorkflow {
  const parsed = parseYaml(text);
  if (!parsed.ok) return { path, message: `invalid YAML: ${parsed.error}`, ...lineField(parsed.line) };
  const file = parsed.value;
  const root = file.value;
  if (!isRecord(root)) return { path, message: "the workflow is not a YAML mapping", line: 1 };
  if (!("on" in root)) return { path, message: "no `on:` trigger: GitHub never runs this workflow", line: 1 };
  const triggers = triggersOf(root.on);
  const triggersLine = keyLine(file, text, ["on"]);
  if (triggers.length === 0) return { path, message: "`on:` names no event", ...lineField(triggersLine) };
  const unknown = triggers.find((t) => !EVENTS.has(t));
  if (unknown !== undefined)
    return { path, message: `\`on:\` names "${unknown}", which is not a GitHub event`, ...lineField(triggersLine) };
  if (!isRecord(root.jobs))
    return { path, message: "no `jobs:` mapping", ...lineField(keyLine(file, text, ["jobs"]) ?? 1) };
  const workflowDir = defaultDir(root);
  const jobs: WorkflowJob[] = [];
  for (const [id, rawJob] of Object.entries(root.jobs)) {
    const line = keyLine(file, text, ["jobs", id]) ?? 1;
    if (!isRecord(rawJob)) return { path, message: `job "${id}" is not a mapping`, line };
    const uses = str(rawJob.uses);
    const needs = Array.isArray(rawJob.needs)
      ? rawJob.needs.map(str).filter((n): n is string => n !== undefined)
      : str(rawJob.needs) !== undefined
        ? [str(rawJob.needs) as string]
        : [];
    let steps: WorkflowStep[] = [];
    if (uses === undefined) {
      if (!("steps" in rawJob)) return { path, message: `job "${id}" has neither steps nor uses`, line };
      if (!("runs-on" in rawJob)) return { path, message: `job "${id}" has no runs-on`, line };
      const r = readSteps(
        file,
        path,
        rawJob.steps,
        ["jobs", id, "steps"],
        defaultDir(rawJob) ?? workflowDir,
        rawJob["continue-on-error"] === true,
      );
      if (r.error) return r.error;
      steps = r.steps;
    }
    const name = str(rawJob.name);
    jobs.push({
      id,
      line,
      needs,
      steps,
      ...(name !== undefined ? { name } : {}),
      ...(uses ? { uses } : {}),
      ...(isDisabled(rawJob.if) ? { disabled: true } : {}),
    });
  }
  if (jobs.length === 0) return { path, message: "`jobs:` is empty", ...lineField(keyLine(file, text, ["jobs"])) };
  const name = str(root.name);
  const workflow: Workflow = {
    path,
    triggers,
    jobs,
    ...(name !== undefined ? { name } : {}),
    ...lineField(triggersLine, "triggersLine"),
  };
  const ids = new Set(jobs.map((j) => j.id));
  for (const job of jobs)
    for (const need of job.needs)
      if (!ids.has(need))
        return {
          path,
          message: `job "${job.id}" needs "${need}", which is not a job of this workflow`,
          ...lineField(file.lineOf(["jobs", job.id, "needs"]) ?? job.line),
          workflow,
        };
  const cycle = needsCycle(jobs);
  if (cycle) return { path, message: `jobs depend on each other in a cycle: ${cycle.join(" -> ")}`, line: 1, workflow };
  return workflow;
}

function lineField(line: number | undefined, key = "line"): Record<string, number> {
  return line === undefined ? {} : { [key]: line };
}

/** The first cycle in the `needs` graph, if any (GitHub rejects such a workflow). */
function needsCycle(jobs: readonly WorkflowJob[]): string[] | undefined {
  const needs = new Map(jobs.map((j) => [j.id, j.needs]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "open") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "open");
    stack.push(id);
    for (const n of needs.get(id) ?? []) {
      const c = visit(n);
      if (c) return c;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const j of jobs) {
    const c = visit(j.id);
    if (c) return c;
  }
  return undefined;
}

function isBroken(w: Workflow | BrokenWorkflow): w is BrokenWorkflow {
  return "message" in w;
}

const cache = new WeakMap<RepoView, Workflows>();

/** Every workflow under `.github/workflows`, parsed or reported broken (memoised per view). */
export function workflows(repo: RepoView): Workflows {
  const hit = cache.get(repo);
  if (hit) return hit;
  const parsed: Workflow[] = [];
  const broken: BrokenWorkflow[] = [];
  for (const f of repo.glob(WORKFLOW_GLOB)) {
    const content = repo.content(f.path);
    if (content.kind !== "text") {
      // A symlink or a binary file named .yml: GitHub cannot run it either.
      if (content.reason === "binary" || content.reason === "not_regular" || f.mode === "symlink")
        broken.push({ path: f.path, message: `not a readable YAML file (${content.reason})` });
      continue;
    }
    const w = parseWorkflow(f.path, content.text);
    if (isBroken(w)) broken.push(w);
    else parsed.push(w);
  }
  const result = { parsed, broken };
  cache.set(repo, result);
  return result;
}

/** Events that run a workflow on every change a reviewer would look at. */
export const CHANGE_EVENTS: ReadonlySet<string> = new Set([
  "push",
  "pull_request",
  "pull_request_target",
  "merge_group",
]);

/** True when the workflow runs on push, pull request or merge queue. */
export function runsOnChange(w: Workflow): boolean {
  return w.triggers.some((t) => CHANGE_EVENTS.has(t));
}

/** The workflow a fix belongs in: the first that runs on changes and has shell steps, else the first. */
export function primaryWorkflow(parsed: readonly Workflow[]): Workflow | undefined {
  const hasRun = (w: Workflow): boolean => w.jobs.some((j) => j.steps.some((s) => s.run !== undefined));
  return parsed.find((w) => runsOnChange(w) && hasRun(w)) ?? parsed.find(runsOnChange) ?? parsed[0];
}

/** True for a reusable workflow or action that lives in another repository (`org/repo/...@ref`). */
export function isRemoteUses(uses: string): boolean {
  return !uses.startsWith("./") && !uses.startsWith("docker://");
}
