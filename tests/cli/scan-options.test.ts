/**
 * `portfolio-quality scan` options against the fake GitHub API: where the token comes from, the
 * API root (GitHub Enterprise), scanning without a token, rate limits waited out, server errors
 * retried, a rejected token, concurrency, progress, formats and --out.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { type FakeGitHub, type RecordedRequest, startFakeGitHub } from "../helpers/fake-github.js";
import { handles, MIDDLE, rawFiles, recordingIO, STRONG, WEAK } from "./scan-fixtures.js";

let fake: FakeGitHub;
let dir: string;
let maxPending = 0;

/** Records the most requests the fake held at once. */
function pending(_request: RecordedRequest) {
  maxPending = Math.max(maxPending, fake.requests.filter((r) => r.status === undefined).length);
  return undefined;
}

beforeEach(async () => {
  maxPending = 0;
  fake = await startFakeGitHub({
    repos: { "ada/churn": { files: STRONG }, "bob/titanic": { files: WEAK }, "cy/churn-lite": { files: MIDDLE } },
    handle: handles(
      pending,
      rawFiles(() => fake),
    ),
  });
  dir = mkdtempSync(join(tmpdir(), "pq-scan-"));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "ghp_env" }, extra = {}) {
  const t = recordingIO(dir, { env, retryUnitMs: 5, ...extra });
  const code = await run(["scan", ...args], t.io);
  return { code, out: t.out(), err: t.err() };
}

const scores = (json: string) =>
  (JSON.parse(json) as { repositories: { repository: string; score?: number }[] }).repositories.map((r) => [
    r.repository,
    r.score,
  ]);

describe("token and API root", () => {
  it.each([
    [["--token", "ghp_flag"], { GITHUB_TOKEN: "ghp_env", GH_TOKEN: "gho_cli" }, "ghp_flag"],
    [[], { GITHUB_TOKEN: "ghp_env", GH_TOKEN: "gho_cli" }, "ghp_env"],
    [[], { GH_TOKEN: "gho_cli" }, "gho_cli"],
  ])("%j with %j sends %s", async (flags, env, token) => {
    const { code, err } = await scan(["--api-url", fake.url, "ada/churn", ...flags], env);
    expect(code).toBe(0);
    expect(err).not.toMatch(/warning/);
    for (const r of fake.requests) expect(r.headers.authorization).toBe(`token ${token}`);
  });

  it("talks to GitHub Enterprise under /api/v3 and /api/graphql, from GITHUB_API_URL too", async () => {
    const viaFlag = await scan(["--api-url", `${fake.url}/api/v3/`, "ada/churn", "--format", "json"]);
    const paths = fake.requests.map((r) => r.url.split("?")[0]);
    expect(paths.every((p) => p?.startsWith("/api/v3/") || p === "/api/graphql")).toBe(true);
    expect(paths).toContain("/api/graphql");
    fake.reset();
    const viaEnv = await scan(["ada/churn", "--format", "json"], {
      GITHUB_TOKEN: "t",
      GITHUB_API_URL: `${fake.url}/api/v3`,
    });
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(scores(viaEnv.out)).toEqual(scores(viaFlag.out));
  });

  it("refuses an API root that is not an http(s) URL", async () => {
    const { code, err } = await scan(["--api-url", "ftp://example", "ada/churn"]);
    expect(code).toBe(2);
    expect(err).toMatch(/--api-url: ftp:\/\/example is not an http\(s\) URL/);
  });

  it("stops with exit 2 when GitHub rejects the token, instead of a row per repository", async () => {
    fake.fail({ route: "repo", status: 401, times: Number.POSITIVE_INFINITY, body: { message: "Bad credentials" } });
    const { code, out, err } = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/GitHub rejected the token \(HTTP 401\): check --token, GITHUB_TOKEN or GH_TOKEN/);
  });
});

