/**
 * Shared evidence readers for the scalability checks: Python calls resolved through their
 * imports (`from joblib import load as jl` makes `jl(...)` a `joblib.load` call), and the
 * project's own files that use a package, with where.
 */
import type { RepoView } from "../../src/engine/check.js";
import { type PythonFile, type PythonSource, pythonSources } from "../lib/python.js";

/** A call with its callee written through the module it was imported from. */
export interface ResolvedCall {
  /** Full dotted name, e.g. `joblib.load`, `torch.distributed.init_process_group`. */
  readonly callee: string;
  readonly line: number;
}

const aliasCache = new WeakMap<PythonSource, ReadonlyMap<string, string>>();

/** Map each name an import binds to the dotted path it stands for (memoised per file). */
export function importAliases(source: PythonSource): ReadonlyMap<string, string> {
  const hit = aliasCache.get(source);
  if (hit) return hit;
  const aliases = new Map<string, string>();
  for (const imp of source.imports) {
    if (imp.module.startsWith(".")) continue;
    if (imp.names.length === 0) {
      const bound = imp.bound[0];
      if (!bound) continue;
      // `import a.b` binds `a` (calls are written `a.b.f`); `import a.b as x` binds x to `a.b`.
      aliases.set(bound, bound === imp.module.split(".")[0] ? bound : imp.module);
    } else
      imp.names.forEach((name, i) => {
        const bound = imp.bound[i];
        if (bound && name !== "*") aliases.set(bound, `${imp.module}.${name}`);
      });
  }
  aliasCache.set(source, aliases);
  return aliases;
}

const resolved = new WeakMap<PythonSource, readonly ResolvedCall[]>();

/** Every call of a file, with the callee resolved through the file's imports (memoised per file). */
export function resolvedCalls(source: PythonSource): readonly ResolvedCall[] {
  const hit = resolved.get(source);
  if (hit) return hit;
  const aliases = importAliases(source);
  const calls = source.calls.map((call) => {
    const dot = call.callee.indexOf(".");
    const head = dot === -1 ? call.callee : call.callee.slice(0, dot);
    const target = aliases.get(head);
    return { callee: target ? `${target}${dot === -1 ? "" : call.callee.slice(dot)}` : call.callee, line: call.line };
  });
  resolved.set(source, calls);
  return calls;
}

/** True when a dotted name is the package or inside it: `mlflow.sklearn` is in `mlflow`. */
export function inPackage(name: string, root: string): boolean {
  // Called for every call of every file against every package: no `${root}.` string each time.
  return name.startsWith(root) && (name.length === root.length || name.charCodeAt(root.length) === 46);
}

/** One file's use of a package: where it is imported, and whether anything from it is called. */
export interface PackageUse {
  readonly path: string;
  readonly line: number;
  /** The package matched (one of the roots asked for). */
  readonly root: string;
  readonly notebook: boolean;
  /** A call into the package was seen (not only an import). */
  readonly called: boolean;
  /** Line of the first such call. */
  readonly callLine?: number;
}

/** Files that import one of these packages (non-test code; notebooks when asked). */
export function packageUses(
  repo: RepoView,
  roots: readonly string[],
  opts?: { readonly notebooks?: boolean },
): PackageUse[] {
  const uses: PackageUse[] = [];
  for (const file of pythonSources(repo, { notebooks: opts?.notebooks ?? true })) {
    if (file.test) continue;
    const calls = resolvedCalls(file.source);
    for (const root of roots) {
      const imp = file.source.imports.find(
        (i) => inPackage(i.module, root) || i.names.some((n) => inPackage(`${i.module}.${n}`, root)),
      );
      // `import torch` then `torch.distributed.init_process_group()` uses the subpackage too.
      const call = calls.find((c) => inPackage(c.callee, root));
      const top = root.split(".")[0] ?? root;
      if (!imp && !(call && file.source.imports.some((i) => inPackage(i.module, top)))) continue;
      const decorated = file.source.decorators.find((d) => inPackage(resolveName(file, d.name), root));
      const lines = [call?.line, decorated?.line].filter((l): l is number => l !== undefined);
      const first = lines.length > 0 ? Math.min(...lines) : undefined;
      uses.push({
        path: file.path,
        line: imp?.line ?? first ?? 1,
        root,
        notebook: file.notebook,
        called: first !== undefined,
        ...(first !== undefined ? { callLine: first } : {}),
      });
    }
  }
  return uses;
}

/** A dotted name resolved through a file's imports (`serve.deployment` -> `ray.serve.deployment`). */
export function resolveName(file: PythonFile | { readonly source: PythonSource }, name: string): string {
  const aliases = importAliases(file.source);
  const dot = name.indexOf(".");
  const head = dot === -1 ? name : name.slice(0, dot);
  const target = aliases.get(head);
  return target ? `${target}${dot === -1 ? "" : name.slice(dot)}` : name;
}

/** A short "path:line" for messages. */
export function where(path: string, line?: number): string {
  return line === undefined ? path : `${path}:${line}`;
}
