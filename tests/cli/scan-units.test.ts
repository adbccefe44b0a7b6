/**
 * The pieces of the recruiter scan on their own: reading repository references, the token and
 * API root, raw URLs, the GraphQL pacer, the raw reader's failures, the progress bar, and the
 * reasons given for repositories that cannot be scanned.
 */
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../checks/index.js";
import { apiUrlFrom, QueryPacer, rawFileUrl, tokenFrom } from "../../src/cli/scan-github.js";
import { createProgress } from "../../src/cli/scan-progress.js";
import { RawContentSource } from "../../src/cli/scan-raw.js";
import { scanRepository } from "../../src/remote/batch.js";
import { listFileEntries, parseTarget } from "../../src/remote/targets.js";
import type { GitHubClient, GitHubSource } from "../../src/repo/github.js";

describe("parseTarget", () => {
  it.each([
    ["ada/churn", "ada", "churn"],
    ["  ada/churn  ", "ada", "churn"],
    ["https://github.com/ada/churn", "ada", "churn"],
    ["https://github.com/ada/churn.git", "ada", "churn"],
    ["https://github.com/ada/churn/tree/main/src?x=1#readme", "ada", "churn"],
    ["http://ghe.example.com/team-7/model.v2", "team-7", "model.v2"],
    ["github.com/ada/churn", "ada", "churn"],
    ["git@github.com:ada/churn.git", "ada", "churn"],
    ["ada/my_repo-2.0", "ada", "my_repo-2.0"],
  ])("%j -> %s/%s", (text, owner, repo) => {
    expect(parseTarget(text)).toEqual({ owner, repo, input: text.trim() });
  });

  it.each([
    ["", "empty"],
    ["ada", "expected owner/repo or a repository URL"],
    ["ada/churn/extra", "expected owner/repo or a repository URL"],
    ["-ada/churn", '"-ada" is not a GitHub user or organisation'],
    ["ada/..", '".." is not a repository name'],
    ["ada/ch urn", '"ch urn" is not a repository name'],
    ["https://github.com/orgs/acme", '"orgs" is not a GitHub user or organisation'],
    ["https://github.com/ada", "expected owner/repo"],
    ["ftp://github.com/ada/churn", "unsupported URL scheme ftp:"],
    ["https://[bad", "not a valid URL"],
    [`ada/${"x".repeat(101)}`, `"${"x".repeat(101)}" is not a repository name`],
  ])("%j is refused: %s", (text, message) => {
    expect(parseTarget(text)).toBe(message);
  });

  it("keeps URL fragments but drops comments in a list file, with line numbers", () => {
    expect(listFileEntries("a/b # note\n\n  # only a comment\nhttps://github.com/c/d#readme\r\n", "l.txt")).toEqual([
      { text: "a/b", where: "l.txt:1" },
      { text: "https://github.com/c/d#readme", where: "l.txt:4" },
    ]);
  });
});

describe("token, API root, raw URLs", () => {
  it("takes --token, then GITHUB_TOKEN, then GH_TOKEN, ignoring blanks", () => {
    expect(tokenFrom(undefined, { GITHUB_TOKEN: " ", GH_TOKEN: "gho_x" })).toBe("gho_x");
    expect(tokenFrom("", {})).toBeUndefined();
  });
  it("takes --api-url, then GITHUB_API_URL, without a trailing slash", () => {
    expect(apiUrlFrom(undefined, {})).toBe("https://api.github.com");
    expect(apiUrlFrom(undefined, { GITHUB_API_URL: "https://ghe.example.com/api/v3/" })).toBe(
      "https://ghe.example.com/api/v3",
    );
  });
  it.each([
    ["https://api.github.com", "https://raw.githubusercontent.com/ada/churn/abc/src/a%20b.py"],
    ["https://ghe.example.com/api/v3", "https://ghe.example.com/ada/churn/raw/abc/src/a%20b.py"],
  ])("raw file URL under %s", (api, url) => {
    expect(rawFileUrl(api, "ada", "churn", "abc", "src/a b.py")).toBe(url);
  });
});

