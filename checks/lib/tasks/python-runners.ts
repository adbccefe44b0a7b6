/**
 * Python task runners: tox environments (tox.ini, tox.toml, `[tool.tox]`), nox sessions
 * (noxfile.py, read line by line, never run), and pyproject scripts of hatch, pdm and poe.
 */
import { braceExpand } from "minimatch";
import { parseToml } from "../parse.js";
import { parsePythonIni } from "../project-ini.js";
import { tomlKeyLines } from "../project-toml.js";
import { type ScriptLine, splitScript, type TaskDef } from "./shell.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Tox environments of one folder: the named ones, the `[testenv]` base and the default list. */
export interface ToxConfig {
  readonly path: string;
  readonly envs: ReadonlyMap<string, TaskDef>;
  readonly base?: TaskDef;
  readonly envList: readonly string[];
}

/** Line of a command in a text, searched from a line on (for values that lose their lines). */
function findLine(text: string, needle: string, from: number): number {
  const rows = text.split(/\r\n|\r|\n/);
  const probe = needle.slice(0, 40);
  for (let i = Math.max(0, from - 1); i < rows.length; i++) if (rows[i]?.includes(probe)) return i + 1;
  return from;
}

/** `py38,py39: pytest` runs pytest in those environments; tox strips the factor prefix. */
function stripFactor(cmd: string): string {
  return cmd
    .replace(/^[\w.!,{}-]+:\s+/, "")
    .replace(/^[-!]\s*/, "")
    .replace(/\{posargs(?::([^}]*))?\}/g, (_m, d: string | undefined) => d ?? "")
    .replace(/\s*:\s*(?=\s|$)/, "")
    .trim();
}

