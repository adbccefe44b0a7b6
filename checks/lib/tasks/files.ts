/**
 * Finds the task an invocation names in the repository's runner files (the nearest Makefile,
 * package.json, tox.ini, noxfile.py, justfile, Taskfile, mise.toml, pyproject.toml, pre-commit
 * config or script), parsing each file once.
 */
import type { RepoView } from "../../../src/engine/check.js";
import { isOwnCode } from "../languages.js";
import type { Invocation } from "./cli.js";
import { type Makefile, parseMakefile } from "./make.js";
import { packageScripts } from "./other-runners.js";
import { dirOf, expandNames, type Found, parent, quoted, type Resolution, scriptPattern } from "./resolve-common.js";
import { preCommitTasks, resolveNamed } from "./resolve-other.js";
import { resolveNox, resolvePyscript, resolveTox } from "./resolve-python.js";
import { inDir, joinDir, type ScriptLine, splitScript, type TaskDef } from "./shell.js";

export type { Found, Resolution } from "./resolve-common.js";

/** The runner files of one repository, each parsed at most once. */
export class RunnerFiles {
  private readonly memo = new Map<string, unknown>();

  constructor(readonly repo: RepoView) {}

  /** A file parsed once per scan; undefined when it was not read. */
  parsed<T>(kind: string, path: string, parse: (text: string) => T): T | undefined {
    const key = `${kind}\u0000${path}`;
    if (this.memo.has(key)) return this.memo.get(key) as T | undefined;
    const text = this.repo.text(path);
    const value = text === undefined ? undefined : parse(text);
    this.memo.set(key, value);
    return value;
  }

  /** The first listed file of these names in `dir` or, when `up`, in a parent folder. */
  nearest(dir: string, names: readonly string[], up = true): string | undefined {
    for (let d: string | undefined = dir; d !== undefined; d = up ? parent(d) : undefined)
      for (const n of names) if (this.repo.has(inDir(d, n))) return inDir(d, n);
    return undefined;
  }

  /** followed/missing, or unread when the file exists but its text was not read. */
  status(path: string | undefined, found: boolean): Resolution["status"] {
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
        return resolveTox(this, cwd, inv.file, inv.envs);
      case "nox":
        return resolveNox(this, cwd, inv.file, inv.sessions, inv.tags);
      case "just":
      case "task":
      case "mise":
        return resolveNamed(
          this,
          inv.kind,
          joinDir(cwd, "dir" in inv ? (inv.dir ?? "") : ""),
          "file" in inv ? inv.file : undefined,
          inv.tasks,
        );
      case "pyscript":
        return resolvePyscript(this, inv, cwd);
      case "pre-commit": {
        const found = preCommitTasks(this, inv.config, inv.hook, inv.manual, "pre-commit run");
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

  /** The hooks `pre-commit run` (or the pre-commit action) runs, as one task. */
  preCommit(config: string | undefined, hook: string | undefined, manual: boolean, label: string): Found[] {
    return preCommitTasks(this, config, hook, manual, label);
  }
}
