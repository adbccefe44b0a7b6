/**
 * The GitHub source reading file contents from the fake GitHub API through a real Octokit:
 * GraphQL batches, encodings settled from raw bytes, per-file and whole-request failures.
 */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import type { FileContent } from "../../src/engine/types.js";
import { GITHUB_SOURCE_DEFAULTS, GitHubSource } from "../../src/repo/github.js";
import { GitHubSourceError } from "../../src/repo/github-errors.js";
import { quiet, useFakeGitHubSource } from "../helpers/github-source.js";
import type { Tree } from "../helpers/tree.js";

const kit = useFakeGitHubSource();
const { serve } = kit;

const text = (content: FileContent | undefined) => (content?.kind === "text" ? content.text : undefined);

const PYPROJECT = `[project]
name = "churn-model"
version = "0.3.0"
requires-python = ">=3.10"
dependencies = ["scikit-learn==1.5.2", "pandas==2.2.3"]

[tool.pytest.ini_options]
addopts = "--cov=churn --cov-fail-under=80"
`;

describe("GitHubSource.read", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, "utf16le")]);
  const files: Tree = {
    "README.md": "\uFEFF# Churn model\r\n\r\nPredicts churn.\r\n",
    "pyproject.toml": PYPROJECT,
    "requirements.txt": utf16("pandas==2.2.3\r\nscikit-learn==1.5.2\r\n"),
    "docs/architecture.png": png,
    "data/big.csv": { mode: "file", size: 600_000, text: "a,b\n" },
    "src/churn/__init__.py": '"""Churn model."""\n',
  };

  it("reads a plan in one GraphQL query, decoding like a clone would", async () => {
    const source = serve("read", files);
    await source.list();
    const contents = await source.read([
      "README.md",
      "pyproject.toml",
      "src/churn/__init__.py",
      "docs",
      "does/not/exist.py",
      "data/big.csv",
    ]);
    expect(text(contents.get("README.md"))).toBe("# Churn model\r\n\r\nPredicts churn.\r\n");
    expect(contents.get("pyproject.toml")).toEqual({
      kind: "text",
      text: PYPROJECT,
      encoding: "utf-8",
      truncated: false,
    });
    expect(contents.get("docs")).toMatchObject({ kind: "unread", reason: "not_regular" });
    expect(contents.get("does/not/exist.py")).toMatchObject({ kind: "unread", reason: "unreadable" });
    expect(contents.get("data/big.csv")).toMatchObject({ kind: "unread", reason: "too_large", detail: "600000 bytes" });
    expect(source.requestsByKind).toEqual({ tree: 1, contents: 1, blob: 0 });
    const [query] = kit.fake.requests.filter((r) => r.route === "graphql");
    const { variables } = (query?.body ?? {}) as { variables?: Record<string, string> };
    expect(variables).toMatchObject({ owner: "octo", name: "read", e0: `${source.identity.sha}:README.md` });
  });

  it("fetches blobs GitHub calls binary as raw bytes: UTF-16 decodes, a PNG stays binary", async () => {
    const source = serve("binary", files);
    await source.list();
    const contents = await source.read(["requirements.txt", "docs/architecture.png"]);
    expect(contents.get("requirements.txt")).toEqual({
      kind: "text",
      text: "pandas==2.2.3\r\nscikit-learn==1.5.2\r\n",
      encoding: "utf-16le",
      truncated: false,
    });
    expect(contents.get("docs/architecture.png")).toEqual({ kind: "unread", reason: "binary" });
    expect(source.requestsByKind).toEqual({ tree: 1, contents: 1, blob: 2 });
  });

  it("does not fetch raw bytes past its cap, and says so", async () => {
    const source = serve("binary-capped", files, { maxRawFetches: 0 });
    await source.list();
    const contents = await source.read(["requirements.txt"]);
    expect(contents.get("requirements.txt")).toMatchObject({
      kind: "unread",
      reason: "binary",
      detail: expect.stringContaining("cap of 0"),
    });
    expect(kit.fake.count("blob")).toBe(0);
  });

  it("settles text GitHub could not decode, or decoded with NULs, from the raw bytes", async () => {
    const source = serve("undecided", files);
    await source.list();
    const blob = (text: string | null, isBinary: boolean | null) => ({
      text,
      byteSize: 44,
      isBinary,
      isTruncated: false,
    });
    kit.fake.fail({
      route: "graphql",
      status: 200,
      body: {
        data: { repository: { f0: blob(null, null), f1: blob("p\u0000a\u0000", false), f2: blob("# x", false) } },
      },
    });
    const contents = await source.read(["pyproject.toml", "requirements.txt", "README.md"]);
    expect(text(contents.get("pyproject.toml"))).toBe(PYPROJECT);
    expect(contents.get("requirements.txt")).toMatchObject({ kind: "text", encoding: "utf-16le" });
    expect(text(contents.get("README.md"))).toBe("# x");
    expect(source.requestsByKind.blob).toBe(2);
  });

  it("keeps GitHub's verdict when the raw fetch fails", async () => {
    const source = serve("raw-fails", files);
    await source.list();
    kit.fake.fail({ route: "blob", status: 500 });
    const contents = await source.read(["requirements.txt"]);
    expect(contents.get("requirements.txt")).toMatchObject({
      kind: "unread",
      reason: "binary",
      detail: expect.stringMatching(
        /^raw fetch failed: GitHub blob request failed \(octo\/raw-fails at [0-9a-f]{7}\): HTTP 500/,
      ),
    });
  });

  it.each([
    { count: 250, batchSize: undefined, queries: 1 },
    { count: 1000, batchSize: undefined, queries: 1 },
    { count: 1200, batchSize: undefined, queries: 2 },
    { count: 250, batchSize: 50, queries: 5 },
    { count: 100, batchSize: 100, queries: 1 },
  ])(
    "reads $count files in $queries GraphQL queries (batch size $batchSize)",
    async ({ count, batchSize, queries }) => {
      const many: Record<string, string> = {};
      for (let i = 0; i < count; i++) many[`pkg/mod_${String(i).padStart(4, "0")}.py`] = `VALUE = ${i}\n`;
      const source = serve(`many-${count}-${batchSize}`, many, batchSize ? { batchSize } : {});
      const listing = await source.list();
      const contents = await source.read(listing.files.map((f) => f.path));
      expect(source.requestsByKind.contents).toBe(queries);
      expect(kit.fake.count("graphql")).toBe(queries);
      expect(contents.size).toBe(count);
      expect(text(contents.get("pkg/mod_0042.py"))).toBe("VALUE = 42\n");
      expect(text(contents.get(`pkg/mod_${String(count - 1).padStart(4, "0")}.py`))).toBe(`VALUE = ${count - 1}\n`);
      const sizes = kit.fake.requests
        .filter((r) => r.route === "graphql")
        .map((r) => Object.keys((r.body as { variables: object }).variables).length - 2);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(batchSize ?? GITHUB_SOURCE_DEFAULTS.batchSize);
    },
  );

  it("asks again in halves when GitHub fails on a batch for its size", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 200; i++) many[`pkg/m${String(i).padStart(3, "0")}.py`] = `V = ${i}\n`;
    const source = serve("split", many);
    const listing = await source.list();
    // GitHub's GraphQL API answers a query that ran past its 10 s limit with a 502.
    kit.fake.fail({ route: "graphql", status: 502, times: 1 });
    const contents = await source.read(listing.files.map((f) => f.path));
    expect(contents.size).toBe(200);
    expect(text(contents.get("pkg/m199.py"))).toBe("V = 199\n");
    expect(source.requestsByKind.contents).toBe(3);
  });

  it("does not split a batch GitHub refused for another reason", async () => {
    const source = serve("no-split", files);
    await source.list();
    kit.fake.fail({ route: "graphql", status: 401, times: 1 });
    await expect(source.read(["README.md", "pyproject.toml"])).rejects.toMatchObject({ status: 401 });
    expect(source.requestsByKind.contents).toBe(1);
  });

  it("keeps the rest of a batch when GitHub reports an error on one file", async () => {
    const source = serve("partial", files);
    kit.fake.graphqlErrorPaths.add("pyproject.toml");
    try {
      await source.list();
      const contents = await source.read(["README.md", "pyproject.toml"]);
      expect(contents.get("pyproject.toml")).toMatchObject({
        kind: "unread",
        reason: "unreadable",
        detail: expect.stringContaining("pyproject.toml"),
      });
      expect(text(contents.get("README.md"))).toContain("Churn model");
    } finally {
      kit.fake.graphqlErrorPaths.clear();
    }
  });

  it("fails clearly when the GraphQL request itself fails", async () => {
    const source = serve("graphql-502", files);
    await source.list();
    kit.fake.fail({ route: "graphql", status: 502 });
    const error = await source.read(["README.md"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubSourceError);
    expect(error).toMatchObject({ status: 502, operation: "contents" });
    expect((error as Error).message).toMatch(
      /^GitHub GraphQL request for file contents failed \(octo\/graphql-502 at [0-9a-f]{7}\): HTTP 502/,
    );
  });

  it("fails clearly when GitHub answers with errors and no data", async () => {
    const source = new GitHubSource(kit.octokit, {
      owner: "octo",
      repo: "gone",
      sha: "0123456789abcdef0123456789abcdef01234567",
    });
    const error = await source.read(["README.md"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubSourceError);
    expect(error).toMatchObject({ status: undefined, operation: "contents", rateLimited: false });
    expect((error as Error).message).toBe(
      "GitHub GraphQL request for file contents failed (octo/gone at 0123456): Could not resolve to a Repository with the name 'octo/gone'.",
    );
  });

  it("flags GraphQL rate limiting", async () => {
    const source = serve("graphql-limited", files);
    kit.fake.fail({
      route: "graphql",
      status: 200,
      body: { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] },
    });
    const error = await source.read(["README.md"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ rateLimited: true, operation: "contents" });
  });

  it("works through Probot's Octokit, which is what context.octokit is", async () => {
    const probot = new ProbotOctokit({
      auth: { token: "ghs_test" },
      baseUrl: kit.fake.url,
      retry: { enabled: false },
      throttle: { enabled: false },
      log: quiet,
    });
    const repo = kit.fake.setRepo("octo/probot", { files });
    const source = new GitHubSource(probot, { owner: "octo", repo: "probot", sha: repo.latest.sha });
    const listing = await source.list();
    const contents = await source.read(["README.md"]);
    expect(listing.files).toHaveLength(6);
    expect(text(contents.get("README.md"))).toContain("Churn model");
    expect(kit.fake.requests.map((r) => r.headers.authorization)).toEqual(["token ghs_test", "token ghs_test"]);
  });

  it("reads nothing for an empty plan", async () => {
    const source = serve("nothing", files);
    expect((await source.read([])).size).toBe(0);
    expect(source.requests).toBe(0);
  });
});
