/**
 * The fault scenario of the load suite: the fake GitHub injects faults on given repositories
 * while the App (as deployed, embedded queue, logs at debug level) scans them. Every check run
 * must end completed: with the report when a retry got through, else with the plain failure
 * message and the Re-scan button. The App's whole log is scanned for the installation tokens,
 * the private key and the webhook secret.
 */
import { PORTFOLIO } from "../tests/app/fixtures.js";
import { type FakeGitHub, type Fault, graphqlOperationOf, type RecordedRequest } from "../tests/helpers/fake-github.js";
import { deliver, type Push, pushDelivery, sleep, startApp, until } from "./load-harness.js";

const SECONDARY = {
  message:
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.",
  documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

/** Requests of `repo` on `route`; "graphql" is the contents query, "config" the config query. */
const on = (repo: string, route: RecordedRequest["route"] | "config") => (r: RecordedRequest) => {
  if (route === "config")
    return graphqlOperationOf(r) === "ReadConfig" && JSON.stringify(r.body ?? {}).includes(`"n0":"${repo}"`);
  if (route === "graphql")
    return graphqlOperationOf(r) === "ReadFiles" && JSON.stringify(r.body ?? {}).includes(`"name":"${repo}"`);
  return r.route === route && r.path.includes(`/${repo}/`);
};

/** Each case: a repository, the faults on it, and what its check run must say. */
const CASES: { repo: string; what: string; faults: (repo: string) => Fault[]; expect: RegExp }[] = [
  { repo: "ok", what: "no fault", faults: () => [], expect: /^Portfolio quality: \d+\/100/ },
  {
    repo: "tree-502x2",
    what: "tree answers 502 twice (retried)",
    faults: (r) => [{ route: on(r, "tree"), status: 502, times: 2 }],
    expect: /^Portfolio quality: \d+\/100/,
  },
  {
    repo: "graphql-502x9",
    what: "GraphQL answers 502 nine times (retries exhausted)",
    faults: (r) => [{ route: on(r, "graphql"), status: 502, times: 9 }],
    expect: /server error \(502\)/,
  },
  {
    repo: "create-403-secondary",
    what: "check run create: 403 secondary limit, Retry-After 2",
    faults: (r) => [{ route: on(r, "check-run.create"), status: 403, retryAfter: 2, body: SECONDARY }],
    expect: /^Portfolio quality: \d+\/100/,
  },
  {
    repo: "config-403-secondary",
    what: "config read: 403 secondary limit, Retry-After 1",
    faults: (r) => [{ route: on(r, "config"), status: 403, retryAfter: 1, body: SECONDARY }],
    expect: /^Portfolio quality: \d+\/100/,
  },
  {
    repo: "tree-429",
    what: "tree: 429 with Retry-After 1",
    faults: (r) => [{ route: on(r, "tree"), status: 429, retryAfter: 1 }],
    expect: /^Portfolio quality: \d+\/100/,
  },
  {
    repo: "graphql-primary-exhausted",
    what: "GraphQL: 403, primary limit exhausted for an hour (not waited out)",
    faults: (r) => [
      {
        route: on(r, "graphql"),
        status: 403,
        times: 3,
        headers: {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
        },
        body: {
          message: "API rate limit exceeded for installation ID 1.",
          documentation_url: "https://docs.github.com/rest",
        },
      },
    ],
    expect: /rate limit was reached while reading file contents/,
  },
  {
    repo: "tree-timeout",
    what: "tree never answers (per-request time limit, 30 s)",
    faults: (r) => [{ route: on(r, "tree"), hang: true, times: 4 }],
    expect: /did not answer in time|took longer/,
  },
  {
    repo: "truncated-tree",
    what: "tree truncated (completed through GraphQL)",
    faults: () => [],
    expect: /^Portfolio quality: \d+\/100/,
  },
];

/** Run the fault cases; `secrets` must never appear in the App's output. */
export async function runFaults(fake: FakeGitHub, options: { secrets: readonly string[] }) {
  fake.reset();
  const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`data/part-${i}.csv`, "a,b\n1,2\n"]));
  const before = fake.truncateAt;
  fake.truncateAt = 40;
  const pushes: Push[] = CASES.map((c, i) => {
    const owner = `fault-${2000 + i}`;
    const files = c.repo === "truncated-tree" ? { ...PORTFOLIO, ...wide } : PORTFOLIO;
    const sha = fake.setRepo(`${owner}/${c.repo}`, { files }).latest.sha;
    for (const f of c.faults(c.repo)) fake.fail(f);
    return { installation: 2000 + i, owner, repo: c.repo, sha, branch: "main" };
  });
  const app = await startApp(fake, { LOG_LEVEL: "debug" });
  try {
    const started = performance.now();
    await Promise.all(pushes.map((p) => deliver(app.port, pushDelivery(p))));
    await until(
      "every check run completed",
      () =>
        pushes.every((p) => fake.checkRuns.some((r) => r.repo === `${p.owner}/${p.repo}` && r.status === "completed")),
      240_000,
    );
    await sleep(500);
    const rows = CASES.map((c, i) => {
      const p = pushes[i] as Push;
      const runs = fake.checkRuns.filter((r) => r.repo === `${p.owner}/${p.repo}`);
      const out = (runs[0]?.output ?? {}) as { title?: string; summary?: string };
      const said = `${out.title ?? ""}\n${out.summary ?? ""}`;
      const ok = runs.length === 1 && runs[0]?.status === "completed" && c.expect.test(said);
      return {
        case: c.what,
        checkRuns: runs.length,
        status: runs[0]?.status,
        conclusion: runs[0]?.conclusion,
        says: (out.title?.startsWith("Portfolio quality: scan failed") ? out.summary?.split("\n")[0] : out.title) ?? "",
        ok,
      };
    });
    const text = app.lines.join("\n");
    const tokens = text.match(/ghs_fake\d+/g) ?? [];
    const leaked = options.secrets.filter((s) => {
      const probe = s.includes("PRIVATE KEY") ? (s.split("\n")[1] ?? s) : s;
      return text.includes(probe);
    });
    const problems = [
      ...rows.filter((r) => !r.ok).map((r) => `${r.case}: ${r.status} ${r.conclusion} "${r.says}"`),
      ...(tokens.length > 0 ? [`${tokens.length} installation tokens in the log`] : []),
      ...leaked.map(() => "a secret (private key or webhook secret) in the log"),
    ];
    return {
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rows,
      logLines: app.lines.length,
      rateLimitWarnings: app.lines.filter((l) => l.includes("GitHub asked")).length,
      problems,
    };
  } finally {
    fake.truncateAt = before;
    await app.stop();
  }
}