describe("without a token", () => {
  it("warns about the 60-an-hour limit, lists through the API and reads files from raw URLs, scoring the same", async () => {
    const anonymous = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic", "--format", "json"], {});
    expect(anonymous.code).toBe(0);
    expect(anonymous.err).toMatch(/warning: no GitHub token .* 60 API requests an hour/);
    expect(fake.count("graphql")).toBe(0);
    expect(fake.requests.filter((r) => r.path.includes("/raw/")).length).toBeGreaterThan(5);
    expect(fake.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    const apiRequests = fake.requests.filter((r) => !r.path.includes("/raw/")).length;
    expect(apiRequests).toBe(6); // repo, commit and tree for each of the two
    fake.reset();
    const withToken = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic", "--format", "json"]);
    expect(scores(anonymous.out)).toEqual(scores(withToken.out));
  });
});

describe("rate limits and errors", () => {
  it("waits out a spent hourly quota and goes on", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    fake.fail({
      route: "tree",
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      body: { message: "API rate limit exceeded for installation ID 1." },
    });
    const { code, out, err } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(code).toBe(0);
    expect(scores(out)[0]?.[1]).toBeGreaterThan(50);
    expect(err).toMatch(/hourly rate limit is spent: waiting \d+ s before retrying/);
    expect(fake.count("tree")).toBe(2);
  });

  it("waits out a secondary limit (Retry-After) and a GraphQL RATE_LIMITED answer", async () => {
    fake.fail({
      route: "commit",
      status: 403,
      retryAfter: 1,
      body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." },
    });
    fake.fail({
      route: "graphql",
      status: 200,
      body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] },
    });
    const { code, err } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(code).toBe(0);
    expect(err).toMatch(/GitHub asked to slow down: waiting 1 s/);
    expect(fake.count("commit")).toBe(2);
    expect(fake.count("graphql")).toBe(2);
  });

  it("retries a server error", async () => {
    fake.fail({ route: "tree", status: 502 });
    const { code, out } = await scan(["--api-url", fake.url, "ada/churn", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).repositories[0].status).toBe("scanned");
    expect(fake.count("tree")).toBe(2);
  });

  it("gives up on a repository GitHub keeps failing, and scans the others", async () => {
    fake.fail({ route: (r) => r.route === "tree" && r.path.includes("/bob/"), status: 500, times: 10 });
    const { code, out } = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic", "--format", "json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(out).repositories as { repository: string; status: string; reason?: string }[];
    expect(rows.map((r) => [r.repository, r.status])).toEqual([
      ["ada/churn", "scanned"],
      ["bob/titanic", "failed"],
    ]);
    expect(rows[1]?.reason).toMatch(/HTTP 500/);
  }, 30_000);
});

describe("concurrency", () => {
  beforeEach(() => {
    fake.latencyMs = 20;
    for (let i = 0; i < 8; i++) fake.setRepo(`many/r${i}`, { files: i % 2 ? WEAK : MIDDLE });
  });
  const names = Array.from({ length: 8 }, (_, i) => `many/r${i}`);

  it.each([
    [1, 1],
    [2, 2],
  ])("--concurrency %i keeps at most %i requests in flight", async (n, most) => {
    const { code } = await scan(["--api-url", fake.url, "--concurrency", String(n), "--quiet", ...names]);
    expect(code).toBe(0);
    expect(maxPending).toBe(most);
  });

  it("defaults to a few repositories at once", async () => {
    await scan(["--api-url", fake.url, "--quiet", ...names]);
    expect(maxPending).toBe(4);
  });

  it.each(["0", "33", "two"])("refuses --concurrency %s", async (n) => {
    const { code, err } = await scan(["--api-url", fake.url, "--concurrency", n, "ada/churn"]);
    expect(code).toBe(2);
    expect(err).toMatch(/whole number from 1 to 32/);
  });
});

describe("progress and output", () => {
  it("draws a bar on a terminal and clears it before the report", async () => {
    const { err, out } = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic"], undefined, {
      stderrIsTTY: true,
    });
    expect(err).toContain("\r\u001b[2K");
    expect(err).toMatch(/█+░* 2\/2/);
    expect(err.endsWith("\r\u001b[2K")).toBe(true);
    expect(out).toMatch(/^ {2}#/);
  });

  it("writes one plain line per repository when stderr is not a terminal, nothing with --quiet", async () => {
    const plain = await scan(["--api-url", fake.url, "ada/churn", "bob/titanic"]);
    expect(plain.err).toMatch(/^Scanning 2 repositories\.\.\.\n\[1\/2\] \S+: \d+\/100 \([A-F]\)\n\[2\/2\] /);
    const quiet = await scan(["--api-url", fake.url, "ada/churn", "--quiet"]);
    expect(quiet.err).toBe("");
  });

  it.each([
    ["report.csv", /^rank,repository,status,score,grade,testing,/],
    ["report.json", /^\{\n {2}"tool"/],
    ["report.md", /^# Portfolio quality: 2 repositories\n/],
    ["report.html", /^<!doctype html>/],
  ])("--out %s picks the format from the extension and writes the file", async (file, start) => {
    const { code, out, err } = await scan(["--api-url", fake.url, "ada/churn", "cy/churn-lite", "--out", file]);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toMatch(new RegExp(`Wrote the \\w+ report to ${file.replace(".", "\\.")}`));
    expect(readFileSync(join(dir, file), "utf8")).toMatch(start);
  });

  it("--format wins over the extension; colour only on a terminal without NO_COLOR", async () => {
    await scan(["--api-url", fake.url, "ada/churn", "--out", "x.html", "--format", "csv"]);
    expect(readFileSync(join(dir, "x.html"), "utf8")).toMatch(/^rank,/);
    const tty = await scan(["--api-url", fake.url, "ada/churn", "--quiet"], undefined, { isTTY: true });
    expect(tty.out).toContain("\u001b[");
    const noColor = await scan(
      ["--api-url", fake.url, "ada/churn", "--quiet"],
      { GITHUB_TOKEN: "t", NO_COLOR: "1" },
      {
        isTTY: true,
      },
    );
    expect(noColor.out).not.toContain("\u001b[");
  });

  it("says when --out cannot be written", async () => {
    const { code, err } = await scan(["--api-url", fake.url, "ada/churn", "--out", "no/such/dir/r.csv"]);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot write no\/such\/dir\/r\.csv: the folder no\/such\/dir does not exist/);
    expect(fake.requests).toHaveLength(0); // refused before scanning
  });
});
