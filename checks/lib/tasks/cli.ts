/**
 * Command lines of task runners read as their own CLIs read them: which tasks, which folder,
 * which file. `make -C api test`, `npm run lint --workspaces`, `tox -e py311,lint`, `nox -s tests`.
 */

/** What a command asks a task runner to do; the caller finds the tasks in the repository. */
export type Invocation =
  | { kind: "make"; dir?: string; file?: string; targets: string[] }
  | { kind: "npm"; pm: string; dir?: string; scripts: string[]; all: boolean; hooks: boolean; optional: boolean }
  /** `yarn eslint .`, `pnpm vitest`: a script if package.json has one, else the package's binary. */
  | { kind: "npm-or-bin"; pm: string; dir?: string; name: string; rest: string[] }
  | { kind: "npm-patterns"; patterns: string[] }
  | { kind: "concurrently"; commands: string[] }
  | { kind: "tox"; file?: string; envs?: string[]; exec?: string[] }
  | { kind: "nox"; file?: string; sessions?: string[]; tags?: string[] }
  | { kind: "just" | "task"; dir?: string; file?: string; tasks: string[] }
  | { kind: "mise"; tasks: string[] }
  | { kind: "pyscript"; runner: "hatch" | "pdm" | "poe" | "pipenv"; name: string; rest: string[] }
  | { kind: "pre-commit"; hook?: string; config?: string; manual: boolean }
  | { kind: "shell"; file?: string; inline?: string }
  | { kind: "container"; label: string; command: string[] };

/** Split `words` into options (with their values) and the other words. */
function operands(words: readonly string[], valued: RegExp): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "--") {
      rest.push(...words.slice(i));
      break;
    }
    const eq = /^(--?[\w-]+)=(.*)$/.exec(w);
    if (eq?.[1]) opts.set(eq[1], eq[2] ?? "");
    else if (w.startsWith("-") && w.length > 1) {
      if (valued.test(w) && i + 1 < words.length) opts.set(w, words[++i] as string);
      else opts.set(w, "");
    } else rest.push(w);
  }
  return { opts, rest };
}

function opt(opts: Map<string, string>, ...names: string[]): string | undefined {
  for (const n of names) if (opts.has(n)) return opts.get(n);
  return undefined;
}

const NPM_TEST = new Set(["test", "t", "tst", "tes"]);
const NPM_RUN = new Set(["run", "run-script", "rum", "urn"]);
const NPM_LIFECYCLE = new Set(["start", "stop", "restart"]);
/** Built-in commands of yarn and pnpm, which are never scripts. */
const PM_BUILTINS = new Set(
  "install i add remove rm up upgrade update ci dedupe audit publish pack link unlink init create exec dlx why outdated list ls info config cache import install-peers licenses login logout owner patch patch-commit prune rebuild store set version versions workspaces workspace node help bin global env setup self-update".split(
    " ",
  ),
);

/** Parse an npm, yarn, pnpm or bun command line. */
function packageManager(pm: string, args: readonly string[]): Invocation | undefined {
  const { opts, rest } = operands(args, /^(--prefix|-C|--dir|--cwd|-w|--workspace|--filter|-F)$/);
  const dir = opt(opts, "--prefix", "-C", "--dir", "--cwd");
  const all =
    opts.has("-ws") ||
    opts.has("--workspaces") ||
    opts.has("-r") ||
    opts.has("--recursive") ||
    opts.has("--filter") ||
    opts.has("-F") ||
    (pm === "npm" && (opts.has("-w") || opts.has("--workspace")));
  const optional = opts.has("--if-present");
  const hooks = pm === "npm" || pm === "yarn";
  const at = (o: Partial<Invocation & { dir: string }>) => (dir !== undefined ? { ...o, dir } : o);
  const [sub, ...more] = rest;
  if (sub === undefined) return undefined;
  if (NPM_TEST.has(sub) && pm !== "bun")
    return { kind: "npm", pm, scripts: ["test"], all, hooks, optional, ...at({}) } as Invocation;
  if (NPM_LIFECYCLE.has(sub)) return { kind: "npm", pm, scripts: [sub], all, hooks, optional, ...at({}) } as Invocation;
  if (NPM_RUN.has(sub)) {
    const script = more.find((w) => w !== "--");
    return script === undefined
      ? undefined
      : ({ kind: "npm", pm, scripts: [script], all, hooks, optional, ...at({}) } as Invocation);
  }
  if (pm === "yarn" && sub === "workspace" && more[1] !== undefined)
    return { kind: "npm", pm, scripts: [more[1]], all: true, hooks, optional };
  if (pm === "yarn" && sub === "workspaces") {
    const i = more.indexOf("run");
    return i === -1 ? undefined : { kind: "npm", pm, scripts: [more[i + 1] ?? ""], all: true, hooks, optional };
  }
  if (pm === "npm" || PM_BUILTINS.has(sub) || (pm === "bun" && sub === "test")) return undefined;
  return { kind: "npm-or-bin", pm, name: sub, rest: more, ...at({}) } as Invocation;
}

