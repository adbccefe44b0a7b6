/**
 * The other task runners CI calls: package.json scripts, justfiles, Taskfiles, mise tasks and
 * pre-commit hooks, each read into the same shape (commands with lines, dependencies).
 */
import { lineOfText, parseJson, parseToml, parseYaml, type YamlFile } from "../parse.js";
import { tomlKeyLines } from "../project-toml.js";
import { type ScriptLine, splitScript, type TaskDef } from "./shell.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** npm's placeholder `test` script: not a test suite. */
export const NPM_DEFAULT_TEST = /^echo\s+["']?\\?"?Error: no test specified\\?"?["']?\s*&&\s*exit\s+1$/;

/** The scripts of a package.json, with the line each is defined on. */
export function packageScripts(text: string, path: string, dir: string): Map<string, TaskDef> {
  const out = new Map<string, TaskDef>();
  const parsed = parseJson(text);
  if (!parsed.ok || !isObj(parsed.value) || !isObj(parsed.value.scripts)) return out;
  const scriptsLine = lineOfText(text, '"scripts"') ?? 1;
  const rows = text.split("\n");
  for (const [name, value] of Object.entries(parsed.value.scripts)) {
    if (typeof value !== "string") continue;
    const key = JSON.stringify(name);
    let line = scriptsLine;
    for (let i = scriptsLine - 1; i < rows.length; i++)
      if (rows[i]?.includes(`${key}:`) || rows[i]?.includes(`${key} :`)) {
        line = i + 1;
        break;
      }
    out.set(name, { path, line, commands: splitScript(value, line).map((c) => ({ ...c, line })), deps: [], dir });
  }
  return out;
}

/** Recipes of a justfile, with the default recipe (`default`, else the first). */
export function parseJustfile(
  text: string,
  path: string,
  dir: string,
): { recipes: Map<string, TaskDef>; first?: string } {
  const recipes = new Map<string, TaskDef>();
  const aliases = new Map<string, string>();
  let first: string | undefined;
  const rows = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? "";
    const alias = /^alias\s+([\w-]+)\s*:=\s*([\w-]+)/.exec(row);
    if (alias?.[1] && alias[2]) {
      aliases.set(alias[1], alias[2]);
      continue;
    }
    if (/^(set|export|import|mod)\s/.test(row) || /^[\w-]+\s*:=/.test(row)) continue;
    const head = /^@?([A-Za-z_][\w-]*)((?:\s+[^:]*?)?)\s*:(?!=)\s*(.*)$/.exec(row);
    if (!head?.[1]) continue;
    const name = head[1];
    // Dependencies: `test: build` or `(build "x")`; `&&` marks ones that run after.
    const deps = (head[3] ?? "")
      .replace(/#.*$/, "")
      .replace(/\(([\w-]+)[^)]*\)/g, "$1")
      .split(/\s+/)
      .filter((d) => /^[A-Za-z_][\w-]*$/.test(d));
    const commands: ScriptLine[] = [];
    let j = i + 1;
    let shebang = false;
    for (; j < rows.length; j++) {
      const body = rows[j] ?? "";
      if (body.trim() === "") continue;
      if (!/^\s/.test(body)) break;
      const t = body.trim();
      if (j === i + 1 && t.startsWith("#!")) {
        shebang = true;
        continue;
      }
      if (t.startsWith("#")) continue;
      const cmd = shebang ? t : t.replace(/^[@-]+/, "");
      commands.push(...splitScript(cmd, j + 1));
    }
    i = j - 1;
    first ??= name;
    recipes.set(name, { path, line: i + 1, commands, deps, dir });
  }
  for (const [a, target] of aliases) {
    const r = recipes.get(target);
    if (r && !recipes.has(a)) recipes.set(a, r);
  }
  const def = recipes.has("default") ? "default" : first;
  return { recipes, ...(def !== undefined ? { first: def } : {}) };
}

/** Line of the first content line of a YAML scalar (block scalars start on the next line). */
function scalarLine(file: YamlFile, path: (string | number)[]): number {
  const line = file.lineOf(path) ?? 1;
  const node = file.doc.getIn(path, true) as { type?: string } | undefined;
  return node?.type === "BLOCK_LITERAL" || node?.type === "BLOCK_FOLDED" ? line + 1 : line;
}

