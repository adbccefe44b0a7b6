/**
 * The App on its queue with pacing ON (Probot's production Octokit, retries off so faults stay
 * simple): the delivery is answered before the scan runs, the in-progress write is replaced by
 * the result when pacing holds it back, a superseded push is completed as skipped, the
 * structured logs carry the scan's fields and never a secret, and /metrics counts it all.
 */
import { Writable } from "node:stream";
import nock from "nock";
import { pino } from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/index.js";
import { MemoryScanQueue } from "../../src/queue/index.js";
import { APP_ID, mockGitHub, PRIVATE_KEY, sign, startWebhookServer, WEBHOOK_SECRET } from "../helpers/probot.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite, INSTALLATION_ID } from "./payloads.js";

/** Probot's production Octokit (throttling not turned off, so the App paces), without retries. */
const PacedOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false } }));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function pacedApp(intervalMs: number, env: Record<string, string> = {}) {
  nock.enableNetConnect("127.0.0.1");
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString());
      for (const l of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const queue = new MemoryScanQueue({ retryDelayMs: 10 });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: WEBHOOK_SECRET,
    Octokit: PacedOctokit,
    log: pino({ level: "debug" }, stream),
  });
  const middleware = await createNodeMiddleware(createApp({ queue, pacing: { writeIntervalMs: intervalMs }, env }), {
    probot,
  });
  const server = await startWebhookServer(middleware as never);
  closers.push(() => server.close());
  const post = async (payload: unknown, id: string) => {
    const body = JSON.stringify(payload);
    const t = performance.now();
    const res = await fetch(`${server.url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "check_suite",
        "x-github-delivery": id,
        "x-hub-signature-256": sign(body),
      },
      body,
    });
    return { status: res.status, ms: performance.now() - t };
  };
  return { queue, server, post, lines, raw };
}

describe("the App on its queue, paced", () => {
  it("answers at once; one installation's scans cost one write each once pacing holds the writes back", async () => {
    const gh = mockGitHub();
    const shas = ["a", "b", "c"].map(
      (name) => gh.setRepo(`jane/${name}`, { files: { ...PORTFOLIO, "NOTES.md": name } }).latest.sha,
    );
    const app = await pacedApp(300);
    const answers = await Promise.all(
      ["a", "b", "c"].map((name, i) =>
        app.post(
          checkSuite("requested", { owner: "jane", repo: name, sha: shas[i] as string, branch: name }),
          `d-${name}`,
        ),
      ),
    );
    // Answered before any check run exists: the scans run afterwards.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(gh.checkRuns).toEqual([]);
    await app.queue.idle();
    expect(gh.checkRuns).toHaveLength(3);
    expect(gh.checkRuns.every((r) => r.status === "completed")).toBe(true);
    const writes = gh.requests.filter((r) => r.method !== "GET" && r.route !== "graphql" && r.route !== "token");
    // At most the first run is created in progress then completed; the others went out once, completed.
    expect(writes.length).toBeLessThanOrEqual(4);
    const creates = writes.filter((w) => w.method === "POST").map((w) => (w.body as { status: string }).status);
    expect(creates).toHaveLength(3);
    expect(creates.filter((c) => c === "completed").length).toBeGreaterThanOrEqual(2);
    const at = writes.map((w) => gh.requests.indexOf(w));
    expect(at).toEqual([...at].sort((x, y) => x - y));
    // Every logged scan summary names the delivery, installation, repository, commit and times.
    const summaries = app.lines.filter((l) => l.msg === "scan summary");
    expect(summaries).toHaveLength(3);
    for (const s of summaries)
      expect(s).toMatchObject({
        deliveryId: expect.stringMatching(/^d-[abc]$/),
        installation: INSTALLATION_ID,
        repo: expect.stringMatching(/^jane\/[abc]$/),
        sha: expect.any(String),
        outcome: expect.stringMatching(/^(success|neutral)$/),
        durationMs: expect.any(Number),
        queuedMs: expect.any(Number),
        checkRunWrites: expect.any(Number),
      });
  });

  it("completes a push superseded on its branch before its scan started as skipped, naming the newer commit", async () => {
    const gh = mockGitHub();
    const old = gh.setRepo("jane/churn", { files: PORTFOLIO }).latest.sha;
    const newer = gh.setRepo("jane/churn", { files: { ...PORTFOLIO, "NOTES.md": "# later\n" } }).latest.sha;
    const app = await pacedApp(50);
    const push = (sha: string, at: string) => {
      const p = checkSuite("requested", { owner: "jane", repo: "churn", sha, branch: "main" });
      p.check_suite.created_at = at;
      return p;
    };
    await app.post(push(old, "2024-05-01T10:00:00Z"), "older");
    await app.post(push(newer, "2024-05-01T10:00:05Z"), "newer");
    await app.queue.idle();
    const skipped = gh.checkRuns.find((r) => r.head_sha === old);
    expect(skipped).toMatchObject({ status: "completed", conclusion: "skipped" });
    expect(String(skipped?.output?.summary)).toContain(`commit ${newer} was pushed to \`main\``);
    expect(gh.checkRuns.find((r) => r.head_sha === newer)).toMatchObject({ status: "completed" });
    expect(gh.checkRuns.find((r) => r.head_sha === newer)?.conclusion).not.toBe("skipped");
    // The skipped commit cost one write and no read.
    expect(gh.requests.filter((r) => r.path.includes(`/trees/${old}`))).toEqual([]);
  });

  it("never logs a token, the private key or the webhook secret, even when GitHub refuses", async () => {
    const gh = mockGitHub();
    const sha = gh.setRepo("jane/churn", { files: PORTFOLIO }).latest.sha;
    gh.fail({ route: "tree", status: 403, body: { message: "Resource not accessible by integration" } });
    const app = await pacedApp(50);
    await app.post(checkSuite("requested", { owner: "jane", repo: "churn", sha }), "secret-check");
    await app.queue.idle();
    const text = app.raw.join("");
    expect(gh.checkRuns[0]?.status).toBe("completed");
    expect(text).toContain("scan summary");
    expect(text).toContain("GitHub request"); // debug request logs were on
    expect(text).not.toMatch(/ghs_fake\d+/);
    expect(text).not.toContain(PRIVATE_KEY.split("\n")[1] as string);
    expect(text).not.toContain(WEBHOOK_SECRET);
  });

  it("serves Prometheus metrics, behind a bearer token when METRICS_TOKEN is set", async () => {
    const gh = mockGitHub();
    const sha = gh.setRepo("jane/churn", { files: PORTFOLIO }).latest.sha;
    const app = await pacedApp(50, { METRICS_TOKEN: "scrape-me" });
    await app.post(checkSuite("requested", { owner: "jane", repo: "churn", sha }), "m1");
    await app.queue.idle();
    expect((await fetch(`${app.server.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${app.server.url}/metrics`, { headers: { authorization: "Bearer scrape-me" } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/portfolio_quality_scans_total\{outcome="(success|neutral)"\} 1/);
    expect(text).toMatch(/portfolio_quality_deliveries_total\{event="check_suite.requested",result="queued"\} 1/);
    expect(text).toMatch(/portfolio_quality_scan_duration_seconds_count\{outcome="(success|neutral)"\} 1/);
    expect(text).toContain('portfolio_quality_queue_depth{state="waiting"} 0');
    // The installation token and the check run.
    expect(text).toMatch(/portfolio_quality_github_requests_total\{method="POST",status="201",api="rest"\} 2/);
    // The config query and the contents query.
    expect(text).toMatch(/portfolio_quality_github_requests_total\{method="POST",status="200",api="graphql"\} 2/);
  });
});
