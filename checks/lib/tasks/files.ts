/**
 * Finds the task an invocation names in the repository's runner files (the nearest Makefile,
 * package.json, tox.ini, noxfile.py, justfile, Taskfile, mise.toml, pyproject.toml, pre-commit
 * config or script), parsing each file once.
 */
import type { RepoView } from "../../../src/engine/check.js";
import { isOwnCode } from "../languages.js";
import { parseToml } from "../parse.js";
import type { Invocation } from "./cli.js";
import { type Makefile, parseMakefile } from "./make.js";
import { packageScripts, parseJustfile, parseMiseToml, parseTaskfile, preCommitHooks } from "./other-runners.js";
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
import { inDir, joinDir, type ScriptLine, splitScript, type TaskDef } from "./shell.js";

/** A task found for an invocation, with how its dependencies (or sibling scripts) are looked up. */
export interface Found {
  readonly label: string;
  /** Identity for cycle detection: runner, file and task. */
  readonly key: string;
  readonly def: TaskDef;
  readonly dep?: (name: string) => Found | undefined;
}

/** The runner call as reported, and the tasks to follow. */
export interface Resolution {
  readonly tool: string;
  readonly task: string;
  readonly status: "followed" | "missing" | "unread";
  readonly found: readonly Found[];
}

function parent(dir: string): string | undefined {
  if (dir === "") return undefined;
  const slash = dir.lastIndexOf("/");
  return slash === -1 ? "" : dir.slice(0, slash);
}

function dirOf(path: string): string {
  return parent(path) ?? "";
}