/** Tasks of a Taskfile.yml (go-task): `cmds`, `cmd`, `deps`, `task:` calls. */
export function parseTaskfile(text: string, path: string, dir: string): Map<string, TaskDef> {
  const out = new Map<string, TaskDef>();
  const parsed = parseYaml(text);
  if (!parsed.ok || !isObj(parsed.value.value) || !isObj(parsed.value.value.tasks)) return out;
  const file = parsed.value;
  for (const [name, raw] of Object.entries(parsed.value.value.tasks)) {
    const base: (string | number)[] = ["tasks", name];
    const commands: ScriptLine[] = [];
    const deps: string[] = [];
    const task: Obj = typeof raw === "string" || Array.isArray(raw) ? { cmds: raw } : isObj(raw) ? raw : {};
    const depList = Array.isArray(task.deps) ? task.deps : [];
    for (const d of depList) {
      if (typeof d === "string") deps.push(d);
      else if (isObj(d) && typeof d.task === "string") deps.push(d.task);
    }
    const cmds: unknown[] = Array.isArray(task.cmds) ? task.cmds : typeof task.cmds === "string" ? [task.cmds] : [];
    if (typeof task.cmd === "string") cmds.push(task.cmd);
    cmds.forEach((c, i) => {
      const at = typeof raw === "string" ? base : Array.isArray(raw) ? [...base, i] : [...base, "cmds", i];
      if (typeof c === "string") commands.push(...splitScript(c, scalarLine(file, at)));
      else if (isObj(c) && typeof c.cmd === "string")
        commands.push(...splitScript(c.cmd, scalarLine(file, [...at, "cmd"])));
      else if (isObj(c) && typeof c.task === "string")
        commands.push({ text: `task ${c.task}`, line: file.lineOf(at) ?? 1 });
    });
    const taskDir = typeof task.dir === "string" ? task.dir : undefined;
    out.set(name, {
      path,
      line: file.lineOf(base) ?? 1,
      commands,
      deps,
      dir: taskDir ? (dir ? `${dir}/${taskDir}` : taskDir) : dir,
    });
  }
  return out;
}

/** Tasks of a mise config (`[tasks.x] run = ...`, `depends = [...]`, or `[tasks] x = "cmd"`). */
export function parseMiseToml(text: string, path: string, dir: string): Map<string, TaskDef> {
  const out = new Map<string, TaskDef>();
  const parsed = parseToml(text);
  if (!parsed.ok || !isObj(parsed.value.tasks)) return out;
  const lines = tomlKeyLines(text);
  for (const [name, raw] of Object.entries(parsed.value.tasks)) {
    const line = lines.get(`tasks.${name}.run`) ?? lines.get(`tasks.${name}`) ?? 1;
    const task: Obj = typeof raw === "string" || Array.isArray(raw) ? { run: raw } : isObj(raw) ? raw : {};
    const runs: unknown[] = Array.isArray(task.run) ? task.run : [task.run];
    const commands = runs.flatMap((r) => (typeof r === "string" ? splitScript(r, line) : []));
    const depends = Array.isArray(task.depends) ? task.depends : typeof task.depends === "string" ? [task.depends] : [];
    const deps = depends.filter((d): d is string => typeof d === "string").map((d) => d.split(/\s+/)[0] ?? d);
    out.set(name, { path, line, commands, deps, dir });
  }
  return out;
}

/** One hook of a pre-commit config. */
export interface PreCommitHook {
  readonly id: string;
  /** What the hook runs: `entry` for local hooks, else the hook id and its args. */
  readonly command: string;
  readonly line: number;
  readonly local: boolean;
  /** Only when asked for (`stages: [manual]`): not part of a plain `pre-commit run`. */
  readonly manual: boolean;
}

/** The hooks of a `.pre-commit-config.yaml`. */
export function preCommitHooks(text: string): PreCommitHook[] {
  const parsed = parseYaml(text);
  if (!parsed.ok || !isObj(parsed.value.value) || !Array.isArray(parsed.value.value.repos)) return [];
  const file = parsed.value;
  const out: PreCommitHook[] = [];
  parsed.value.value.repos.forEach((repo: unknown, r: number) => {
    if (!isObj(repo) || !Array.isArray(repo.hooks)) return;
    const local = repo.repo === "local" || repo.repo === "meta";
    repo.hooks.forEach((hook: unknown, h: number) => {
      if (!isObj(hook) || typeof hook.id !== "string") return;
      const args = Array.isArray(hook.args) ? hook.args.filter((a): a is string => typeof a === "string") : [];
      const head = local && typeof hook.entry === "string" ? hook.entry : hook.id;
      const stages = Array.isArray(hook.stages) ? hook.stages : [];
      out.push({
        id: hook.id,
        command: [head, ...args].join(" "),
        line: file.lineOf(["repos", r, "hooks", h]) ?? 1,
        local,
        manual: stages.length > 0 && stages.every((s) => s === "manual"),
      });
    });
  });
  return out;
}
