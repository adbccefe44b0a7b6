/**
 * What CI actually runs: every shell command of every workflow step, followed through the task
 * runners a repository defines (make, npm scripts, tox, nox, just, task, mise, hatch/pdm/poe,
 * pre-commit, shell scripts, `docker compose run`). Nothing is executed: files are only read.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { parseYaml } from "./parse.js";
import { type Invocation, parseInvocation } from "./tasks/cli.js";
import { type Found, type Resolution, RunnerFiles } from "./tasks/files.js";
import { joinDir, type ScriptLine, splitScript, unwrap, wordsOf } from "./tasks/shell.js";
import { readSteps, type WorkflowStep, workflows } from "./workflows.js";

export { NPM_DEFAULT_TEST } from "./tasks/other-runners.js";
export { splitScript, unwrap, wordsOf } from "./tasks/shell.js";

/** Task-runner files that CI commands lead into, and the scripts they call. */
export const TASK_READ: ReadRequest = {
  globs: [
    "**/{Makefile,makefile,GNUmakefile,*.mk}",
    "**/{justfile,Justfile,.justfile}",
    "**/{Taskfile,taskfile}.{yml,yaml}",
    "**/{mise,.mise}.toml",
    "{.mise/tasks,mise-tasks,.mise-tasks,mise/tasks,.config/mise/tasks}/**",
    "**/package.json",
    "**/{tox.ini,tox.toml,noxfile.py,pyproject.toml,Pipfile}",
    ".pre-commit-config.{yaml,yml}",
    "**/*.{sh,bash}",
    "{scripts,script,bin,ci,.ci,tools,.github/scripts}/*",
  ],
  maxFiles: 160,
  priority: 1,
};

/** A call to a task runner, and whether its task was found in the repository. */
export interface RunnerCall {
  /** make, npm, yarn, pnpm, tox, nox, just, task, mise, hatch, pdm, poe, pre-commit, shell, container. */
  readonly tool: string;
  /** The target, script, env or session asked for ("" for the runner's default). */
  readonly task: string;
  /** followed: read and followed; missing: no such file or task; unread: the file exists but was not read. */
  readonly status: "followed" | "missing" | "unread";
}

/** One shell command that CI runs, with where its text lives and how CI got to it. */
export interface CiCommand {
  /** File that holds the command's text (a workflow, a Makefile, package.json...). */
  readonly path: string;
  readonly line: number;
  /** The command as written, one segment of a script (split on newlines, `&&`, `;`, `|`). */
  readonly command: string;
  /** The words with wrappers peeled: `uv run python -m pytest -x` gives `["pytest", "-x"]`. */
  readonly argv: readonly string[];
  /** The chain of task-runner calls that led here, outermost first: `["make test"]`. */
  readonly via: readonly string[];
  /** The workflow file and job that start the chain. */
  readonly workflow: string;
  readonly job: string;
  /** Set when the command calls a task runner. */
  readonly runner?: RunnerCall;
  /** A pre-commit hook, run through `pre-commit run` or the pre-commit action. */
  readonly preCommit?: boolean;
  /** CI passes whatever this command does: `cmd || true`, or `continue-on-error: true` on its step. */
  readonly failureIgnored?: boolean;
}

/** How deep runner calls are followed, and how many commands one repository may yield. */
const MAX_DEPTH = 10;
const MAX_COMMANDS = 5000;

interface Origin {
  readonly workflow: string;
  readonly job: string;
  /** The step (or job) has `continue-on-error: true`. */
  readonly ignored?: boolean;
}

/** Walks workflows into runner files; one per `ciCommands` call. */
class Follower {
  readonly out: CiCommand[] = [];
  private readonly files: RunnerFiles;

  constructor(private readonly repo: RepoView) {
    this.files = new RunnerFiles(repo);
  }

  /** The commands of a run of steps (a job, a composite action). */
  steps(
    steps: readonly WorkflowStep[],
    path: string,
    origin: Origin,
    via: readonly string[],
    stack: Set<string>,
  ): void {
    for (const step of steps) {
      const dir = joinDir("", step.workingDirectory ?? "");
      const stepOrigin = step.continueOnError ? { ...origin, ignored: true } : origin;
      if (step.run !== undefined) {
        // `shell: python` (or node, a custom `{0}` template of an interpreter) runs code, not commands.
        if (step.shell && /^(python|node|bun|deno|ruby|perl)\b/.test(step.shell)) continue;
        this.script(splitScript(step.run, step.runLine ?? step.line), path, dir, via, stepOrigin, stack);
        continue;
      }
      const uses = step.uses ?? "";
      const label = `uses: ${uses}`;
      if (/^pre-commit\/action@/.test(uses)) {
        const hooks = this.files.preCommit(undefined, undefined, false, label);
        for (const f of hooks) this.task(f, stepOrigin, via, stack, 1);
      } else if (uses.startsWith("./") && !uses.includes(".github/workflows/") && !stack.has(uses)) {
        this.composite(uses, stepOrigin, [...via, label], new Set([...stack, uses]));
      } else if (step.with && !uses.startsWith("actions/github-script")) {
        // Actions that take a command to run: retry wrappers, xvfb, emulators, coverage reporters.
        for (const key of ["run", "command", "script", "coverageCommand"]) {
          const cmd = step.with[key];
          if (cmd) this.script(splitScript(cmd, step.line), path, dir, [...via, label], stepOrigin, stack);
        }
      }
    }
  }

