/**
 * The launcher of the installed command: it loads a CommonJS bundle through vm.Script with V8's
 * code cache, falls back to compiling when the cache is missing or refused, and keeps file
 * names and line numbers true. The last part runs the real bin against the build's bundle.
 */

import { isAscii } from "node:buffer";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, CACHE_FILE, launch, loadBundle } from "../../src/cli/launch.js";
import { writeTree } from "../helpers/disk.js";

const BUNDLE = `#!/usr/bin/env node
exports.where = { file: __filename, dir: __dirname, main: typeof require("node:path").join };
exports.double = (xs) => xs.map((x) => x * 2);
exports.fail = () => { throw new Error("from line 4"); };
`;

interface Fake {
  where: { file: string; dir: string; main: string };
  double(xs: number[]): number[];
  fail(): never;
}

const tree = writeTree({ [BUNDLE_FILE]: BUNDLE });
afterAll(() => tree.cleanup());
const bundle = join(tree.dir, BUNDLE_FILE);
const cache = join(tree.dir, CACHE_FILE);

describe("loadBundle", () => {
  it("runs a CommonJS bundle with its own file name, folder and require", () => {
    const { exports, cache: state } = loadBundle<Fake>(bundle, cache);
    expect(state).toBe("absent");
    expect(exports.where).toEqual({ file: bundle, dir: tree.dir, main: "function" });
    expect(exports.double([1, 2])).toEqual([2, 4]);
  });

  it("keeps line numbers true despite the wrapper and the stripped #! line", () => {
    const { exports } = loadBundle<Fake>(bundle);
    try {
      exports.fail();
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toContain(`${bundle}:4:`);
    }
  });

  it("uses a code cache made after a run, and V8 accepts it", () => {
    const first = loadBundle<Fake>(bundle);
    first.exports.double([3]); // compiles the lazy function, so the cache holds it
    writeFileSync(cache, first.script.createCachedData());
    const second = loadBundle<Fake>(bundle, cache);
    expect(second.cache).toBe("used");
    expect(second.exports.double([3])).toEqual([6]);
  });

  it("compiles from source when the cache belongs to another source", () => {
    // Sources this process has not compiled yet: V8's in-memory cache would answer first.
    const other = writeTree({
      [BUNDLE_FILE]: `${BUNDLE}exports.extra = 1;\n`,
      "fresh.cjs": `${BUNDLE}exports.fresh = true;\n`,
    });
    try {
      const made = loadBundle<Fake>(join(other.dir, BUNDLE_FILE));
      writeFileSync(join(other.dir, CACHE_FILE), made.script.createCachedData());
      const { exports, cache: state } = loadBundle<Fake>(join(other.dir, "fresh.cjs"), join(other.dir, CACHE_FILE));
      expect(state).toBe("rejected");
      expect(exports.double([5])).toEqual([10]);
    } finally {
      other.cleanup();
    }
  });

  it("decodes a bundle that is not plain ASCII as UTF-8", () => {
    const dir = writeTree({ [BUNDLE_FILE]: 'exports.word = "naïve ²";\n' });
    try {
      expect(loadBundle<{ word: string }>(join(dir.dir, BUNDLE_FILE)).exports.word).toBe("naïve ²");
    } finally {
      dir.cleanup();
    }
  });

  it("launch hands the arguments to the bundle's runCli", async () => {
    const dir = writeTree({
      [BUNDLE_FILE]: "exports.runCli = async (argv) => { globalThis.__pqLaunched = argv; };\n",
    });
    try {
      await launch(dir.dir, ["check", "."]);
      expect((globalThis as { __pqLaunched?: unknown }).__pqLaunched).toEqual(["check", "."]);
    } finally {
      dir.cleanup();
    }
  });
});

describe("the installed command (needs `npm run build`, which `npm ci` runs)", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const dist = join(root, "dist");
  const built = existsSync(join(dist, BUNDLE_FILE)) && existsSync(join(dist, CACHE_FILE));

  it("finds the bundle and the code cache the build made", () => {
    expect(built, "dist/ has no bundle or no code cache: run `npm run build`").toBe(true);
  });

  it("writes a plain ASCII bundle, which loads without UTF-8 decoding", () => {
    expect(isAscii(readFileSync(join(dist, BUNDLE_FILE)))).toBe(true);
  });

  it("has a code cache that this Node accepts", () => {
    // In a child process: the test runner's own V8 flags must not decide the answer.
    const state = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { loadBundle } from ${JSON.stringify(join(dist, "src/cli/launch.js"))};
         process.stdout.write(loadBundle(${JSON.stringify(join(dist, BUNDLE_FILE))}, ${JSON.stringify(join(dist, CACHE_FILE))}).cache);`,
      ],
      { encoding: "utf8" },
    );
    expect(state).toBe("used");
  });

  it("scans a folder and exits with the report's verdict", () => {
    const repo = writeTree({ "README.md": "# x\n", "main.py": "print('hi')\n" });
    try {
      const result = spawnSync(
        process.execPath,
        [join(root, "bin/portfolio-quality.js"), "check", repo.dir, "--format", "json", "--min-score", "0"],
        { encoding: "utf8" },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as { tool: { name: string }; stats: { files: number } };
      expect(report.tool.name).toBe("portfolio-quality");
      expect(report.stats.files).toBe(2);
      const below = spawnSync(process.execPath, [join(root, "bin/portfolio-quality.js"), "check", repo.dir], {
        encoding: "utf8",
      });
      expect(below.status).toBe(1);
    } finally {
      repo.cleanup();
    }
  });
});
