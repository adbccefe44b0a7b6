import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { depthOf, GlobIndex } from "../../src/engine/glob.js";
import { countOf } from "../../src/engine/text.js";

const paths = [
  ".github/workflows/ci.yml",
  ".github/workflows/release.yaml",
  "Dockerfile",
  "README.md",
  "docker/Dockerfile.app",
  "infra/Containerfile",
  "pkg/a.py",
  "pkg/sub/b.PY",
  "readme.rst",
  "src/index.ts",
].sort();

describe("GlobIndex", () => {
  const index = new GlobIndex(paths);
  const match = (p: string | string[], nocase = false) => index.match(p, { nocase }).map((i) => paths[i]);

  it.each([
    ["**/*.py", ["pkg/a.py"]],
    ["**/Dockerfile", ["Dockerfile"]],
    ["**/{Dockerfile,Dockerfile.*,Containerfile}", ["Dockerfile", "docker/Dockerfile.app", "infra/Containerfile"]],
    [".github/workflows/*.{yml,yaml}", [".github/workflows/ci.yml", ".github/workflows/release.yaml"]],
    ["README.md", ["README.md"]],
    ["*.md", ["README.md"]],
    ["**/*.ts", ["src/index.ts"]],
  ])("%s", (pattern, expected) => {
    expect(match(pattern)).toEqual(expected);
  });

  it("matches case-insensitively when asked", () => {
    expect(match("readme*", true)).toEqual(["README.md", "readme.rst"]);
    expect(match("**/*.py", true)).toEqual(["pkg/a.py", "pkg/sub/b.PY"]);
    expect(match("README.MD", true)).toEqual(["README.md"]);
  });

  it("tests a single path without an index", () => {
    expect(GlobIndex.test("a/b/c.py", "**/*.py")).toBe(true);
    expect(GlobIndex.test("a/b/c.py", "a/*.py")).toBe(false);
    expect(GlobIndex.test("vendor/x.js", "vendor/**")).toBe(true);
  });
});

describe("GlobIndex candidate filters", () => {
  const paths = [
    "README",
    "README.md",
    "a/README",
    "a/b/README.rst",
    "deploy/k8s/app.yaml",
    "deploy/k8s/app.yml",
    "k8s/x/y.yml",
    "req/dev-requirements.txt",
    "requirements.txt",
    "requirements.txt.bak",
  ].sort();
  const index = new GlobIndex(paths);
  const match = (p: string, nocase = false) => index.match(p, { nocase }).map((i) => paths[i]);

  it.each([
    ["**/*requirements*.txt", false, ["req/dev-requirements.txt", "requirements.txt"]],
    ["**/k8s/**/*.yml", false, ["deploy/k8s/app.yml", "k8s/x/y.yml"]],
    ["readme.*", true, ["README.md"]],
    ["*/readme", true, ["a/README"]],
    ["*/*/README.*", false, ["a/b/README.rst"]],
    ["**/*.YML", true, ["deploy/k8s/app.yml", "k8s/x/y.yml"]],
  ] as const)("%s (nocase %s) gives the same as a full scan", (pattern, nocase, expected) => {
    expect(match(pattern, nocase)).toEqual(expected);
    expect(paths.filter((p) => GlobIndex.test(p, pattern, { nocase }))).toEqual(expected);
  });

  it("keeps every path under a base name or extension shared by several, in order, whatever the case", () => {
    const shared = ["a/README.md", "b/readme.md", "c/Readme.MD", "d/README.md", "e/x.py", "f/x.py"].sort();
    const index = new GlobIndex(shared);
    const match = (p: string, nocase = false) => index.match(p, { nocase }).map((i) => shared[i]);
    expect(match("**/README.md")).toEqual(["a/README.md", "d/README.md"]);
    expect(match("**/readme.md", true)).toEqual(["a/README.md", "b/readme.md", "c/Readme.MD", "d/README.md"]);
    expect(match("**/x.py")).toEqual(["e/x.py", "f/x.py"]);
    expect(match("**/*.MD", true)).toEqual(["a/README.md", "b/readme.md", "c/Readme.MD", "d/README.md"]);
    expect(match("**/only-one.md")).toEqual([]);
  });
});

describe("GlobIndex against picomatch on a random listing", () => {
  // A seeded listing with names in several cases and depths, so the base-name, extension,
  // exact and depth indexes, their case-insensitive variants and the unions all get exercised.
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const dirs = ["", "src/", "Src/", "docs/", "a/b/", "a/B/c/", "deploy/k8s/", "tests/"];
  const names = ["README", "readme", "ReadMe", "Dockerfile", "app", "App", "x", "requirements"];
  const exts = ["", ".md", ".MD", ".py", ".PY", ".yml", ".yaml", ".txt", ".Txt"];
  const paths = [...new Set(Array.from({ length: 400 }, () => pick(dirs) + pick(names) + pick(exts)))].sort();
  const index = new GlobIndex(paths);
  const patterns = [
    "**/README.md",
    "**/*.md",
    "**/*.py",
    "**/Dockerfile",
    "README",
    "README.md",
    "src/app.py",
    "*.yml",
    "*/README*",
    "a/**/*.txt",
    "**/k8s/**/*.{yml,yaml}",
    "{README,readme}.{md,MD}",
    "tests/**",
  ];
  it.each(patterns.flatMap((p) => [[p, false] as const, [p, true] as const]))(
    "%s (nocase %s) matches what picomatch matches path by path",
    (pattern, nocase) => {
      const re = picomatch.makeRe(pattern, { dot: true, nocase });
      const expected = paths.flatMap((p, i) => (re.test(p) ? [i] : []));
      expect(index.match(pattern, { nocase })).toEqual(expected);
    },
  );
  it("unions several patterns in order without repeats", () => {
    const expected = paths.flatMap((p, i) =>
      ["**/*.md", "**/README.md", "*.yml"].some((g) => GlobIndex.test(p, g, { nocase: true })) ? [i] : [],
    );
    expect(index.match(["**/*.md", "**/README.md", "*.yml"], { nocase: true })).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });
});

describe("GlobIndex unions of large lists", () => {
  const exts = ["py", "ts", "yml", "csv", "md"];
  const paths = Array.from({ length: 10_000 }, (_, i) => `d${i % 37}/f${i}.${exts[i % exts.length]}`).sort();
  const index = new GlobIndex(paths);
  it("gives every path of several big extension lists once, in listing order", () => {
    const globs = ["**/*.py", "**/*.ts", "**/*.yml", "**/*.md", "d3/**"];
    const res = globs.map((g) => picomatch.makeRe(g, { dot: true }));
    const expected = paths.flatMap((p, i) => (res.some((re) => re.test(p)) ? [i] : []));
    expect(expected.length).toBeGreaterThan(8000);
    expect(index.match(globs)).toEqual(expected);
  });
});

describe("countOf", () => {
  it("counts a character in a range, natively", () => {
    expect(countOf("a/b/c", "/")).toBe(2);
    expect(countOf("", "/")).toBe(0);
    expect(countOf("x\ny\nz\n", "\n", 2, 4)).toBe(1);
    expect(countOf("x\ny\nz\n", "\n", 0, 5)).toBe(2);
    expect(depthOf("README.md")).toBe(0);
    expect(depthOf("a/b/c/d.py")).toBe(3);
  });
});
