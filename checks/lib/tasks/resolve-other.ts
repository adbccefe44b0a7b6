/** Resolving just, Taskfile and mise tasks, mise file tasks, and the hooks of `pre-commit run`. */

import type { RunnerFiles } from "./files.js";
import { parseJustfile, parseMiseToml, parseTaskfile, preCommitHooks } from "./other-runners.js";
import { dirOf, expandNames, type Found, type Resolution } from "./resolve-common.js";
import { joinDir, splitScript, type TaskDef } from "./shell.js";

/** `just x`, `task x`, `mise run x`: recipes and tasks with their dependencies. */
export function resolveNamed(
  files: RunnerFiles,
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
  const path = file ? joinDir(dir, file) : files.nearest(dir, names);
  let first: string | undefined;
  const tasks = !path
    ? undefined
    : kind === "just"
      ? files.parsed("just", path, (t) => {
          const j = parseJustfile(t, path, dirOf(path));
          first = j.first;
          return Object.assign(j.recipes, { first: j.first });
        })
      : kind === "task"
        ? files.parsed("task", path, (t) => parseTaskfile(t, path, dirOf(path)))
        : files.parsed("mise", path, (t) => parseMiseToml(t, path, dirOf(path)));
  first = (tasks as { first?: string } | undefined)?.first ?? first;
  const label = kind === "mise" ? "mise run" : kind;
  const lookup = (name: string): Found | undefined => {
    const def = tasks?.get(name) ?? (kind === "mise" ? miseFile(files, name) : undefined);
    return def ? { label: `${label} ${name}`, key: `${kind}:${def.path}:${name}`, def, dep: lookup } : undefined;
  };
  const picked = kind === "just" ? wanted.filter((w, i) => i === 0 || tasks?.has(w)) : wanted;
  const list = expandNames(
    picked.length > 0 ? picked : [kind === "just" ? (first ?? "default") : "default"],
    tasks?.keys() ?? [],
  );
  const found = list.map(lookup).filter((f): f is Found => f !== undefined);
  return { tool: kind, task: wanted.join(" "), status: files.status(path, found.length === list.length), found };
}

/** A mise file task: an executable script under `mise-tasks/` (`test:unit` is `mise-tasks/test/unit`). */
export function miseFile(files: RunnerFiles, name: string): TaskDef | undefined {
  const rel = name.replace(/:/g, "/");
  for (const dir of ["mise-tasks", ".mise-tasks", ".mise/tasks", "mise/tasks", ".config/mise/tasks"]) {
    const path = `${dir}/${rel}`;
    const text = files.repo.text(path);
    if (text !== undefined) return { path, line: 1, commands: splitScript(text, 1), deps: [], dir: "" };
  }
  return undefined;
}

/** The hooks `pre-commit run` would run, as one task. */
export function preCommitTasks(
  files: RunnerFiles,
  config: string | undefined,
  hook: string | undefined,
  manual: boolean,
  label: string,
): Found[] {
  const path = joinDir("", config ?? ".pre-commit-config.yaml");
  const alt = config ? path : files.repo.has(path) ? path : ".pre-commit-config.yml";
  const hooks = files.parsed("pre-commit", alt, preCommitHooks) ?? [];
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