/** Quote a word again when a command is rebuilt from words. */
function quoted(w: string): string {
  return /[\s"'$`\\|&;<>()]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w;
}

/** `lint:*` matches `lint:ruff` (npm-run-all patterns: `*` stays within a `:` segment). */
function scriptPattern(pattern: string): RegExp {
  const literal = (p: string): string => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const body = pattern
    .split("**")
    .map((part) => part.split("*").map(literal).join("[^:]*"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** A task name with shell or GitHub expressions (`test-$PY`, `${{ matrix.env }}`) as a pattern; `${X:-d}` reads as d. */
function dynamicPattern(name: string): RegExp | undefined {
  if (!name.includes("$")) return undefined;
  const withDefaults = name.replace(/\$\{\w+:?-([^}]*)\}/g, "$1");
  const parts = withDefaults.split(/\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$\w+/);
  const literal = (p: string): string => p.replace(/[.+?^${}()|[\]\\*]/g, "\\$&");
  return new RegExp(`^${parts.map(literal).join(".*")}$`);
}

/**
 * Names CI computes at run time matched against the tasks defined: `nox -s test-$PYTHON_VERSION`
 * follows `test`. `suffixed` also matches `name-<python>` (nox's parametrized sessions).
 */
function expandNames(names: readonly string[], candidates: Iterable<string>, suffixed = false): string[] {
  const out: string[] = [];
  const all = [...candidates];
  for (const n of names) {
    const re = dynamicPattern(n);
    const hits = re ? all.filter((c) => re.test(c) || (suffixed && re.test(`${c}-3.0`))) : [];
    out.push(...(hits.length > 0 ? hits.slice(0, 20) : [n]));
  }
  return [...new Set(out)];
}

/** The runner files of one repository, each parsed at most once. */
export class RunnerFiles {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly repo: RepoView) {}

  private parsed<T>(kind: string, path: string, parse: (text: string) => T): T | undefined {
    const key = `${kind}\u0000${path}`;
    if (this.memo.has(key)) return this.memo.get(key) as T | undefined;
    const text = this.repo.text(path);
    const value = text === undefined ? undefined : parse(text);
    this.memo.set(key, value);
    return value;
  }

  /** The first listed file of these names in `dir` or, when `up`, in a parent folder. */
  private nearest(dir: string, names: readonly string[], up = true): string | undefined {
    for (let d: string | undefined = dir; d !== undefined; d = up ? parent(d) : undefined)
      for (const n of names) if (this.repo.has(inDir(d, n))) return inDir(d, n);
    return undefined;
  }

  private status(path: string | undefined, found: boolean): Resolution["status"] {
    if (path !== undefined && this.repo.has(path) && this.repo.text(path) === undefined) return "unread";
    return found ? "followed" : "missing";
  }

  /** Find what an invocation runs; undefined when the command calls no task runner. */
  resolve(inv: Invocation, cwd: string, path: string, at: ScriptLine): Resolution | undefined {
    const inline = (label: string, key: string, commands: ScriptLine[]): Found => ({
      label,
      key,
      def: { path, line: at.line, commands, deps: [], dir: cwd },
    });
    switch (inv.kind) {
      case "make":
        return this.make(joinDir(cwd, inv.dir ?? ""), inv.file, inv.targets);
      case "npm":
        return this.npm(inv.pm, joinDir(cwd, inv.dir ?? ""), inv.scripts, inv.all, inv.hooks);
      case "npm-or-bin": {
        const dir = joinDir(cwd, inv.dir ?? "");
        const pkg = this.nearest(dir, ["package.json"]);
        const scripts = pkg ? this.scripts(pkg) : undefined;
        if (scripts?.has(inv.name)) return this.npm(inv.pm, dir, [inv.name], false, inv.pm === "yarn");
        const text = [inv.name, ...inv.rest].map(quoted).join(" ");
        return {
          tool: "bin",
          task: inv.name,
          status: "followed",
          found: [inline(`${inv.pm} ${inv.name}`, `bin:${text}`, [{ text, line: at.line }])],
        };
      }
      case "npm-patterns": {
        const pkg = this.nearest(cwd, ["package.json"]);
        const scripts = pkg ? this.scripts(pkg) : undefined;
        const names = [...(scripts?.keys() ?? [])].filter((s) => inv.patterns.some((p) => scriptPattern(p).test(s)));
        return names.length > 0
          ? this.npm("npm", dirOf(pkg ?? ""), names, false, true)
          : { tool: "npm", task: inv.patterns.join(" "), status: this.status(pkg, false), found: [] };
      }
      case "concurrently": {
        const commands = inv.commands.map((c) => ({
          text: c.startsWith("npm:") ? `npm run ${c.slice(4)}` : c,
          line: at.line,
        }));
        return {
          tool: "concurrently",
          task: "",
          status: "followed",
          found: [inline("concurrently", `concurrently:${path}:${at.line}`, commands)],
        };
      }
      case "tox":
        if (inv.exec) {
          const text = inv.exec.map(quoted).join(" ");
          return {
            tool: "tox",
            task: "exec",
            status: "followed",
            found: [inline("tox exec", `tox-exec:${text}`, [{ text, line: at.line }])],
          };
        }
        return this.tox(cwd, inv.file, inv.envs);
      case "nox":
        return this.nox(cwd, inv.file, inv.sessions, inv.tags);
      case "just":
      case "task":
      case "mise":
        return this.named(
          inv.kind,
          joinDir(cwd, "dir" in inv ? (inv.dir ?? "") : ""),
          "file" in inv ? inv.file : undefined,
          inv.tasks,
        );
      case "pyscript": {
        const pyproject = this.nearest(cwd, [inv.runner === "pipenv" ? "Pipfile" : "pyproject.toml"]);
        const script = (name: string): Found | undefined => {
          const def = pyproject
            ? this.parsed(`${inv.runner}:${name}`, pyproject, (t) =>
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
        if (inv.runner === "poe")
          return { tool: "poe", task: inv.name, status: this.status(pyproject, false), found: [] };
        return undefined; // `hatch run pytest`: the peeled command is the command itself.
      }
      case "pre-commit": {
        const found = this.preCommit(inv.config, inv.hook, inv.manual, "pre-commit run");
        return {
          tool: "pre-commit",
          task: inv.hook ?? "",
          status: this.status(inv.config ?? ".pre-commit-config.yaml", found.length > 0),
          found,
        };
      }
      case "shell": {
        if (inv.inline !== undefined)
          return {
            tool: "shell",
            task: "-c",
            status: "followed",
            found: [inline("sh -c", `sh:${path}:${at.line}`, splitScript(inv.inline, at.line))],
          };
        const file = joinDir(cwd, inv.file ?? "");
        if (!this.repo.has(file))
          return inv.file?.startsWith("./") || inv.file?.endsWith(".sh")
            ? { tool: "shell", task: inv.file ?? "", status: "missing", found: [] }
            : undefined;
        const text = this.repo.text(file);
        const def: TaskDef = { path: file, line: 1, commands: text ? splitScript(text, 1) : [], deps: [], dir: cwd };
        return {
          tool: "shell",
          task: inv.file ?? "",
          status: this.status(file, true),
          found: text ? [{ label: inv.file ?? file, key: `sh:${file}`, def }] : [],
        };
      }
      case "container":
        return {
          tool: "container",
          task: inv.label,
          status: "followed",
          found: [
            inline(inv.label, `container:${path}:${at.line}`, [
              { text: inv.command.map(quoted).join(" "), line: at.line },
            ]),
          ],
        };
    }
  }

  private makefile(path: string): Map<string, TaskDef> & { defaultGoal?: string } {
    const mk = this.parsed("make", path, (t) => parseMakefile(t, path, dirOf(path)));
    const targets: Map<string, TaskDef> & { defaultGoal?: string } = new Map(mk?.targets ?? []);
    if (mk?.defaultGoal !== undefined) targets.defaultGoal = mk.defaultGoal;
    for (const inc of mk?.includes ?? []) {
      if (inc.includes("$")) continue;
      for (const f of this.repo.glob(joinDir(dirOf(path), inc))) {
        const sub: Makefile | undefined = this.parsed("make", f.path, (t) => parseMakefile(t, f.path, dirOf(path)));
        for (const [name, def] of sub?.targets ?? []) if (!targets.has(name)) targets.set(name, def);
      }
    }
    return targets;
  }

  private make(dir: string, file: string | undefined, wanted: readonly string[]): Resolution {
    const path = file ? joinDir(dir, file) : this.nearest(dir, ["GNUmakefile", "makefile", "Makefile"], false);
    const targets = path ? this.makefile(path) : undefined;
    const asked = wanted.length > 0 ? wanted : targets?.defaultGoal ? [targets.defaultGoal] : [];
    const names = expandNames(asked, targets?.keys() ?? []);
    const lookup = (name: string): Found | undefined => {
      const def = targets?.get(name);
      return def && path ? { label: `make ${name}`, key: `make:${path}:${name}`, def, dep: lookup } : undefined;
    };
    const found = names.map(lookup).filter((f): f is Found => f !== undefined);
    return {
      tool: "make",
      task: wanted.join(" "),
      status: this.status(path, found.length === names.length && names.length > 0),
      found,
    };
  }

  private scripts(path: string): Map<string, TaskDef> | undefined {
    return this.parsed("npm", path, (t) => packageScripts(t, path, dirOf(path)));
  }

  private npm(pm: string, dir: string, names: readonly string[], all: boolean, hooks: boolean): Resolution {
    const packages = all
      ? this.repo
          .glob("**/package.json")
          .filter((f) => isOwnCode(f.path))
          .map((f) => f.path)
      : [this.nearest(dir, ["package.json"])].filter((p): p is string => p !== undefined);
    const found: Found[] = [];
    let missing = false;
    for (const pkg of packages) {
      const scripts = this.scripts(pkg);
      for (const name of expandNames(names, scripts?.keys() ?? [])) {
        if (!scripts?.has(name)) {
          missing ||= !all;
          continue;
        }
        for (const s of hooks ? [`pre${name}`, name, `post${name}`] : [name]) {
          const def = scripts.get(s);
          const label = s === "test" && pm !== "turbo" ? `${pm} test` : `${pm} run ${s}`;
          if (def) found.push({ label, key: `npm:${pkg}:${s}`, def });
        }
      }
    }
    const status = packages.length === 0 ? "missing" : this.status(packages[0], !missing && found.length > 0);
    return { tool: pm, task: names.join(" "), status, found };
  }

  private tox(cwd: string, file: string | undefined, envs: readonly string[] | undefined): Resolution {
    const path = file ? joinDir(cwd, file) : this.nearest(cwd, ["tox.ini", "tox.toml", "pyproject.toml"]);
    const config: ToxConfig | undefined = !path
      ? undefined
      : path.endsWith(".ini")
        ? this.parsed("tox", path, (t) => parseToxIni(t, path, dirOf(path)))
        : path.endsWith("tox.toml")
          ? this.parsed("tox", path, (t) => {
              const v = parseToml(t);
              return v.ok ? parseToxToml(v.value, t, path, dirOf(path), "") : undefined;
            })
          : this.parsed("tox", path, (t) => toxFromPyproject(t, path, dirOf(path)));
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
    return { tool: "tox", task: envs?.join(",") ?? "", status: this.status(path, found.length > 0), found };
  }

  private nox(
    cwd: string,
    file: string | undefined,
    sessions: readonly string[] | undefined,
    tags: readonly string[] | undefined,
  ): Resolution {
    const path = file ? joinDir(cwd, file) : this.nearest(cwd, ["noxfile.py"]);
    const config: NoxConfig | undefined = path
      ? this.parsed("nox", path, (t) => parseNoxfile(t, path, dirOf(path)))
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
    return { tool: "nox", task: sessions?.join(" ") ?? "", status: this.status(path, found.length > 0), found };
  }

  private named(
    kind: "just" | "task" | "mise",
    dir: string,
    file: string | undefined,
    wanted: readonly string[],
  ): Resolution {
    const names = {
      just: ["justfile", "Justfile", ".justfile"],
      task: ["Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml"],
      mise: ["mise.toml", ".mise.toml", ".config/mise.toml", "mise/config.toml"],
    }[kind];
    const path = file ? joinDir(dir, file) : this.nearest(dir, names);
    let first: string | undefined;
    const tasks = !path
      ? undefined
      : kind === "just"
        ? this.parsed("just", path, (t) => {
            const j = parseJustfile(t, path, dirOf(path));
            first = j.first;
            return Object.assign(j.recipes, { first: j.first });
          })
        : kind === "task"
          ? this.parsed("task", path, (t) => parseTaskfile(t, path, dirOf(path)))
          : this.parsed("mise", path, (t) => parseMiseToml(t, path, dirOf(path)));
    first = (tasks as { first?: string } | undefined)?.first ?? first;
    const label = kind === "mise" ? "mise run" : kind;
    const lookup = (name: string): Found | undefined => {
      const def = tasks?.get(name) ?? (kind === "mise" ? this.miseFile(name) : undefined);
      return def ? { label: `${label} ${name}`, key: `${kind}:${def.path}:${name}`, def, dep: lookup } : undefined;
    };
    const picked = kind === "just" ? wanted.filter((w, i) => i === 0 || tasks?.has(w)) : wanted;
    const list = expandNames(
      picked.length > 0 ? picked : [kind === "just" ? (first ?? "default") : "default"],
      tasks?.keys() ?? [],
    );
    const found = list.map(lookup).filter((f): f is Found => f !== undefined);
    return { tool: kind, task: wanted.join(" "), status: this.status(path, found.length === list.length), found };
  }

  /** A mise file task: an executable script under `mise-tasks/` (`test:unit` is `mise-tasks/test/unit`). */
  private miseFile(name: string): TaskDef | undefined {
    const rel = name.replace(/:/g, "/");
    for (const dir of ["mise-tasks", ".mise-tasks", ".mise/tasks", "mise/tasks", ".config/mise/tasks"]) {
      const path = `${dir}/${rel}`;
      const text = this.repo.text(path);
      if (text !== undefined) return { path, line: 1, commands: splitScript(text, 1), deps: [], dir: "" };
    }
    return undefined;
  }

  /** The hooks `pre-commit run` would run, as one task. */
  preCommit(config: string | undefined, hook: string | undefined, manual: boolean, label: string): Found[] {
    const path = joinDir("", config ?? ".pre-commit-config.yaml");
    const alt = config ? path : this.repo.has(path) ? path : ".pre-commit-config.yml";
    const hooks = this.parsed("pre-commit", alt, preCommitHooks) ?? [];
    const chosen = hooks.filter((h) => (hook ? h.id === hook : manual || !h.manual));
    if (chosen.length === 0) return [];
    const def: TaskDef = {
      path: alt,
      line: 1,
      commands: chosen.map((h) => ({ text: h.command, line: h.line })),
      deps: [],
      dir: "",
    };
    return [{ label: hook ? `${label} ${hook}` : label, key: `pre-commit:${alt}:${hook ?? ""}`, def }];
  }
}