describe("QueryPacer", () => {
  it("starts queries at least the gap apart, in order", async () => {
    const pacer = new QueryPacer(30).key();
    const started: number[] = [];
    const t0 = Date.now();
    await Promise.all([1, 2, 3].map(() => pacer.schedule({}, async () => started.push(Date.now() - t0))));
    expect(started).toHaveLength(3);
    expect((started[2] as number) - (started[0] as number)).toBeGreaterThanOrEqual(55);
  });
});

describe("RawContentSource", () => {
  const listing = { requests: 1, list: async () => ({}) } as unknown as GitHubSource;
  const answers: Record<string, () => Response | Promise<Response>> = {
    "u/ok.py": () => new Response("print(1)\n"),
    "u/gone.py": () => new Response("404: Not Found", { status: 404 }),
    "u/big.csv": () => new Response(new Uint8Array(600_000).fill(65)),
    "u/down.py": () => Promise.reject(new Error("socket hang up")),
  };
  const fakeFetch = (async (url: string) => (answers[url] as () => Response)()) as unknown as typeof fetch;

  it("decodes what it fetched and says why a file could not be read", async () => {
    const source = new RawContentSource(listing, { urlOf: (p) => `u/${p}`, userAgent: "t", fetch: fakeFetch });
    const got = await source.read(["ok.py", "gone.py", "big.csv", "down.py", "ok.py"]);
    expect(got.get("ok.py")).toEqual({ kind: "text", text: "print(1)\n", encoding: "utf-8", truncated: false });
    expect(got.get("gone.py")).toEqual({ kind: "unread", reason: "unreadable", detail: "raw fetch answered HTTP 404" });
    expect(got.get("big.csv")).toEqual({ kind: "unread", reason: "too_large", detail: "600000 bytes" });
    expect(got.get("down.py")).toEqual({
      kind: "unread",
      reason: "unreadable",
      detail: "raw fetch failed: socket hang up",
    });
    expect(source.rawRequests).toBe(4);
    expect(source.requests).toBe(1);
  });
});

describe("progress bar", () => {
  it("redraws in place, puts a rate-limit wait on its own line, and clears itself", () => {
    const out: string[] = [];
    const p = createProgress("bar", (t) => out.push(t), 10);
    p.start(2);
    p.wait({ seconds: 42, kind: "primary", request: "GET /x" });
    p.done({ status: "failed", name: "a/b", failure: "not_found", reason: "gone" }, 1, 2);
    p.finish();
    expect(out).toEqual([
      "\r\u001b[2K░░░░░░░░░░ 0/2 ",
      "\r\u001b[2KGitHub's hourly rate limit is spent: waiting 42 s before retrying\n",
      "\r\u001b[2K░░░░░░░░░░ 0/2 ",
      "\r\u001b[2K█████░░░░░ 1/2 a/b",
      "\r\u001b[2K",
    ]);
  });
});

describe("why a repository was not scanned", () => {
  const failing = (error: unknown): GitHubClient =>
    ({
      request: async () => {
        throw error;
      },
    }) as unknown as GitHubClient;
  const httpError = (status: number, message: string) =>
    Object.assign(new Error(message), { status, response: { headers: {} } });
  const options = { checks: CHECKS, tool: { name: "t", version: "0" }, accessHint: " here" };

  it.each([
    [httpError(404, "Not Found"), "not_found", "not found or not accessible here"],
    [
      httpError(451, "Repository access blocked - https://docs.github.com/rest"),
      "blocked",
      "GitHub refused access (HTTP 451: Repository access blocked)",
    ],
    [
      httpError(403, "API rate limit exceeded for 1.2.3.4."),
      "rate_limited",
      "GitHub's rate limit was still in force after waiting",
    ],
    [httpError(503, "Service Unavailable"), "error", "GitHub server error (HTTP 503)"],
    [new Error("fetch failed."), "error", "fetch failed"],
  ])("%s -> %s", async (error, failure, reason) => {
    const row = await scanRepository(failing(error), { owner: "o", repo: "r", input: "o/r" }, options);
    expect(row).toEqual({ status: "failed", name: "o/r", failure, reason });
  });

  it("stops the whole batch on rejected credentials", async () => {
    await expect(
      scanRepository(failing(httpError(401, "Bad credentials")), { owner: "o", repo: "r", input: "o/r" }, options),
    ).rejects.toThrow("GitHub rejected the token (HTTP 401)");
  });
});