  private composite(uses: string, origin: Origin, via: readonly string[], stack: Set<string>): void {
    const dir = joinDir("", uses);
    for (const name of ["action.yml", "action.yaml"]) {
      const path = dir ? `${dir}/${name}` : name;
      const text = this.repo.text(path);
      if (text === undefined) continue;
      const parsed = parseYaml(text);
      if (!parsed.ok) return;
      const root = parsed.value.value as { runs?: { steps?: unknown } } | null;
      if (!root?.runs?.steps) return;
      const { steps } = readSteps(parsed.value, path, root.runs.steps, ["runs", "steps"]);
      this.steps(steps, path, origin, via, stack);
      return;
    }
  }

  /** A script's commands; `cd` changes the folder of the commands after it. */
  script(
    lines: readonly ScriptLine[],
    path: string,
    dir: string,
    via: readonly string[],
    origin: Origin,
    stack: Set<string>,
    depth = via.length,
    siblings?: (name: string) => Found | undefined,
  ): void {
    let cwd = dir;
    for (const l of lines) {
      const words = wordsOf(l.text);
      const argv = unwrap(words);
      if ((argv[0] === "cd" || argv[0] === "pushd") && argv[1] !== undefined) {
        // `cd "$(dirname "$0")/.."` cannot be resolved here: stay where we are.
        if (!/[$`]/.test(argv[1])) cwd = joinDir(cwd, argv[1]);
        continue;
      }
      this.command(l, words, argv, path, cwd, via, origin, stack, depth, siblings);
    }
  }

  private command(
    l: ScriptLine,
    words: readonly string[],
    argv: readonly string[],
    path: string,
    cwd: string,
    via: readonly string[],
    origin: Origin,
    stack: Set<string>,
    depth: number,
    siblings?: (name: string) => Found | undefined,
  ): void {
    if (this.out.length >= MAX_COMMANDS || argv.length === 0) return;
    // hatch/pdm/poe scripts name each other: `cov = ["test --cov=x"]` runs the `test` script.
    const sibling = siblings ? siblings(argv[0] as string) : undefined;
    const invocation = sibling ? undefined : parseInvocation(words, argv);
    const resolved: Resolution | undefined = sibling
      ? { tool: "script", task: argv[0] as string, status: "followed", found: [sibling] }
      : invocation
        ? this.files.resolve(invocation, cwd, path, l)
        : undefined;
    this.out.push({
      path,
      line: l.line,
      command: l.text,
      argv,
      via,
      workflow: origin.workflow,
      job: origin.job,
      ...(origin.ignored || l.failureIgnored ? { failureIgnored: true } : {}),
      ...(resolved ? { runner: { tool: resolved.tool, task: resolved.task, status: resolved.status } } : {}),
      ...(via.some((v) => v.startsWith("pre-commit run") || v.startsWith("uses: pre-commit/action"))
        ? { preCommit: true }
        : {}),
    });
    if (!resolved || depth >= MAX_DEPTH) return;
    const inner = l.failureIgnored ? { ...origin, ignored: true } : origin;
    for (const f of resolved.found) this.task(f, inner, via, stack, depth + 1);
  }

  /** A task and, first, the tasks it depends on. */
  task(f: Found, origin: Origin, via: readonly string[], stack: Set<string>, depth: number): void {
    if (stack.has(f.key) || depth > MAX_DEPTH) return;
    const inner = new Set([...stack, f.key]);
    const chain = [...via, f.label];
    for (const name of f.def.deps) {
      const d = f.dep?.(name);
      if (d) this.task(d, origin, chain, inner, depth + 1);
    }
    // Only pyproject script runners call sibling tasks by bare name; a make recipe `black .` is black.
    const siblings = /^(hatch|pdm|poe|pipenv):/.test(f.key) ? f.dep : undefined;
    this.script(f.def.commands, f.def.path, f.def.dir, chain, origin, inner, depth, siblings);
  }
}

export type { Found, Invocation, Resolution };

/**
 * The commands of a script found outside GitHub Actions (GitLab CI's `script:`, Travis...),
 * followed through task runners the same way. Not memoised: callers pass their own scripts.
 */
export function scriptCommands(
  repo: RepoView,
  script: string,
  at: { readonly path: string; readonly line: number; readonly job: string },
): readonly CiCommand[] {
  const follower = new Follower(repo);
  follower.script(splitScript(script, at.line), at.path, "", [], { workflow: at.path, job: at.job }, new Set());
  return follower.out;
}

const cache = new WeakMap<RepoView, readonly CiCommand[]>();

/** Every command that CI runs, followed through task runners (memoised per view). */
export function ciCommands(repo: RepoView): readonly CiCommand[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const follower = new Follower(repo);
  for (const w of workflows(repo).parsed)
    for (const job of w.jobs)
      if (!job.disabled) follower.steps(job.steps, w.path, { workflow: w.path, job: job.id }, [], new Set());
  cache.set(repo, follower.out);
  return follower.out;
}
