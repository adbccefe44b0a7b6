import { describe, expect, it } from "vitest";
import { GlobIndex } from "../../src/engine/glob.js";

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
