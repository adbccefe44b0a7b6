/**
 * What resolving a runner call yields, and the small pieces every resolver shares: folders,
 * quoting, and task names matched as patterns (npm-run-all globs, names computed at run time).
 */
import type { TaskDef } from "./shell.js";

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

/** The folder above, or undefined at the root. */
export function parent(dir: string): string | undefined {
  if (dir === "") return undefined;
  const slash = dir.lastIndexOf("/");
  return slash === -1 ? "" : dir.slice(0, slash);
}

/** The folder of a path ("" at the root). */
export function dirOf(path: string): string {
  return parent(path) ?? "";
}

/** Quote a word again when a command is rebuilt from words. */
export function quoted(w: string): string {
  return /[\s"'$`\\|&;<>()]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w;
}

/** `lint:*` matches `lint:ruff` (npm-run-all patterns: `*` stays within a `:` segment). */
export function scriptPattern(pattern: string): RegExp {
  const literal = (p: string): string => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const body = pattern
    .split("**")
    .map((part) => part.split("*").map(literal).join("[^:]*"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** A task name with shell or GitHub expressions (`test-$PY`, `${{ matrix.env }}`) as a pattern; `${X:-d}` reads as d. */
export function dynamicPattern(name: string): RegExp | undefined {
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
export function expandNames(names: readonly string[], candidates: Iterable<string>, suffixed = false): string[] {
  const out: string[] = [];
  const all = [...candidates];
  for (const n of names) {
    const re = dynamicPattern(n);
    const hits = re ? all.filter((c) => re.test(c) || (suffixed && re.test(`${c}-3.0`))) : [];
    out.push(...(hits.length > 0 ? hits.slice(0, 20) : [n]));
  }
  return [...new Set(out)];
}
