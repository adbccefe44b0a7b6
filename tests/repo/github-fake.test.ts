/**
 * The fake GitHub API itself: tests and the benchmark lean on it, so it must answer like
 * GitHub where the App looks (object ids, tree order, config lookups, check runs, GraphQL
 * validation) and its faults, latency and shutdown must do what they say.
 */
import { Octokit } from "@octokit/rest";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubSource } from "../../src/repo/github.js";
import { contentsQuery } from "../../src/repo/github-contents.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: {
      "octo/app": {
        files: {
          "README.md": "hello\n",
          "src/a.py": "x = 1\n",
          "run.sh": { mode: "executable", text: "#!/bin/sh\n" },
          link: { mode: "symlink", text: "README.md" },
        },
      },
    },
  });
  octokit = new Octokit({ baseUrl: fake.url, auth: "ghs_test", log: quiet });
});
afterEach(() => fake.close());

describe("fake GitHub: git data", () => {
  it("gives blobs and trees the object ids git gives them, listed in git's order", async () => {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: "octo",
      repo: "app",
      tree_sha: "main",
      recursive: "1",
    });
    // Checked against `git write-tree` / `git ls-tree -r -t` on the same files.
    expect(data.sha).toBe("d823a6a30f0ef745fa98b054f2b4f51cf16e2825");
    expect(data.truncated).toBe(false);
    expect(data.tree.map((e) => [e.mode, e.type, e.sha, e.path])).toEqual([
      ["100644", "blob", "ce013625030ba8dba906f756967f9e9ca394464a", "README.md"],
      ["120000", "blob", "42061c01a1c70097d1e4579f29a5adf40abdec95", "link"],
      ["100755", "blob", "1a2485251c33a70432394c93fb89330ef214bfc9", "run.sh"],
      ["040000", "tree", "4e71d83239356f2f4ca6efe3ccd6ffd93adf4750", "src"],
      ["100644", "blob", "7d4290a117a4ddcc11daae7ea675841033830c8f", "src/a.py"],
    ]);
    const sub = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: "octo",
      repo: "app",
      tree_sha: "4e71d83239356f2f4ca6efe3ccd6ffd93adf4750",
    });
    expect(sub.data.tree.map((e) => e.path)).toEqual(["a.py"]);
  });

  it("answers the repository, commit, branch and blob routes", async () => {
    const head = fake.repo("octo/app").latest;
    const repo = await octokit.request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" });
    expect(repo.data).toMatchObject({ full_name: "octo/app", default_branch: "main", private: false });
    const commit = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      owner: "octo",
      repo: "app",
      ref: "main",
    });
    expect(commit.data.sha).toBe(head.sha);
    const branch = await octokit.request("GET /repos/{owner}/{repo}/branches/{branch}", {
      owner: "octo",
      repo: "app",
      branch: "main",
    });
    expect(branch.data.commit.sha).toBe(head.sha);
    const blob = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      owner: "octo",
      repo: "app",
      file_sha: "ce013625030ba8dba906f756967f9e9ca394464a",
    });
    expect(Buffer.from(blob.data.content, "base64").toString()).toBe("hello\n");
    const repos = await octokit.request("GET /installation/repositories");
    expect(repos.data.repositories.map((r) => r.full_name)).toEqual(["octo/app"]);
  });

  it("keeps older commits reachable after a new one is set", async () => {
    const first = fake.repo("octo/app").latest.sha;
    const second = fake.repo("octo/app").commit({ "README.md": "changed\n" }).sha;
    expect(second).not.toBe(first);
    const old = await new GitHubSource(octokit, { owner: "octo", repo: "app", sha: first }).list();
    const now = await new GitHubSource(octokit, { owner: "octo", repo: "app", sha: second }).list();
    expect(old.files).toHaveLength(4);
    expect(now.files.map((f) => f.path)).toEqual(["README.md"]);
  });

  it("answers 409 for an empty repository, as GitHub does", async () => {
    fake.setRepo("octo/empty", { files: {}, empty: true });
    const error = await octokit
      .request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner: "octo", repo: "empty", tree_sha: "main" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining("Git Repository is empty.") });
  });
});

