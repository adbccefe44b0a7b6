/**
 * Each event the App listens to, delivered as GitHub sends it (real payloads), and the exact
 * requests the App makes in answer, in order, with their bodies. Every request is validated
 * against GitHub's OpenAPI description or GraphQL schema by the mock.
 */
import { describe, expect, it } from "vitest";
import { contentsQuery } from "../../src/repo/github-contents.js";
import { type GitHubMock, mockGitHub, type SentRequest } from "../helpers/probot.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkRun, checkSuite, INSTALLATION_ID, installationCreated, repositoriesAdded } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

const TOKEN = `POST /app/installations/${INSTALLATION_ID}/access_tokens`;
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const TITLE = expect.stringMatching(/^Portfolio quality: \d{1,3}\/100 \([A-F]\)$/);
const RESCAN = [{ label: "Re-scan", identifier: "rescan", description: "Score this commit again" }];

/** The requests of one scan of `owner/repo` at `sha` after the check run exists, up to completing it. */
function scanLines(owner: string, repo: string, sha: string, run: number): string[] {
  return [
    "POST /graphql ReadConfig",
    `GET /repos/${owner}/${repo}/git/trees/${sha}`,
    "POST /graphql ReadFiles",
    `PATCH /repos/${owner}/${repo}/check-runs/${run}`,
  ];
}

function byLine(gh: GitHubMock, line: string): SentRequest[] {
  const lines = gh.lines();
  return gh.requests.filter((_, i) => lines[i] === line);
}

/** What every scan sends besides the check run: one config query, the tree, one GraphQL batch. */
function expectScanBodies(gh: GitHubMock, owner: string, repo: string, sha: string): void {
  const [config] = byLine(gh, "POST /graphql ReadConfig");
  expect((config?.body as { variables?: unknown } | undefined)?.variables).toEqual({
    o0: owner,
    n0: repo,
    e0: "HEAD:.github/portfolio-quality.yml",
    o1: owner,
    n1: ".github",
    e1: "HEAD:.github/portfolio-quality.yml",
  });
  const [tree] = byLine(gh, `GET /repos/${owner}/${repo}/git/trees/${sha}`);
  expect(tree?.query).toEqual({ recursive: "1" });
  const [graphql] = byLine(gh, "POST /graphql ReadFiles");
  const { query, variables } = (graphql?.body ?? {}) as { query: string; variables: Record<string, string> };
  const paths = Object.entries(variables)
    .filter(([k]) => /^e\d+$/.test(k))
    .map(([, v]) => v);
  expect(query).toBe(contentsQuery(paths.length));
  expect(variables).toMatchObject({ owner, name: repo });
  // Every expression names the commit, never a branch, so a push during the scan changes nothing.
  for (const e of paths) expect(e.startsWith(`${sha}:`)).toBe(true);
  expect(paths.map((e) => e.slice(sha.length + 1))).toEqual(expect.arrayContaining(["README.md", "pyproject.toml"]));
}

function expectCompleted(body: unknown): void {
  const output = (body as { output: { summary: string; text: string; annotations?: unknown[] } }).output;
  expect(body).toEqual({
    status: "completed",
    conclusion: expect.stringMatching(/^(success|neutral)$/),
    completed_at: ISO,
    output: {
      title: TITLE,
      summary: expect.any(String),
      text: expect.any(String),
      ...(output.annotations ? { annotations: expect.any(Array) } : {}),
    },
    actions: RESCAN,
  });
  expect(output.annotations?.length ?? 0).toBeLessThanOrEqual(50);
  expect(Buffer.byteLength(output.summary)).toBeLessThanOrEqual(65_535);
  expect(Buffer.byteLength(output.text)).toBeLessThanOrEqual(65_535);
  expect(output.summary).toContain("| Criterion | Score | Weight |");
}

async function setup() {
  const gh = mockGitHub();
  const sha = gh.setRepo("jane/churn", { files: PORTFOLIO }).latest.sha;
  const probot = await testProbot();
  return { gh, sha, probot };
}

describe("check_suite", () => {
  it.each(["requested", "rerequested"] as const)(
    "%s: token, check run in progress, config (own and the owner's .github in one query), tree, one GraphQL batch, completed",
    async (action) => {
      const { gh, sha, probot } = await setup();
      await probot.receive({
        id: "d1",
        name: "check_suite",
        payload: checkSuite(action, { owner: "jane", repo: "churn", sha }) as never,
      });
      const run = gh.checkRuns[0]?.id as number;
      expect(gh.lines()).toEqual([TOKEN, "POST /repos/jane/churn/check-runs", ...scanLines("jane", "churn", sha, run)]);
      expect(gh.requests[1]?.body).toEqual({
        name: "Portfolio quality",
        head_sha: sha,
        status: "in_progress",
        started_at: ISO,
      });
      expectScanBodies(gh, "jane", "churn", sha);
      expectCompleted(gh.requests.at(-1)?.body);
      // The budget: at most 6 requests after the installation token.
      expect(gh.requests.length - 1).toBeLessThanOrEqual(6);
      expect(gh.checkRuns).toHaveLength(1);
      expect(gh.checkRuns[0]).toMatchObject({ status: "completed", head_sha: sha });
    },
  );

  it("the same commit delivered twice, or twice at once, gives one check run", async () => {
    const { gh, sha, probot } = await setup();
    const payload = checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never;
    await probot.receive({ id: "same", name: "check_suite", payload });
    await probot.receive({ id: "same", name: "check_suite", payload }); // a redelivery
    await Promise.all([
      probot.receive({ id: "race-1", name: "check_suite", payload }),
      probot.receive({ id: "race-2", name: "check_suite", payload }),
    ]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.lines().filter((l) => l === "POST /repos/jane/churn/check-runs")).toHaveLength(1);
    // A new commit is a new check run.
    const next = gh.setRepo("jane/churn", { files: { ...PORTFOLIO, "NOTES.md": "# Notes\n" } }).latest.sha;
    await probot.receive({
      id: "next",
      name: "check_suite",
      payload: checkSuite("requested", { owner: "jane", repo: "churn", sha: next }) as never,
    });
    expect(gh.checkRuns.map((r) => r.head_sha)).toEqual([sha, next]);
  });

  it("a check run that could not be created is tried again by the queue, and the rerun looks for it first", async () => {
    const { gh, sha, probot } = await setup();
    gh.fail({ route: "check-run.create", status: 502 });
    const payload = checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never;
    await probot.receive({ id: "a", name: "check_suite", payload });
    const run = gh.checkRuns[0]?.id as number;
    expect(gh.lines()).toEqual([
      TOKEN,
      "POST /repos/jane/churn/check-runs",
      // A rerun cannot know whether GitHub made the run before failing: it asks, by name and App.
      `GET /repos/jane/churn/commits/${sha}/check-runs`,
      "POST /repos/jane/churn/check-runs",
      ...scanLines("jane", "churn", sha, run),
    ]);
    expect(gh.requests[2]?.query).toEqual({ check_name: "Portfolio quality", app_id: expect.any(String) });
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]?.status).toBe("completed");
    // A redelivery of the commit now is a duplicate: still one check run.
    await probot.receive({ id: "a", name: "check_suite", payload });
    expect(gh.checkRuns).toHaveLength(1);
  });
});

