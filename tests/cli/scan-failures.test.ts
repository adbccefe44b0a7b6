/**
 * What a new user meets when something is off: the API unreachable, a URL that is not GitHub, an
 * API root that answers HTML, a rate-limit reset far away, no token where one is needed, and an
 * `--out` that cannot be written. Each message must say what is wrong in plain words.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { waitText } from "../../src/cli/scan-progress.js";
import { networkFailure } from "../../src/remote/network.js";
import { parseTarget, repoHostsFor } from "../../src/remote/targets.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";
import { recordingIO, STRONG } from "./scan-fixtures.js";

let fake: FakeGitHub;
let dir: string;
let html = false;

beforeEach(async () => {
  html = false;
  fake = await startFakeGitHub({
    repos: { "ada/churn": { files: STRONG } },
    handle: () =>
      html
        ? { status: 200, raw: "<!doctype html><title>Sign in</title>", headers: { "content-type": "text/html" } }
        : undefined,
  });
  dir = mkdtempSync(join(tmpdir(), "pq-scan-fail-"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "ghp_env" }) {
  const t = recordingIO(dir, { env, retryUnitMs: 5 });
  const code = await run(["scan", ...args], t.io);
  return { code, out: t.out(), err: t.err() };
}

const reasons = (json: string) =>
  (JSON.parse(json) as { repositories: { reason?: string }[] }).repositories.map((r) => r.reason);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the API cannot be reached", () => {
  it("says the connection was refused, not HTTP 500, after one quick retry", async () => {
    const port = await closedPort();
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const { code, out } = await scan(["--api-url", `http://127.0.0.1:${port}`, "ada/churn", "--format", "json"]);
    expect(code).toBe(1);
    expect(reasons(out)).toEqual([`could not reach 127.0.0.1:${port} (connection refused)`]);
    expect(out).not.toMatch(/HTTP 500/);
    expect(fetchSpy.mock.calls.filter(([url]) => String(url).includes(`:${port}/`))).toHaveLength(2);
  });

  it("names a port Node's fetch will not connect to (the README's :9 example)", async () => {
    const { out } = await scan(["--api-url", "http://127.0.0.1:9", "ada/churn", "--format", "json"]);
    expect(reasons(out)).toEqual(["could not reach 127.0.0.1:9 (fetch refuses to connect to that port)"]);
  });

  it.each([
    ["ENOTFOUND", "DNS lookup failed", true],
    ["ECONNREFUSED", "connection refused", true],
    ["ECONNRESET", "connection reset", false],
  ])("reads %s through Octokit's wrapping", (code, reason, permanent) => {
    const cause = Object.assign(new Error(`getaddrinfo ${code} ghe.corp`), { code });
    const fetchError = Object.assign(new TypeError("fetch failed"), { cause });
    const octokitError = Object.assign(new Error(cause.message), {
      status: 500,
      request: { url: "https://ghe.corp/api/v3/repos/a/b" },
      cause: fetchError,
    });
    expect(networkFailure(octokitError)).toEqual({ host: "ghe.corp", reason, permanent });
  });

  it("does not take an HTTP 500 answer for a network failure", () => {
    const answered = Object.assign(new Error("Server Error"), { status: 500, response: { headers: {} } });
    expect(networkFailure(answered)).toBeUndefined();
  });
});

describe("URLs of other hosts", () => {
  const hosts = repoHostsFor("https://api.github.com");

  it.each([
    ["https://gitlab.com/a/b", "gitlab.com is not GitHub"],
    ["https://example.com/a/b", "example.com is not GitHub"],
    ["git@gitlab.com:a/b.git", "gitlab.com is not GitHub"],
    ["bitbucket.org/a/b", "bitbucket.org is not GitHub"],
  ])("%j is refused", (text, message) => {
    expect(parseTarget(text, hosts)).toMatch(message);
  });

  it.each([
    ["https://github.com/a/b/issues/3", "https://api.github.com"],
    ["https://www.github.com/a/b", "https://api.github.com"],
    ["git@github.com:a/b.git", "https://api.github.com"],
    ["https://ghe.corp/a/b", "https://ghe.corp/api/v3"],
    ["https://acme.ghe.com/a/b", "https://api.acme.ghe.com"],
    ["a/b", "https://api.github.com"],
  ])("%j is a/b with the API at %s", (text, api) => {
    expect(parseTarget(text, repoHostsFor(api))).toMatchObject({ owner: "a", repo: "b" });
  });

  it("stops with exit 2 naming the argument and the list line, before asking GitHub", async () => {
    mkdirSync(join(dir, "lists"));
    const list = join("lists", "l.txt");
    await import("node:fs").then((fs) => fs.writeFileSync(join(dir, list), "ada/churn\nhttps://example.com/a/b\n"));
    const { code, err } = await scan(["--api-url", fake.url, "https://gitlab.com/a/b", "--from", list]);
    expect(code).toBe(2);
    expect(err).toMatch(/argument 1: "https:\/\/gitlab\.com\/a\/b": gitlab\.com is not GitHub/);
    expect(err).toMatch(/lists\/l\.txt:2: "https:\/\/example\.com\/a\/b": example\.com is not GitHub/);
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts URLs of the Enterprise host set by --api-url", async () => {
    const { code, out } = await scan(["--api-url", fake.url, `${fake.url}/ada/churn`, "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).repositories[0].status).toBe("scanned");
  });
});

describe("an API root that is not the API", () => {
  it("says so in plain words when it answers a web page", async () => {
    html = true;
    const { code, out } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(code).toBe(1);
    expect(reasons(out)).toEqual([`${fake.url} did not answer like the GitHub API: check --api-url`]);
  });

  it("does not call an HTML 404 page 'not found'", async () => {
    fake.fail({ route: "repo", status: 404, body: "<html>Not Found</html>", headers: { "content-type": "text/html" } });
    const { out } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(reasons(out)).toEqual([`${fake.url} did not answer like the GitHub API: check --api-url`]);
  });
});

describe("rate-limit waits", () => {
  it.each([
    ["past 2038 (beyond 32 bits)", () => "99999999999", "5138-11-16T09:46:39Z"],
    ["two hours away", () => String(Math.ceil(Date.now() / 1000) + 7200), undefined],
  ])("does not wait for a reset %s, and says when it is", async (_label, reset, when) => {
    fake.fail({
      route: "repo",
      status: 403,
      times: Number.POSITIVE_INFINITY,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset() },
      body: { message: "API rate limit exceeded for 1.2.3.4." },
    });
    const { out, err } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(err).not.toMatch(/waiting 0 s/);
    expect(fake.count("repo")).toBe(1);
    const [reason] = reasons(out);
    expect(reason).toMatch(/^GitHub's rate limit is spent until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: too long to wait$/);
    if (when) expect(reason).toContain(when);
  });

  it.each([
    [0, "GitHub's hourly rate limit is spent: retrying now"],
    [42, "GitHub's hourly rate limit is spent: waiting 42 s before retrying"],
    [600, "GitHub's hourly rate limit is spent: waiting 10 min (until 10:10 UTC) before retrying"],
  ])("words a wait of %i s", (seconds, text) => {
    expect(waitText({ seconds, kind: "primary", request: "GET /x" }, new Date("2025-01-01T10:00:00Z"))).toBe(text);
  });
});

describe("credentials", () => {
  it("without a token, says anonymous access was refused and how to give a token", async () => {
    fake.fail({
      route: "repo",
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: { message: "Requires authentication" },
    });
    const { code, err } = await scan(["--api-url", fake.url, "ada/churn"], {});
    expect(code).toBe(2);
    expect(err).toMatch(
      /GitHub refused anonymous access \(HTTP 401\): give a token with --token, GITHUB_TOKEN or GH_TOKEN/,
    );
    expect(err).not.toMatch(/rejected the token/);
  });
});

describe("--out", () => {
  it.each([
    ["missing/r.html", "the folder missing does not exist"],
    ["folder", "it is a folder, not a file"],
    ["file.txt/r.html", "file.txt is a file, not a folder"],
  ])("refuses %s before scanning: %s", async (out, reason) => {
    mkdirSync(join(dir, "folder"));
    await import("node:fs").then((fs) => fs.writeFileSync(join(dir, "file.txt"), "x"));
    const { code, err } = await scan(["--api-url", fake.url, "ada/churn", "--out", out, "--format", "html"]);
    expect(code).toBe(2);
    expect(err).toContain(`cannot write ${out}: ${reason}`);
    expect(err).not.toMatch(/E[A-Z]{3,}/);
    expect(fake.requests).toHaveLength(0);
  });
});