/** `py{39,310}, lint` -> `py{39,310}`, `lint`: commas inside braces belong to the factor list. */
function splitOutsideBraces(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = "";
  for (const c of list) {
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (depth === 0 && (c === "," || /\s/.test(c))) {
      if (word) out.push(word);
      word = "";
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

/** Parse tox.ini text (or `legacy_tox_ini`), with `lineOffset` added to every line. */
export function parseToxIni(text: string, path: string, dir: string, lineOffset = 0): ToxConfig {
  const ini = parsePythonIni(text);
  const envs = new Map<string, TaskDef>();
  let base: TaskDef | undefined;
  let envList: string[] = [];
  const baseCommands = (): ScriptLine[] => [...(base?.commands ?? [])];
  const sections = [...ini.sections].sort((a, b) => (a.name === "testenv" ? -1 : b.name === "testenv" ? 1 : 0));
  for (const s of sections) {
    if (s.name === "tox" || s.name === "tox:tox") {
      const list = s.values.envlist ?? s.values.env_list ?? "";
      envList = splitOutsideBraces(list).flatMap((e) => braceExpand(e));
      continue;
    }
    const m = /^testenv(?::(.+))?$/.exec(s.name);
    if (!m) continue;
    const commands: ScriptLine[] = [];
    for (const key of ["commands_pre", "commands", "commands_post"]) {
      const value = s.values[key];
      if (value === undefined) {
        if (key === "commands" && m[1]) commands.push(...baseCommands());
        continue;
      }
      for (const row of value.split("\n")) {
        const cmd = stripFactor(row.trim());
        if (!cmd) continue;
        if (/^\{\[testenv\]commands\}$/.test(cmd)) commands.push(...baseCommands());
        else commands.push({ text: cmd, line: findLine(text, row.trim(), s.lines[key] ?? s.line) + lineOffset });
      }
    }
    const def: TaskDef = { path, line: s.line + lineOffset, commands, deps: [], dir };
    if (m[1]) for (const name of braceExpand(m[1])) envs.set(name, def);
    else base = def;
  }
  return { path, envs, envList, ...(base ? { base } : {}) };
}

/** A tox.toml command: `["pytest", { replace = "posargs", default = ["tests"] }]`. */
function tomlCommand(v: unknown): string | undefined {
  if (!Array.isArray(v)) return typeof v === "string" ? v : undefined;
  const words = v.flatMap((w) => (typeof w === "string" ? [w] : isObj(w) && Array.isArray(w.default) ? w.default : []));
  return words.filter((w): w is string => typeof w === "string").join(" ") || undefined;
}

/** Parse tox's native TOML (`tox.toml`, or `[tool.tox]` with `prefix` "tool.tox."). */
export function parseToxToml(table: Obj, text: string, path: string, dir: string, prefix: string): ToxConfig {
  const lines = tomlKeyLines(text);
  const envOf = (env: unknown, key: string): TaskDef | undefined => {
    if (!isObj(env)) return undefined;
    const commands: ScriptLine[] = [];
    for (const k of ["commands_pre", "commands", "commands_post"]) {
      const list = env[k];
      if (!Array.isArray(list)) continue;
      const line = lines.get(`${prefix}${key}.${k}`) ?? lines.get(`${prefix}${key}`) ?? 1;
      for (const c of list) {
        const cmd = tomlCommand(c);
        if (cmd) commands.push({ text: cmd, line: findLine(text, JSON.stringify(c).slice(2, 20), line) });
      }
    }
    return { path, line: lines.get(`${prefix}${key}`) ?? 1, commands, deps: [], dir };
  };
  const base = envOf(table.env_run_base, "env_run_base");
  const envs = new Map<string, TaskDef>();
  if (isObj(table.env))
    for (const [name, env] of Object.entries(table.env)) {
      const def = envOf(env, `env.${name}`);
      if (def) envs.set(name, def.commands.length > 0 ? def : { ...def, commands: base?.commands ?? [] });
    }
  const envList = Array.isArray(table.env_list) ? table.env_list.filter((e): e is string => typeof e === "string") : [];
  return { path, envs, envList, ...(base ? { base } : {}) };
}

/** Tox config from `[tool.tox]` of a pyproject.toml, in either of its forms. */
export function toxFromPyproject(text: string, path: string, dir: string): ToxConfig | undefined {
  const parsed = parseToml(text);
  if (!parsed.ok) return undefined;
  const tool = parsed.value.tool;
  const tox = isObj(tool) ? tool.tox : undefined;
  if (!isObj(tox)) return undefined;
  if (typeof tox.legacy_tox_ini === "string") {
    const keyLine = tomlKeyLines(text).get("tool.tox.legacy_tox_ini") ?? 1;
    // The string starts on the line after `legacy_tox_ini = """`.
    return parseToxIni(tox.legacy_tox_ini, path, dir, keyLine);
  }
  return parseToxToml(tox, text, path, dir, "tool.tox.");
}

/** The commands of a tox environment: its own section, else the `[testenv]` base. */
export function toxEnv(config: ToxConfig, name: string): TaskDef | undefined {
  return config.envs.get(name) ?? config.base;
}

/** Nox sessions of a noxfile, and the ones `nox` runs with no `-s`. */
export interface NoxConfig {
  readonly sessions: ReadonlyMap<string, TaskDef & { readonly tags: readonly string[] }>;
  readonly defaults: readonly string[];
}

/** The arguments of a call starting at `open` (the `(`): string literals only, in order. */
function callStrings(text: string, open: number): { strings: string[]; end: number } {
  const strings: string[] = [];
  let depth = 0;
  let i = open;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) break;
    } else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (c === '"' || c === "'") {
      const m = /^(["'])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(text.slice(i));
      if (!m) continue;
      // Keyword values (`env={"X": "1"}`, `external=True`) are not command words.
      const before = text.slice(open + 1, i);
      if (depth === 1 && !/=\s*$/.test(before)) strings.push(m[2] ?? "");
      i += m[0].length - 1;
    }
  }
  return { strings, end: i };
}

/** Parse a noxfile: `@nox.session` functions and the `session.run(...)` calls in their bodies. */
export function parseNoxfile(text: string, path: string, dir: string): NoxConfig {
  const sessions = new Map<string, TaskDef & { tags: string[] }>();
  const rows = text.split(/\r\n|\r|\n/);
  const offsets: number[] = [];
  let acc = 0;
  for (const r of rows) {
    offsets.push(acc);
    acc += r.length + 1;
  }
  for (let i = 0; i < rows.length; i++) {
    const deco = /^(\s*)@(?:nox\.)?session\b(.*)$/.exec(rows[i] ?? "");
    if (!deco) continue;
    let j = i;
    let decoText = deco[2] ?? "";
    while (j + 1 < rows.length && !/^\s*(async\s+)?def\s/.test(rows[j + 1] ?? "")) decoText += rows[++j];
    const def = /^(\s*)(?:async\s+)?def\s+(\w+)\s*\(\s*(\w+)?/.exec(rows[j + 1] ?? "");
    if (!def?.[2]) continue;
    const indent = (def[1] ?? "").length;
    const param = def[3] ?? "session";
    const name = /name\s*=\s*["']([^"']+)["']/.exec(decoText)?.[1] ?? def[2];
    const tags = [...(/tags\s*=\s*\[([^\]]*)\]/.exec(decoText)?.[1] ?? "").matchAll(/["']([^"']+)["']/g)].map(
      (m) => m[1] as string,
    );
    let end = j + 2;
    while (end < rows.length) {
      const r = rows[end] ?? "";
      if (r.trim() !== "" && !r.trim().startsWith("#") && r.length - r.trimStart().length <= indent) break;
      end++;
    }
    const body = rows.slice(j + 2, end).join("\n");
    const bodyStart = offsets[j + 2] ?? 0;
    const commands: ScriptLine[] = [];
    const deps: string[] = [];
    const call = new RegExp(`\\b${param}\\.(run|run_always|run_install|notify)\\s*\\(`, "g");
    for (const m of body.matchAll(call)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      const { strings } = callStrings(body, open);
      const line = text.slice(0, bodyStart + (m.index ?? 0)).split("\n").length;
      if (m[1] === "notify") deps.push(...strings.slice(0, 1));
      else if (m[1] !== "run_install" && strings.length > 0) commands.push({ text: strings.join(" "), line });
    }
    sessions.set(name, { path, line: j + 2, commands, deps, dir, tags });
  }
  const defaultsMatch = /nox\.options\.sessions\s*=\s*[[(]([^\])]*)[\])]/.exec(text);
  const defaults = defaultsMatch
    ? [...(defaultsMatch[1] ?? "").matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string)
    : [...sessions.keys()];
  return { sessions, defaults };
}