describe("check_run", () => {
  it.each([
    ["rerequested", undefined],
    ["requested_action", "rescan"],
  ] as const)("%s: the same check run goes back in progress and is completed again", async (action, identifier) => {
    const { gh, sha, probot } = await setup();
    await probot.receive({
      id: "first",
      name: "check_suite",
      payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
    });
    const run = gh.checkRuns[0]?.id as number;
    gh.requests.length = 0;
    await probot.receive({
      id: "again",
      name: "check_run",
      payload: checkRun(action, {
        owner: "jane",
        repo: "churn",
        sha,
        id: run,
        ...(identifier ? { identifier } : {}),
      }) as never,
    });
    // The token is cached from the first delivery: no new token request.
    expect(gh.lines()).toEqual([`PATCH /repos/jane/churn/check-runs/${run}`, ...scanLines("jane", "churn", sha, run)]);
    expect(gh.requests[0]?.body).toEqual({ status: "in_progress", started_at: ISO });
    expectCompleted(gh.requests.at(-1)?.body);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it.each([
    ["another action's identifier", { identifier: "lgtm|26764" }],
    ["another check run's name", { name: "API Review" }],
  ])("ignores %s without a single request", async (_, extra) => {
    const { gh, sha, probot } = await setup();
    await probot.receive({
      id: "x",
      name: "check_run",
      payload: checkRun("requested_action", { owner: "jane", repo: "churn", sha, id: 42, ...extra }) as never,
    });
    expect(gh.requests).toEqual([]);
  });
});

describe("installation", () => {
  it("installation.created scans the default branch of each repository, HEAD resolved first", async () => {
    const gh = mockGitHub();
    const a = gh.setRepo("jane/churn", { files: PORTFOLIO }).latest.sha;
    const b = gh.setRepo("jane/empty", { files: {}, empty: true });
    const probot = await testProbot();
    await probot.receive({
      id: "i",
      name: "installation",
      payload: installationCreated("jane", ["churn", "empty"]) as never,
    });
    const run = gh.checkRuns[0]?.id as number;
    // Each repository is its own job on the queue: the two run side by side.
    expect(gh.lines()[0]).toBe(TOKEN);
    // A GraphQL request belongs to the repository its variables name.
    const lines = gh.lines();
    const ofChurn = (r: SentRequest) =>
      r.path.includes("/jane/churn/") ||
      (r.route === "graphql" && Object.values((r.body as { variables?: object }).variables ?? {}).includes("churn"));
    expect(gh.requests.flatMap((r, i) => (ofChurn(r) ? [lines[i]] : []))).toEqual([
      "GET /repos/jane/churn/commits/HEAD",
      "POST /repos/jane/churn/check-runs",
      ...scanLines("jane", "churn", a, run),
    ]);
    // An empty repository has no commit to score (409): nothing else is asked about it.
    expect(gh.lines().filter((l) => l.includes("/jane/empty/"))).toEqual(["GET /repos/jane/empty/commits/HEAD"]);
    expect(gh.lines()).toHaveLength(8);
    expect(b.empty).toBe(true);
    expectScanBodies(gh, "jane", "churn", a);
    expectCompleted(gh.requests.find((r) => r.method === "PATCH")?.body);
  });

  it("installation_repositories.added scans at most 10 repositories per event; the rest wait for a push", async () => {
    const gh = mockGitHub();
    const names = Array.from({ length: 12 }, (_, i) => `repo-${String(i).padStart(2, "0")}`);
    for (const name of names) gh.setRepo(`jane/${name}`, { files: PORTFOLIO });
    const probot = await testProbot();
    await probot.receive({
      id: "r",
      name: "installation_repositories",
      payload: repositoriesAdded("jane", names) as never,
    });
    expect(gh.checkRuns.map((r) => r.repo).sort()).toEqual(
      names
        .slice(0, 10)
        .sort()
        .map((n) => `jane/${n}`),
    );
    expect(gh.checkRuns.every((r) => r.status === "completed")).toBe(true);
    expect(gh.requests.filter((r) => r.path.includes("repo-10") || r.path.includes("repo-11"))).toEqual([]);
    expect(gh.lines().filter((l) => l === TOKEN)).toHaveLength(1);
  });
});
