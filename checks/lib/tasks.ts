/**
 * What CI actually runs: every shell command of every workflow step, followed through the task
 * runners a repository defines (make, npm scripts, tox, nox, just, task, mise, pre-commit).
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { workflows } from "./workflows.js";

/** Task-runner files that CI commands lead into. */
export const TASK_READ: ReadRequest = {
  globs: [
    "**/{Makefile,makefile,GNUmakefile}",
    "**/{justfile,Justfile,.justfile}",
    "**/{Taskfile,taskfile}.{yml,yaml}",
    "**/{mise,.mise}.toml",
    "**/package.json",
    "**/{tox.ini,tox.toml,noxfile.py,pyproject.toml}",
    ".pre-commit-config.{yaml,yml}",
  ],
  maxFiles: 120,
  priority: 1,
};

/** One shell command that CI runs, with where its text lives and how CI got to it. */
export interface CiCommand {
  /** File that holds the command's text (a workflow, a Makefile, package.json...). */
  readonly path: string;
  readonly line: number;
  /** The command as written, one segment of a script (split on newlines, `&&`, `;`, `|`). */
  readonly command: string;
  /** The chain of task-runner calls that led here, outermost first: `["make test"]`. */
  readonly via: readonly string[];
}

const cache = new WeakMap<RepoView, readonly CiCommand[]>();

/** Every command that CI runs, followed through task runners (memoised per view). */
export function ciCommands(repo: RepoView): readonly CiCommand[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: CiCommand[] = [];
  for (const w of workflows(repo).parsed)
    for (const job of w.jobs)
      for (const step of job.steps)
        if (step.run !== undefined)
          step.run.split("\n").forEach((command, i) => {
            if (command.trim())
              out.push({ path: w.path, line: (step.runLine ?? step.line) + i, command: command.trim(), via: [] });
          });
  cache.set(repo, out);
  return out;
}