/** How `nox -s a b -t x` names sessions: every word after the option up to the next option. */
function listAfter(words: readonly string[], names: RegExp): string[] | undefined {
  let found: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const eq = /^(--?[\w-]+)=(.*)$/.exec(w);
    if (eq?.[1] && names.test(eq[1])) {
      found ??= [];
      found.push(...(eq[2] ?? "").split(","));
    } else if (names.test(w)) {
      found ??= [];
      while (i + 1 < words.length && !(words[i + 1] as string).startsWith("-"))
        found.push(...(words[++i] as string).split(","));
    }
  }
  return found?.map((s) => s.trim()).filter(Boolean);
}

/** Read what task runner a command calls, if any. `words` keeps wrappers; `argv` has them peeled. */
export function parseInvocation(words: readonly string[], argv: readonly string[]): Invocation | undefined {
  const lead = words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
  const raw = lead === -1 ? [] : words.slice(lead);
  // hatch, pdm and pipenv name their own scripts after `run`; once peeled, the name would be lost.
  if ((raw[0] === "hatch" || raw[0] === "pdm" || raw[0] === "pipenv") && raw.includes("run")) {
    const after = raw.slice(raw.indexOf("run") + 1).filter((w) => !w.startsWith("-"));
    if (after[0]) return { kind: "pyscript", runner: raw[0], name: after[0], rest: after.slice(1) };
  }
  const [tool = "", ...args] = argv;
  if (tool === "poe" || (tool === "poetry" && args[0] === "poe")) {
    const rest = (tool === "poe" ? args : args.slice(1)).filter((w) => !w.startsWith("-"));
    return rest[0] ? { kind: "pyscript", runner: "poe", name: rest[0], rest: rest.slice(1) } : undefined;
  }
  switch (tool) {
    case "make": {
      const { opts, rest } = operands(args, /^(-C|-f|--file|--makefile|--directory|-I|-o|-W|-l)$/);
      const targets = rest.filter((w) => !w.includes("=") && !/^\d+$/.test(w));
      const dir = opt(opts, "-C", "--directory");
      const file = opt(opts, "-f", "--file", "--makefile");
      return { kind: "make", targets, ...(dir ? { dir } : {}), ...(file ? { file } : {}) };
    }
    case "npm":
    case "yarn":
    case "pnpm":
    case "bun":
      return packageManager(tool, args);
    case "npm-run-all":
    case "npm-run-all2":
    case "run-s":
    case "run-p":
      return { kind: "npm-patterns", patterns: args.filter((w) => !w.startsWith("-")) };
    case "turbo":
    case "lerna":
    case "nx": {
      const { rest } = operands(args, /^(-t|--target|--targets|--filter|--scope|-p|--projects|--concurrency)$/);
      const t = /^(-t|--targets?)$/;
      const named = listAfter(args, t);
      const scripts = named ?? rest.filter((w) => !/^(run|run-many|affected|exec)$/.test(w)).slice(0, 1);
      return {
        kind: "npm",
        pm: tool,
        scripts: scripts.map((s) => s.replace(/^[^:]+:/, "")),
        all: true,
        hooks: false,
        optional: true,
      };
    }
    case "concurrently":
      return { kind: "concurrently", commands: args.filter((w) => !w.startsWith("-")) };
    case "tox": {
      const dashDash = args.indexOf("--");
      const head = dashDash === -1 ? args : args.slice(0, dashDash);
      const envs = listAfter(head, /^(-e|--env)$/) ?? head.filter((w) => /^-e\S/.test(w)).map((w) => w.slice(2));
      const toxenv = words.find((w) => w.startsWith("TOXENV="))?.slice(7);
      const { opts } = operands(head, /^(-c|--conf|-e|--env)$/);
      const file = opt(opts, "-c", "--conf");
      const chosen = envs.length > 0 ? envs : toxenv ? toxenv.split(",") : undefined;
      const exec = head.includes("exec") && dashDash !== -1 ? args.slice(dashDash + 1) : undefined;
      return { kind: "tox", ...(chosen ? { envs: chosen } : {}), ...(file ? { file } : {}), ...(exec ? { exec } : {}) };
    }
    case "nox": {
      const sessions = listAfter(args, /^(-s|-e|--session|--sessions)$/);
      const tags = listAfter(args, /^(-t|--tags)$/);
      const { opts } = operands(args, /^(-f|--noxfile|-s|-e|-t|-k|-p|--python|--session|--sessions|--tags)$/);
      const file = opt(opts, "-f", "--noxfile");
      return { kind: "nox", ...(sessions ? { sessions } : {}), ...(tags ? { tags } : {}), ...(file ? { file } : {}) };
    }
    case "just":
    case "task":
    case "go-task": {
      const { opts, rest } = operands(args, /^(-f|--justfile|-d|--working-directory|--dir|-t|--taskfile|--set)$/);
      const dir = opt(opts, "-d", "--working-directory", "--dir");
      const file = opt(opts, "-f", "--justfile", "-t", "--taskfile");
      const dashDash = rest.indexOf("--");
      const tasks = (dashDash === -1 ? rest : rest.slice(0, dashDash)).filter((w) => !w.includes("="));
      return { kind: tool === "just" ? "just" : "task", tasks, ...(dir ? { dir } : {}), ...(file ? { file } : {}) };
    }
    case "mise":
    case "rtx": {
      if (args[0] !== "run" && args[0] !== "r") return undefined;
      const tasks = args.slice(1).filter((w, i, a) => !w.startsWith("-") && (i === 0 || a[i - 1] === ":::"));
      return { kind: "mise", tasks };
    }
    case "pre-commit":
    case "prek": {
      if (args[0] !== "run") return undefined;
      const { opts, rest } = operands(args.slice(1), /^(-c|--config|--hook-stage|--from-ref|--to-ref|-s|-o|--files)$/);
      const config = opt(opts, "-c", "--config");
      const hook = rest.find((w) => w !== "--");
      return {
        kind: "pre-commit",
        manual: opt(opts, "--hook-stage") === "manual",
        ...(hook ? { hook } : {}),
        ...(config ? { config } : {}),
      };
    }
    case "bash":
    case "sh":
    case "zsh":
    case "dash":
    case "source":
    case ".": {
      const { opts, rest } = operands(args, /^[-+][a-z]*o$/);
      const inline = opt(opts, "-c");
      if (inline !== undefined) return { kind: "shell", inline: inline || (rest[0] ?? "") };
      return rest[0] ? { kind: "shell", file: rest[0] } : undefined;
    }
    case "docker":
    case "docker-compose":
    case "podman":
      return container(tool, args);
    default:
      // `./ci.sh`, `script/test`: a script of the repository (resolved, or ignored when not listed).
      if (
        /\.(sh|bash)$/.test(tool) ||
        tool.startsWith("./") ||
        (tool.includes("/") && !tool.startsWith("/") && !tool.includes("$"))
      )
        return { kind: "shell", file: tool };
      return undefined;
  }
}

