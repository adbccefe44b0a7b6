/**
 * Whatever fails, the check run ends completed with a plain-language message saying what failed
 * and that Re-scan retries; it is never left in progress. Probot's retry and throttling are off
 * in these tests (they stay on in production), so each fault is seen once.
 */
import { describe, expect, it } from "vitest";
import { type Fault, graphqlOperation } from "../helpers/fake-github.js";
import { mockGitHub } from "../helpers/probot.js";
import type { Tree } from "../helpers/tree.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

interface Output {
  title: string;
  summary: string;
  text?: string;
  annotations?: unknown[];
}

async function scanWith(faults: Fault[], options: { timeoutMs?: number; truncateAt?: number; files?: Tree } = {}) {
  const gh = mockGitHub({}, options.truncateAt ? { truncateAt: options.truncateAt } : {});
  const sha = gh.setRepo("jane/churn", { files: options.files ?? PORTFOLIO }).latest.sha;
  for (const f of faults) gh.fail(f);
  const probot = await testProbot(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  await probot.receive({
    id: "f",
    name: "check_suite",
    payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
  });
  const last = gh.requests.at(-1);
  return { gh, sha, last, body: last?.body as { status?: string; conclusion?: string; output: Output } };
}

const RATE_LIMIT_BODY = {
  message:
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.",
  documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

const gqlErrors = (errors: unknown[]) => ({ status: 200, body: { data: null, errors } });

describe("a failed scan completes its check run with a plain message", () => {
  it.each<[string, Fault[], RegExp]>([
    [
      "tree 404",
      [{ route: "tree", status: 404 }],
      /GitHub could not find what it was asked for while listing the commit's files/,
    ],
    ["tree 409 (empty repository)", [{ route: "tree", status: 409 }], /the repository is empty/],
    ["tree 502", [{ route: "tree", status: 502 }], /server error \(502\) while listing the commit's files/],
    [
      "tree 403 secondary rate limit with Retry-After",
      [{ route: "tree", status: 403, retryAfter: 60, body: RATE_LIMIT_BODY }],
      /GitHub's rate limit was reached while listing the commit's files \(GitHub asked to wait 60 s\)/,
    ],
    [
      "GraphQL errors",
      [
        {
          route: graphqlOperation("ReadFiles"),
          ...gqlErrors([
            {
              message:
                "Something went wrong while executing your query. Please include `FAKE` when reporting this issue.",
            },
          ]),
        },
      ],
      /GitHub answered with errors while reading file contents/,
    ],
    [
      "GraphQL rate limit",
      [
        {
          route: graphqlOperation("ReadFiles"),
          ...gqlErrors([{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation." }]),
        },
      ],
      /GitHub's rate limit was reached while reading file contents/,
    ],
    [
      "GraphQL 502",
      [{ route: graphqlOperation("ReadFiles"), status: 502 }],
      /server error \(502\) while reading file contents/,
    ],
    [
      "config 500",
      [{ route: graphqlOperation("ReadConfig"), status: 500 }],
      /server error \(500\) while reading \.github\/portfolio-quality\.yml/,
    ],
    [
      "config 403 rate limit",
      [{ route: graphqlOperation("ReadConfig"), status: 403, retryAfter: 30, body: RATE_LIMIT_BODY }],
      /rate limit was reached while reading \.github\/portfolio-quality\.yml \(GitHub asked to wait 30 s\)/,
    ],
  ])("%s", async (_, faults, reason) => {
    const { gh, body, last } = await scanWith(faults);
    expect(last?.method).toBe("PATCH");
    expect(body).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: "Portfolio quality: scan failed" },
      actions: [{ identifier: "rescan" }],
    });
    expect(body.output.summary).toMatch(reason);
    expect(body.output.summary).toMatch(/^The scan could not finish: /);
    expect(body.output.summary).toContain("Press **Re-scan** above to try again.");
    expect(gh.checkRuns).toMatchObject([{ status: "completed", conclusion: "neutral" }]);
  });

  it("a scan that runs past its time limit (a request that never answers)", async () => {
    const { gh, body } = await scanWith([{ route: "tree", hang: true }], { timeoutMs: 300 });
    expect(body.output.summary).toMatch(/^The scan could not finish: The scan took longer than 300 ms\./);
    expect(gh.checkRuns).toMatchObject([{ status: "completed", conclusion: "neutral" }]);
    expect(gh.lines().at(-1)).toMatch(/^PATCH /);
  });

  it("a scan that is slow overall though each request answers", async () => {
    const slow: Fault[] = [
      { route: "tree", delayMs: 250 },
      { route: "graphql", delayMs: 250 },
    ];
    const { body } = await scanWith(slow, { timeoutMs: 400 });
    expect(body.output.summary).toMatch(/The scan took longer than 400 ms/);
  });

  it("a completion GitHub rejects is replaced by the failure message, not left in progress", async () => {
    const { gh, body } = await scanWith([{ route: "check-run.update", status: 500 }]);
    const patches = gh.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((p) => p.status)).toEqual([500, 200]);
    expect(body.output.summary).toMatch(/server error \(500\)/);
    expect(gh.checkRuns[0]?.status).toBe("completed");
  });
});

describe("a truncated tree", () => {
  const wide: Tree = {
    ...PORTFOLIO,
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`data/raw/part-${i}.csv`, "a,b\n1,2\n"])),
  };

  it("is completed through GraphQL in one query and the report says so", async () => {
    const { gh, body, sha } = await scanWith([], { truncateAt: 40, files: wide });
    const trees = gh.requests.filter((r) => r.route === "tree");
    expect(trees).toHaveLength(1);
    expect(trees[0]).toMatchObject({ path: `/repos/jane/churn/git/trees/${sha}`, query: { recursive: "1" } });
    // The config query, the listing query, then the contents query.
    const queries = gh.requests.filter((r) => r.route === "graphql").map((r) => (r.body as { query: string }).query);
    expect(queries.map((q) => /^query (\w+)/.exec(q)?.[1])).toEqual(["ReadConfig", "ListDirectories", "ReadFiles"]);
    expect(body.conclusion).toMatch(/^(success|neutral)$/);
    expect(body.output.text).toMatch(
      /GitHub truncated the recursive listing of this commit; it was completed through GraphQL \\?\(1 more request/,
    );
  });

  it("falls back to the walk by subtrees when the GraphQL listing fails, and warns when a directory is too long for it", async () => {
    const failing = gqlErrors([{ message: "Something went wrong while executing your query." }]);
    const { gh, body } = await scanWith([{ route: graphqlOperation("ListDirectories"), ...failing, times: 1 }], {
      truncateAt: 20,
      files: wide,
    });
    expect(gh.requests.filter((r) => r.route === "tree").length).toBeGreaterThan(1);
    expect(body.status).toBe("completed");
    expect(body.output.summary).toMatch(
      /### Scan notes[\s\S]*listing through GraphQL failed[\s\S]*the listing is partial/,
    );
    expect(body.output.summary).toMatch(/data\/raw\//);
  });

  it("a rate-limited GraphQL listing ends the scan with the rate-limit message", async () => {
    const limited = gqlErrors([{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation." }]);
    const { body } = await scanWith([{ route: graphqlOperation("ListDirectories"), ...limited, times: 1 }], {
      truncateAt: 20,
      files: wide,
    });
    expect(body.status).toBe("completed");
    expect(body.output.summary).toMatch(/GitHub's rate limit was reached while listing the commit's files/);
  });
});
