/**
 * Loads the CLI bundle the way Node loads a CommonJS file, but through `vm.Script` so that V8's
 * code cache can be handed in: the build runs the CLI once on a small repository and saves the
 * bytecode of every function that run compiled (`npm run bundle`). Compiling the 2.5 MB bundle
 * and then each function on first call is a fifth of a 20,000-file check; Node 20 has no
 * compile cache of its own for modules. The cache is only an optimisation: when it is missing,
 * or V8 refuses it (another Node version or other V8 flags), the bundle compiles as usual.
 */
import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/** How a load used the code cache: used, refused by V8 (built by another Node or flags), or absent. */
export type CodeCacheState = "used" | "rejected" | "absent";

/** A loaded bundle: its exports, the compiled script (to make a cache from) and the cache's fate. */
export interface LoadedBundle<T> {
  readonly exports: T;
  readonly script: Script;
  readonly cache: CodeCacheState;
}

/** The CLI bundle and its code cache, as `npm run bundle` writes them into `dist/`. */
export const BUNDLE_FILE = "portfolio-quality.cjs";
/** The code cache beside the bundle. */
export const CACHE_FILE = "portfolio-quality.cache";

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  file: string,
  dir: string,
) => void;

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache (a build without one, or a read-only oddity): compile from source.
    return undefined;
  }
}

/** Load a CommonJS bundle with an optional V8 code cache; the source must not change between cache and load. */
export function loadBundle<T>(bundleFile: string, cacheFile?: string): LoadedBundle<T> {
  const bytes = readFileSync(bundleFile);
  // An all-ASCII bundle (what esbuild writes) is copied byte for byte; UTF-8 decoding costs more.
  const source = (isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8")).replace(/^#!.*/, "");
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  // The same wrapper as Node's CommonJS loader, on one line so that line numbers stay true.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundleFile,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as Wrapper)(
    module.exports,
    createRequire(bundleFile),
    module,
    bundleFile,
    dirname(bundleFile),
  );
  const cache: CodeCacheState =
    cachedData === undefined ? "absent" : script.cachedDataRejected === true ? "rejected" : "used";
  return { exports: module.exports as T, script, cache };
}

/** What the CLI bundle exports to the launcher. */
export interface CliBundle {
  runCli(argv: readonly string[]): Promise<void>;
}

/** Run the installed command: the bundle in `distDir`, with its code cache when there is one. */
export function launch(distDir: string, argv: readonly string[]): Promise<void> {
  const { exports } = loadBundle<CliBundle>(join(distDir, BUNDLE_FILE), join(distDir, CACHE_FILE));
  return exports.runCli(argv);
}
