/**
 * Commands the repository defines for developers to run, whether or not CI runs them:
 * Makefile targets, justfile recipes, npm scripts, tox environments, nox sessions, Taskfile
 * tasks, poe/pdm scripts and shell scripts. "Configured but never run" needs to know about these.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { parseToml } from "../lib/parse.js";
import { parseMakefile } from "../lib/tasks/make.js";
import { packageScripts, parseJustfile, parseTaskfile } from "../lib/tasks/other-runners.js";
import { parseNoxfile, parseToxIni, pyprojectScript } from "../lib/tasks/python-runners.js";
import { splitScript, type TaskDef } from "../lib/tasks/shell.js";

/** One command of a local task, with where it is written. */
export interface LocalCommand {
  readonly path: string;
  readonly line: number;
  readonly command: string;
  /** "make lint", "npm run format", "tox -e lint"... */
  readonly task: string;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function from(defs: Iterable<[string, TaskDef]>, label: (name: string) => string): LocalCommand[] {
  const out: LocalCommand[] = [];
  for (const [name, def] of defs)
    for (const c of def.commands) out.push({ path: def.path, line: c.line, command: c.text, task: label(name) });
  return out;
}

function pyprojectTasks(path: string, text: string): LocalCommand[] {
  const parsed = parseToml(text);
  if (!parsed.ok) return [];
  const tool = parsed.value.tool as Record<string, Record<string, unknown> | undefined> | undefined;
  const out: LocalCommand[] = [];
  const tables: [runner: "poe" | "pdm", names: unknown][] = [
    ["poe", tool?.poe?.tasks],
    ["pdm", tool?.pdm?.scripts],
  ];
  for (const [runner, table] of tables) {
    if (!table || typeof table !== "object") continue;
    for (const name of Object.keys(table)) {
      const def = pyprojectScript(text, path, dirOf(path), runner, name);
      if (def) out.push(...from([[name, def]], (n) => `${runner} run ${n}`));
    }
  }
  return out;
}

const cache = new WeakMap<RepoView, readonly LocalCommand[]>();

/** Every command of every local task (memoised per view); the check must read TASK_READ. */
export function localCommands(repo: RepoView): readonly LocalCommand[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: LocalCommand[] = [];
  const files = repo.read([
    "**/{Makefile,makefile,GNUmakefile,*.mk}",
    "**/{justfile,Justfile,.justfile}",
    "**/{Taskfile,taskfile}.{yml,yaml}",
    "**/package.json",
    "**/tox.ini",
    "**/noxfile.py",
    "**/pyproject.toml",
    "**/*.{sh,bash}",
  ]);
  for (const { path, text } of files) {
    if (!isOwnCode(path)) continue;
    const name = baseOf(path);
    const dir = dirOf(path);
    try {
      if (/^(GNUmakefile|[Mm]akefile)$|\.mk$/.test(name))
        out.push(...from(parseMakefile(text, path, dir).targets, (t) => `make ${t}`));
      else if (/^\.?[Jj]ustfile$/.test(name))
        out.push(...from(parseJustfile(text, path, dir).recipes, (r) => `just ${r}`));
      else if (/^[Tt]askfile\.ya?ml$/.test(name)) out.push(...from(parseTaskfile(text, path, dir), (t) => `task ${t}`));
      else if (name === "package.json") out.push(...from(packageScripts(text, path, dir), (s) => `npm run ${s}`));
      else if (name === "tox.ini") {
        const tox = parseToxIni(text, path, dir);
        out.push(...from(tox.envs, (e) => `tox -e ${e}`));
        if (tox.base) out.push(...from([["", tox.base]], () => "tox"));
      } else if (name === "noxfile.py") out.push(...from(parseNoxfile(text, path, dir).sessions, (s) => `nox -s ${s}`));
      else if (name === "pyproject.toml") out.push(...pyprojectTasks(path, text));
      // A project script (`scripts/lint.sh`) is a task too: developers run it by its path.
      else if (/\.(sh|bash)$/.test(name))
        for (const c of splitScript(text, 1)) out.push({ path, line: c.line, command: c.text, task: `./${path}` });
    } catch {
      // A runner file the parser cannot follow adds no commands; it never stops the check.
    }
  }
  cache.set(repo, out);
  return out;
}