describe("fake GitHub: the App's REST calls", () => {
  it("serves config the way Probot's context.config reads it, falling back to the owner's .github repository", async () => {
    const probot = new ProbotOctokit({
      auth: { token: "ghs_test" },
      baseUrl: fake.url,
      retry: { enabled: false },
      throttle: { enabled: false },
      log: quiet,
    });
    fake.setRepo("octo/.github", { files: { ".github/portfolio-quality.yml": "threshold: 80\nstrict: true\n" } });
    const { config, files } = await probot.config.get({
      owner: "octo",
      repo: "app",
      path: ".github/portfolio-quality.yml",
    });
    expect(config).toEqual({ threshold: 80, strict: true });
    expect(files.map((f) => `${f.repo}:${f.config === null ? "none" : "found"}`)).toEqual([
      "app:none",
      ".github:found",
    ]);
    expect(fake.requests.map((r) => [r.route, r.status, r.path])).toEqual([
      ["contents", 404, "/repos/octo/app/contents/.github%2Fportfolio-quality.yml"],
      ["contents", 200, "/repos/octo/.github/contents/.github%2Fportfolio-quality.yml"],
    ]);
  });

  it("records check runs and appends the annotations of each update", async () => {
    const sha = fake.repo("octo/app").latest.sha;
    const created = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: "octo",
      repo: "app",
      name: "Portfolio quality",
      head_sha: sha,
      status: "in_progress",
    });
    const annotation = (line: number) => ({
      path: "README.md",
      start_line: line,
      end_line: line,
      annotation_level: "warning" as const,
      message: "m",
    });
    const id = created.data.id;
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: "octo",
      repo: "app",
      check_run_id: id,
      conclusion: "neutral",
      output: { title: "Portfolio quality: 61/100 (D)", summary: "s", annotations: [annotation(1)] },
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: "octo",
      repo: "app",
      check_run_id: id,
      output: { title: "Portfolio quality: 61/100 (D)", summary: "s", annotations: [annotation(2)] },
    });
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ id, head_sha: sha, status: "completed", conclusion: "neutral" });
    expect(fake.checkRuns[0]?.annotations).toEqual([annotation(1), annotation(2)]);
    expect(fake.checkRuns[0]?.bodies).toHaveLength(3);
    const listed = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner: "octo",
      repo: "app",
      ref: sha,
      check_name: "Portfolio quality",
    });
    expect(listed.data.check_runs.map((r) => r.id)).toEqual([id]);
    const missing = await octokit
      .request("POST /repos/{owner}/{repo}/check-runs", { owner: "octo", repo: "app", head_sha: sha } as never)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 422 });
  });

  it("hands out installation tokens", async () => {
    const { data } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: 42,
    });
    expect(data.token).toBe("ghs_fake42");
    expect(fake.requests[0]?.route).toBe("token");
  });

  it("answers under /api/v3 and /api/graphql as GitHub Enterprise does (Probot with GHE_HOST)", async () => {
    const ghe = new Octokit({ baseUrl: `${fake.url}/api/v3`, auth: "ghs_test", log: quiet });
    const source = new GitHubSource(ghe, { owner: "octo", repo: "app", sha: fake.repo("octo/app").latest.sha });
    await source.list();
    const contents = await source.read(["README.md"]);
    expect(contents.get("README.md")).toMatchObject({ kind: "text", text: "hello\n" });
    expect(fake.requests.map((r) => [r.route, r.url.split("/").slice(0, 3).join("/")])).toEqual([
      ["tree", "/api/v3"],
      ["graphql", "/api/graphql"],
    ]);
  });

  it("lets a test take over a route", async () => {
    await fake.close();
    fake = await startFakeGitHub({
      handle: (r) =>
        r.path === "/meta" ? { status: 200, body: { verifiable_password_authentication: false } } : undefined,
    });
    const ghe = new Octokit({ baseUrl: fake.url, log: quiet });
    expect((await ghe.request("GET /meta")).data).toEqual({ verifiable_password_authentication: false });
    expect(await ghe.request("GET /nowhere").catch((e: unknown) => e)).toMatchObject({ status: 404 });
  });
});