const RUN_VALUED =
  /^(-e|--env|-v|--volume|-w|--workdir|-u|--user|--name|--network|--net|-p|--publish|--entrypoint|--env-file|--platform|--gpus|-l|--label|--mount|--shm-size|--cpus|-m|--memory|--add-host|-f|--file|--profile|--project-directory|--project-name|--ulimit|--ipc|--pid|--runtime|--cap-add|--device)$/;

/** `docker compose run --rm app pytest`, `docker run img pytest`: the command run inside. */
function container(tool: string, args: readonly string[]): Invocation | undefined {
  let i = 0;
  const words = [...args];
  if (tool !== "docker-compose" && words[0] === "compose") i = 1;
  const compose = tool === "docker-compose" || i === 1;
  // Options of `docker compose` itself come before the subcommand.
  while (i < words.length && (words[i] as string).startsWith("-")) i += RUN_VALUED.test(words[i] as string) ? 2 : 1;
  const sub = words[i];
  if (sub !== "run" && sub !== "exec") return undefined;
  i++;
  while (i < words.length && (words[i] as string).startsWith("-")) i += RUN_VALUED.test(words[i] as string) ? 2 : 1;
  const target = words[i];
  const command = words.slice(i + 1);
  if (target === undefined || command.length === 0) return undefined;
  return { kind: "container", label: `${compose ? "docker compose" : tool} ${sub} ${target}`, command };
}
