/**
 * Commands the project can run: those CI runs (`ciCommands`, followed through task runners) and
 * those defined locally for a developer (package.json scripts, Makefile targets, tox envs, nox
 * sessions, hatch/pdm/poe scripts). "pytest configured in a Makefile" and "pytest run in CI" are
 * both read from here.
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { parseToml } from "../lib/parse.js";
import { tomlManifests } from "../lib/project.js";
import { parseMakefile } from "../lib/tasks/make.js";
import { packageScripts } from "../lib/tasks/other-runners.js";
import { parseNoxfile, parseToxIni, toxFromPyproject } from "../lib/tasks/python-runners.js";
import { splitScript, type TaskDef, unwrap, wordsOf } from "../lib/tasks/shell.js";
import { ciCommands, TASK_READ } from "../lib/tasks.js";
import { WORKFLOW_READ } from "../lib/workflows.js";

/** What a command check reads: workflows and the task-runner files they lead into. */
export const COMMAND_READS: readonly ReadRequest[] = [WORKFLOW_READ, TASK_READ];

/** One command, where it is written, and whether CI runs it. */
export interface ProjectCommand {
  readonly path: string;
  readonly line: number;
  readonly command: string;
  /** Program and arguments with wrappers peeled (`uv run python -m pytest` -> `pytest`). */
  readonly argv: readonly string[];
  /** ci: run by a workflow (maybe through a runner); local: defined for developers, maybe never run. */
  readonly where: "ci" | "local";
  /** The script, target, env or session that holds a local command ("test", "make test", "tox:py311"). */
  readonly task?: string;
}

const cache = new WeakMap<RepoView, readonly ProjectCommand[]>();

/** A pyproject the manifest reader did not read (over its file budget), parsed here. */
function parseTomlValue(text: string): Record<string, unknown> | undefined {
  const parsed = parseToml(text);
  return parsed.ok ? parsed.value : undefined;
}

function fromTask(out: ProjectCommand[], task: string, def: TaskDef): void {
  for (const c of def.commands)
    out.push({ path: def.path, line: c.line, command: c.text, argv: unwrap(wordsOf(c.text)), where: "local", task });
}

/** Strings under the script tables of hatch, pdm, poe and taskipy in a pyproject. */
function pyprojectScripts(value: unknown, path: string, out: ProjectCommand[]): void {
  const tool = (value as { tool?: Record<string, unknown> } | undefined)?.tool;
  if (!tool) return;
  const walk = (v: unknown, task: string, depth: number): void => {
    if (depth > 6) return;
    if (typeof v === "string")
      for (const c of splitScript(v, 1))
        out.push({ path, line: 1, command: c.text, argv: unwrap(wordsOf(c.text)), where: "local", task });
    else if (Array.isArray(v)) for (const x of v) walk(x, task, depth + 1);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) if (k !== "dependencies" && k !== "env-vars") walk(x, k, depth + 1);
  };
  for (const runner of ["hatch", "pdm", "poe", "taskipy"]) walk(tool[runner], runner, 0);
}

/** Every command CI runs and every command the project defines locally (memoised per view). */
export function projectCommands(repo: RepoView): readonly ProjectCommand[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: ProjectCommand[] = ciCommands(repo).map((c) => ({
    path: c.path,
    line: c.line,
    command: c.command,
    argv: c.argv,
    where: "ci" as const,
  }));
  for (const f of repo.read(TASK_READ.globs)) {
    if (!isOwnCode(f.path)) continue;
    const slash = f.path.lastIndexOf("/");
    const dir = slash === -1 ? "" : f.path.slice(0, slash);
    const base = f.path.slice(slash + 1);
    if (base === "package.json")
      for (const [name, def] of packageScripts(f.text, f.path, dir)) fromTask(out, name, def);
    else if (/^(GNU)?[Mm]akefile$/.test(base))
      for (const [name, def] of parseMakefile(f.text, f.path, dir).targets) fromTask(out, `make ${name}`, def);
    else if (base === "tox.ini") {
      const tox = parseToxIni(f.text, f.path, dir);
      if (tox.base) fromTask(out, "tox", tox.base);
      for (const [name, def] of tox.envs) fromTask(out, `tox:${name}`, def);
    } else if (base === "noxfile.py")
      for (const [name, def] of parseNoxfile(f.text, f.path, dir).sessions) fromTask(out, `nox:${name}`, def);
    else if (base === "pyproject.toml") {
      const tox = toxFromPyproject(f.text, f.path, dir);
      if (tox?.base) fromTask(out, "tox", tox.base);
      for (const [name, def] of tox?.envs ?? []) fromTask(out, `tox:${name}`, def);
      const parsed = tomlManifests(repo).find((t) => t.path === f.path)?.value ?? parseTomlValue(f.text);
      if (parsed) pyprojectScripts(parsed, f.path, out);
    }
  }
  cache.set(repo, out);
  return out;
}