describe("fake GitHub: GraphQL", () => {
  const post = (query: string, variables: Record<string, unknown>) =>
    octokit
      .request("POST /graphql", { query, variables })
      .then((r) => r.data as { data?: unknown; errors?: { message: string }[] });

  it("rejects what GitHub rejects: undeclared or unused variables, missing values, unknown fields", async () => {
    const sha = fake.repo("octo/app").latest.sha;
    const good = contentsQuery(1);
    expect((await post(good, { owner: "octo", name: "app", e0: `${sha}:README.md` })).errors).toBeUndefined();
    const undeclared = good.replace(", $e0: String!", "");
    const first = async (query: string, variables: Record<string, unknown>) =>
      (await post(query, variables)).errors?.[0]?.message;
    expect(await first(undeclared, { owner: "octo", name: "app", e0: "x" })).toMatch(
      /Variable "\$e0" is not defined by operation "ReadFiles"/,
    );
    expect(
      await first(good.replace("(", "($extra: String!, "), { owner: "octo", name: "app", e0: "x", extra: "y" }),
    ).toMatch(/Variable "\$extra" is never used in operation "ReadFiles"/);
    expect(await first(good, { owner: "octo", name: "app" })).toMatch(
      /Variable "\$e0" of required type "String!" was not provided/,
    );
    expect(
      await first(good.replace("isTruncated", "isTruncated size"), { owner: "octo", name: "app", e0: "x" }),
    ).toMatch(/Cannot query field "size" on type "Blob"/);
  });

  it("answers only the fields asked for, null for a missing path, {} for a directory", async () => {
    const sha = fake.repo("octo/app").latest.sha;
    const query = `query Q($e0: String!, $e1: String!, $e2: String!) {
  repository(owner: "octo", name: "app") {
    f0: object(expression: $e0) { ... on Blob { text isBinary } }
    f1: object(expression: $e1) { ... on Blob { text } }
    f2: object(expression: $e2) { ... on Blob { byteSize } }
  }
}`;
    const answer = await post(query, { e0: `${sha}:README.md`, e1: `${sha}:nope`, e2: `${sha}:src` });
    expect(answer).toEqual({ data: { repository: { f0: { text: "hello\n", isBinary: false }, f1: null, f2: {} } } });
  });
});

describe("fake GitHub: faults, latency, shutdown", () => {
  it("injects a fault for the next N matching requests, then answers normally", async () => {
    fake.fail({ route: "repo", status: 503, times: 2, retryAfter: 7 });
    const get = () =>
      octokit.request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" }).catch((e: unknown) => e);
    const first = await get();
    expect(first).toMatchObject({ status: 503, response: { headers: { "retry-after": "7" } } });
    expect(await get()).toMatchObject({ status: 503 });
    expect(await get()).toMatchObject({ status: 200 });
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("matches faults by predicate and delays answers", async () => {
    fake.fail({ route: (r) => r.path.endsWith("/contents/README.md"), status: 500 });
    fake.fail({ route: "repo", delayMs: 80 });
    const started = performance.now();
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    const error = await octokit
      .request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "octo", repo: "app", path: "README.md" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500 });
  });

  it("adds latency to every answer", async () => {
    fake.latencyMs = 50;
    const started = performance.now();
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" });
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("closes promptly with a request hanging and a delayed one pending", async () => {
    fake.fail({ route: "tree", hang: true });
    fake.latencyMs = 60_000;
    const hanging = octokit
      .request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner: "octo", repo: "app", tree_sha: "main" })
      .catch((e: unknown) => e);
    const delayed = octokit
      .request("GET /repos/{owner}/{repo}", { owner: "octo", repo: "app" })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.requests.map((r) => [r.route, r.status])).toEqual([
      ["tree", undefined],
      ["repo", undefined],
    ]);
    // With 60 s of latency pending, a close() that waited would run past the test's timeout.
    await fake.close();
    expect(await hanging).toBeInstanceOf(Error);
    expect(await delayed).toBeInstanceOf(Error);
  });
});
