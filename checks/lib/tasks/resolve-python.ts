/** Resolving the Python runners' calls: tox environments, nox sessions, hatch/pdm/poe/pipenv scripts. */
import { parseToml } from "../parse.js";
import type { Invocation } from "./cli.js";
import type { RunnerFiles } from "./files.js";
import {
  type NoxConfig,
  parseNoxfile,
  parseToxIni,
  parseToxToml,
  pyprojectScript,
  type ToxConfig,
  toxEnv,
  toxFromPyproject,
} from "./python-runners.js";
import { dirOf, expandNames, type Found, type Resolution } from "./resolve-common.js";
import { joinDir, type TaskDef } from "./shell.js";

/** `tox`, `tox -e a,b`: the environments' commands (the envlist when none is named). */
export function resolveTox(
  files: RunnerFiles,
  cwd: string,
  file: string | undefined,
  envs: readonly string[] | undefined,
): Resolution {
  const path = file ? joinDir(cwd, file) : files.nearest(cwd, ["tox.ini", "tox.toml", "pyproject.toml"]);
  const config: ToxConfig | undefined = !path
    ? undefined
    : path.endsWith(".ini")
      ? files.parsed("tox", path, (t) => parseToxIni(t, path, dirOf(path)))
      : path.endsWith("tox.toml")
        ? files.parsed("tox", path, (t) => {
            const v = parseToml(t);
            return v.ok ? parseToxToml(v.value, t, path, dirOf(path), "") : undefined;
          })
        : files.parsed("tox", path, (t) => toxFromPyproject(t, path, dirOf(path)));
  const names =
    envs?.includes("ALL") || !envs
      ? config?.envList.length
        ? config.envList
        : ["py"]
      : expandNames(envs, [...(config?.envs.keys() ?? []), ...(config?.envList ?? [])]);
  const found: Found[] = [];
  const seen = new Set<TaskDef>();
  for (const env of names) {
    const def = config ? toxEnv(config, env) : undefined;
    if (!def || seen.has(def) || !path) continue;
    seen.add(def);
    found.push({ label: `tox -e ${env}`, key: `tox:${path}:${env}`, def });
  }
  return { tool: "tox", task: envs?.join(",") ?? "", status: files.status(path, found.length > 0), found };
}

/** `nox`, `nox -s a`, `nox -t tag`: the sessions' `session.run` commands. */
export function resolveNox(
  files: RunnerFiles,
  cwd: string,
  file: string | undefined,
  sessions: readonly string[] | undefined,
  tags: readonly string[] | undefined,
): Resolution {
  const path = file ? joinDir(cwd, file) : files.nearest(cwd, ["noxfile.py"]);
  const config: NoxConfig | undefined = path
    ? files.parsed("nox", path, (t) => parseNoxfile(t, path, dirOf(path)))
    : undefined;
  const lookup = (name: string): Found | undefined => {
    const bare = name.replace(/\(.*\)$/, "").replace(/-\d[\d.]*$/, "");
    const def = config?.sessions.get(name) ?? config?.sessions.get(bare);
    return def && path ? { label: `nox -s ${name}`, key: `nox:${path}:${bare}`, def, dep: lookup } : undefined;
  };
  const names =
    (sessions && expandNames(sessions, config?.sessions.keys() ?? [], true)) ??
    (tags
      ? [...(config?.sessions ?? [])].filter(([, s]) => s.tags.some((t) => tags.includes(t))).map(([n]) => n)
      : (config?.defaults ?? []));
  const found = names.map(lookup).filter((f): f is Found => f !== undefined);
  return { tool: "nox", task: sessions?.join(" ") ?? "", status: files.status(path, found.length > 0), found };
}

/** `hatch run x`, `pdm run x`, `poe x`, `pipenv run x`: the script, or undefined when x is a plain command. */
export function resolvePyscript(
  files: RunnerFiles,
  inv: Extract<Invocation, { kind: "pyscript" }>,
  cwd: string,
): Resolution | undefined {
  const pyproject = files.nearest(cwd, [inv.runner === "pipenv" ? "Pipfile" : "pyproject.toml"]);
  const script = (name: string): Found | undefined => {
    const def = pyproject
      ? files.parsed(`${inv.runner}:${name}`, pyproject, (t) =>
          pyprojectScript(t, pyproject, dirOf(pyproject), inv.runner, name),
        )
      : undefined;
    return def
      ? {
          label: inv.runner === "poe" ? `poe ${name}` : `${inv.runner} run ${name}`,
          key: `${inv.runner}:${pyproject}:${name}`,
          def,
          dep: script,
        }
      : undefined;
  };
  const f = script(inv.name);
  if (f) return { tool: inv.runner, task: inv.name, status: "followed", found: [f] };
  if (inv.runner === "poe") return { tool: "poe", task: inv.name, status: files.status(pyproject, false), found: [] };
  return undefined; // `hatch run pytest`: the peeled command is the command itself.
}
