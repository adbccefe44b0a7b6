/**
 * The GitHub source against the fake GitHub API over real HTTP, through a real Octokit:
 * what it lists, in how many requests, and how a failed listing reads. Reading is in
 * github-read.test.ts.
 */
import { describe, expect, it } from "vitest";
import { GitHubSource } from "../../src/repo/github.js";
import { GitHubSourceError } from "../../src/repo/github-errors.js";
import { useFakeGitHubSource } from "../helpers/github-source.js";
import type { Tree } from "../helpers/tree.js";

const kit = useFakeGitHubSource();
const { serve } = kit;

const PYPROJECT = `[project]
name = "churn-model"
version = "0.3.0"
requires-python = ">=3.10"
dependencies = ["scikit-learn==1.5.2", "pandas==2.2.3"]

[tool.pytest.ini_options]
addopts = "--cov=churn --cov-fail-under=80"
`;

describe("GitHubSource.list", () => {
  it("lists a commit in one recursive tree request, with modes, sizes and code-unit order", async () => {
    const source = serve("modes", {
      "README.md": "# Churn model\n",
      "pyproject.toml": PYPROJECT,
      "scripts/train.sh": { mode: "executable", text: "#!/bin/sh\npython -m churn.train\n" },
      "docs/latest": { mode: "symlink", text: "../README.md" },
      "vendor/lightgbm": { mode: "submodule" },
      "B.md": "upper case sorts first",
      "a.txt": "dot",
      "a/x.py": "slash",
      "a-b/x.py": "dash",
    });
    const listing = await source.list();
    expect(listing.files).toEqual([
      { path: "B.md", size: 22, mode: "file" },
      { path: "README.md", size: 14, mode: "file" },
      { path: "a-b/x.py", size: 4, mode: "file" },
      { path: "a.txt", size: 3, mode: "file" },
      { path: "a/x.py", size: 5, mode: "file" },
      { path: "docs/latest", size: 12, mode: "symlink" },
      { path: "pyproject.toml", size: Buffer.byteLength(PYPROJECT), mode: "file" },
      { path: "scripts/train.sh", size: 32, mode: "executable" },
      { path: "vendor/lightgbm", size: 0, mode: "submodule" },
    ]);
    expect(listing.notes).toEqual([]);
    expect(listing.identity).toEqual({ source: "github", name: "octo/modes", ref: null, sha: source.identity.sha });
    expect(source.requests).toBe(1);
    expect(kit.fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ["GET", `/repos/octo/modes/git/trees/${source.identity.sha}`, { recursive: "1" }],
    ]);
  });

  it("keeps the ref it was given for the report", async () => {
    const source = serve("ref", { "README.md": "# x\n" }, { ref: "main" });
    expect((await source.list()).identity.ref).toBe("main");
  });

  /**
   * With `truncateAt` 8: the root lists flat (3 files, 5 directories) but not recursively;
   * docs/ is too big recursively yet small flat (a file and guide/), and guide/ fits.
   */
  const wide: Tree = {
    "README.md": "# wide\n",
    "setup.cfg": "[metadata]\nname = wide\n",
    Makefile: "test:\n\tpytest\n",
    ...Object.fromEntries(["api", "cli", "data", "docs"].map((d) => [`${d}/__init__.py`, `"""${d}."""\n`])),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`docs/guide/page_${i}.md`, `# Page ${i}\n`])),
    ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`tests/test_${i}.py`, `def test_${i}():\n    pass\n`])),
  };

  it("completes a truncated tree through GraphQL in one query, ending with the complete listing", async () => {
    const reference = await serve("wide", wide).list();
    kit.fake.reset();
    kit.fake.truncateAt = 8;
    const source = serve("wide", wide);
    const listing = await source.list();
    expect(listing.files).toEqual(reference.files);
    expect(listing.notes).toEqual([
      expect.objectContaining({
        id: "tree-truncated",
        level: "info",
        message: expect.stringContaining("completed through GraphQL (1 more request)"),
      }),
    ]);
    expect(source.requests).toBe(2);
    expect(kit.fake.count("tree")).toBe(1);
    expect(kit.fake.count("graphql")).toBe(1);
  });

  it("lists directories deeper than one query reaches in further queries", async () => {
    const deep: Tree = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `${Array.from({ length: i + 1 }, (_, d) => `l${d}`).join("/")}/f${i}.py`,
        "x = 1\n",
      ]),
    );
    const reference = await serve("deep", deep).list();
    kit.fake.reset();
    kit.fake.truncateAt = 4;
    const source = serve("deep", deep);
    const listing = await source.list();
    expect(listing.files).toEqual(reference.files);
    // The root 8 levels down, then what lies below: l0/.../l7 in a second query.
    expect(kit.fake.count("graphql")).toBe(2);
  });

  it("walks a truncated tree by subtrees when GraphQL listing is off, ending with the complete listing", async () => {
    const reference = await serve("wide", wide).list();
    kit.fake.reset();
    kit.fake.truncateAt = 8;
    const source = serve("wide", wide, { graphqlListing: false });
    const listing = await source.list();
    expect(listing.files).toEqual(reference.files);
    expect(listing.notes).toEqual([
      expect.objectContaining({ id: "tree-truncated", level: "info", message: expect.stringContaining("completed") }),
    ]);
    // Truncated root (which covers api/ and cli/), flat root, data/ docs/ tests/, flat docs/, docs/guide/.
    expect(source.requests).toBe(7);
    expect(kit.fake.count("tree")).toBe(7);
    expect(kit.fake.requests.filter((r) => !("recursive" in r.query))).toHaveLength(2);
  });

  it("stops at the request cap with a warning naming the directories it could not list", async () => {
    kit.fake.truncateAt = 8;
    const source = serve("wide-capped", wide, { maxTreeRequests: 2, graphqlListing: false });
    const listing = await source.list();
    expect(source.requests).toBe(3);
    const [note] = listing.notes;
    expect(note).toMatchObject({ id: "tree-truncated", level: "warning" });
    expect(note?.message).toContain("partial");
    expect(note?.message).toContain("2 directories were not fully listed (docs/, tests/)");
    // What was listed is real, and the directories walked are complete.
    const paths = listing.files.map((f) => f.path);
    for (const p of paths) expect(Object.keys(wide)).toContain(p);
    expect(paths).toEqual(
      expect.arrayContaining(["Makefile", "README.md", "api/__init__.py", "cli/__init__.py", "data/__init__.py"]),
    );
    // The same repository and cap give the same partial listing.
    expect(await serve("wide-capped", wide, { maxTreeRequests: 2, graphqlListing: false }).list()).toEqual(listing);
  });

  it.each([
    {
      name: "missing",
      setup: () => undefined,
      status: 404,
      pattern: /HTTP 404, the repository or the commit was not found/,
    },
    {
      name: "empty",
      setup: () => kit.fake.setRepo("octo/empty", { files: {}, empty: true }),
      status: 409,
      pattern: /HTTP 409, the repository is empty/,
    },
    {
      name: "flaky",
      setup: () => {
        kit.fake.setRepo("octo/flaky", { files: { "README.md": "# x\n" } });
        kit.fake.fail({ route: "tree", status: 502 });
      },
      status: 502,
      pattern: /HTTP 502, a server error at GitHub/,
    },
  ])(
    "turns a $status on the tree request into a plain error keeping the status ($name)",
    async ({ name, setup, status, pattern }) => {
      setup();
      const source = new GitHubSource(kit.octokit, {
        owner: "octo",
        repo: name,
        sha: "0123456789abcdef0123456789abcdef01234567",
      });
      const error = await source.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubSourceError);
      expect(error).toMatchObject({ status, operation: "tree", rateLimited: false });
      expect((error as Error).message).toMatch(
        new RegExp(`^GitHub tree request failed \\(octo/${name} at 0123456\\): `),
      );
      expect((error as Error).message).toMatch(pattern);
      expect(source.requests).toBe(1);
    },
  );

  it("reports rate limiting with the wait GitHub asked for", async () => {
    const source = serve("limited", { "README.md": "# x\n" });
    kit.fake.fail({
      route: "tree",
      status: 403,
      retryAfter: 60,
      body: { message: "You have exceeded a secondary rate limit." },
    });
    const error = await source.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, rateLimited: true, retryAfterSeconds: 60 });
    expect((error as Error).message).toContain("HTTP 403, rate limit exceeded (GitHub asks to wait 60 s)");
  });

  it("gives up on a request that never answers after its timeout", async () => {
    const source = serve("hanging", { "README.md": "# x\n" }, { timeoutMs: 200 });
    kit.fake.fail({ route: "tree", hang: true });
    const error = await source.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ timedOut: true, status: undefined, operation: "tree" });
    expect((error as Error).message).toMatch(
      /^GitHub tree request failed \(octo\/hanging at [0-9a-f]{7}\): no answer within 0 s\.$/,
    );
  });
});