/** A Python script runner's tasks: hatch (per environment), pdm, poe (pyproject.toml), pipenv (Pipfile). */
export type ScriptRunner = "hatch" | "pdm" | "poe" | "pipenv";

/** The task `name` of a pyproject script runner, with its commands and the other tasks it calls. */
export function pyprojectScript(
  text: string,
  path: string,
  dir: string,
  runner: ScriptRunner,
  name: string,
): TaskDef | undefined {
  const parsed = parseToml(text);
  if (!parsed.ok) return undefined;
  const tool = isObj(parsed.value.tool) ? parsed.value.tool : {};
  const lines = tomlKeyLines(text);
  let table: unknown;
  let key: string;
  if (runner === "hatch") {
    const [env, script] = name.includes(":") ? name.split(":", 2) : ["default", name];
    const envs = isObj(tool.hatch) && isObj(tool.hatch.envs) ? tool.hatch.envs : {};
    const e = envs[env ?? "default"];
    table = isObj(e) && isObj(e.scripts) ? e.scripts[script ?? ""] : undefined;
    key = `tool.hatch.envs.${env}.scripts.${script}`;
  } else if (runner === "pipenv") {
    // Pipfile's `[scripts]` table (the text passed is the Pipfile's).
    table = isObj(parsed.value.scripts) ? parsed.value.scripts[name] : undefined;
    key = `scripts.${name}`;
  } else if (runner === "pdm") {
    table = isObj(tool.pdm) && isObj(tool.pdm.scripts) ? tool.pdm.scripts[name] : undefined;
    key = `tool.pdm.scripts.${name}`;
  } else {
    table = isObj(tool.poe) && isObj(tool.poe.tasks) ? tool.poe.tasks[name] : undefined;
    key = `tool.poe.tasks.${name}`;
  }
  if (table === undefined) return undefined;
  const line = lines.get(key) ?? 1;
  const commands: ScriptLine[] = [];
  const deps: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === "string") commands.push(...splitScript(v, findLine(text, v.split("\n")[0] ?? v, line)));
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (isObj(v)) {
      if (v.cmd !== undefined) add(v.cmd);
      if (v.shell !== undefined) add(v.shell);
      for (const k of ["composite", "sequence"]) if (Array.isArray(v[k])) for (const x of v[k] as unknown[]) add(x);
      if (typeof v.ref === "string") add(v.ref);
    }
  };
  add(table);
  return { path, line, commands, deps, dir };
}
