/**
 * `npm start` in-process: `startServer` with the environment the deployed App gets, Probot's
 * server with the scan intake in front of its webhook route, talking to a fake GitHub on
 * loopback (Enterprise host, as the load benchmark does). Every request the fake receives is
 * validated against GitHub's OpenAPI description or GraphQL schema.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type StartedApp, startServer } from "../../src/server.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";
import { APP_ID, PRIVATE_KEY, sign, until, validatingHandle, WEBHOOK_SECRET } from "../helpers/probot.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite, example, INSTALLATION_ID } from "./payloads.js";

let fake: FakeGitHub;
let violations: string[];
let started: StartedApp | undefined;
let port: number;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    APP_ID: String(APP_ID),
    PRIVATE_KEY,
    WEBHOOK_SECRET,
    GHE_HOST: fake.host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "fatal",
    ...extra,
  };
}

beforeEach(async () => {
  nock.enableNetConnect("127.0.0.1");
  violations = [];
  fake = await startFakeGitHub({ repos: { "jane/churn": { files: PORTFOLIO } }, handle: validatingHandle(violations) });
  port = await freePort();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await started?.server.stop();
  started = undefined;
  await fake.close();
  expect(violations).toEqual([]);
});

function post(body: string, headers: Record<string, string | undefined>): Promise<Response> {
  const defined = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-delivery": randomUUID(), ...defined },
    body,
  });
}

describe("the deployed server (npm start)", () => {
  it("answers a signed push once its scan is queued, then completes one check run", async () => {
    started = await startServer(env(), { handleSignals: false });
    expect(started.configured).toBe(true);
    const sha = fake.repo("jane/churn").latest.sha;
    const body = JSON.stringify(checkSuite("requested", { owner: "jane", repo: "churn", sha }));
    const res = await post(body, { "x-github-event": "check_suite", "x-hub-signature-256": sign(body) });
    expect(res.status).toBe(200);
    await until(() => fake.checkRuns[0]?.status === "completed");
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ repo: "jane/churn", head_sha: sha, name: "Portfolio quality" });
    expect(fake.checkRuns[0]?.output?.title).toMatch(/^Portfolio quality: \d+\/100 \([A-F]\)$/);
    expect(fake.requests[0]?.path).toBe(`/app/installations/${INSTALLATION_ID}/access_tokens`);
  });

  it.each([
    ["a wrong signature", (body: string) => sign(body, "not-the-secret"), 400],
    ["a signature of another body", (body: string) => sign(`${body} `), 400],
    ["no signature", () => undefined, 400],
  ])("%s is answered 400 and makes no API call", async (_, signature, status) => {
    started = await startServer(env(), { handleSignals: false });
    const sha = fake.repo("jane/churn").latest.sha;
    const body = JSON.stringify(checkSuite("requested", { owner: "jane", repo: "churn", sha }));
    const res = await post(body, { "x-github-event": "check_suite", "x-hub-signature-256": signature(body) });
    expect(res.status).toBe(status);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests).toEqual([]);
  });

  it("hands events it does not queue to Probot after answering (the comment command)", async () => {
    started = await startServer(env(), { handleSignals: false });
    const p = example("issue_comment", "created", (x) => x.installation !== undefined);
    p.installation.id = INSTALLATION_ID;
    p.repository.owner.login = "jane";
    p.repository.name = "churn";
    p.repository.full_name = "jane/churn";
    p.comment.body = "/portfolio-quality scan jane/churn";
    p.comment.user.type = "User";
    p.sender.type = "User";
    const body = JSON.stringify(p);
    const res = await post(body, { "x-github-event": "issue_comment", "x-hub-signature-256": sign(body) });
    expect(res.status).toBe(200);
    // Probot's handler runs: it authenticates as the installation and asks who commented.
    await until(() => fake.requests.some((r) => r.path.includes("/collaborators/")));
    expect(fake.requests[0]?.path).toBe(`/app/installations/${INSTALLATION_ID}/access_tokens`);
  });

  it("keeps Probot's other routes: /ping, and 404 for a GET on the webhook path", async () => {
    started = await startServer(env(), { handleSignals: false });
    const ping = await fetch(`http://127.0.0.1:${port}/ping`);
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe("PONG");
    const get = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`);
    expect(get.status).toBe(404);
    expect(fake.requests).toEqual([]);
  });

  it("serves Probot's setup page when there are no credentials", async () => {
    // Probot's setup reads this from the process: no smee.io channel from a test.
    vi.stubEnv("NO_SMEE_SETUP", "true");
    started = await startServer(
      { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "fatal" },
      { handleSignals: false },
    );
    expect(started.configured).toBe(false);
    const page = await fetch(`http://127.0.0.1:${port}/probot`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Register GitHub App/i);
  });
});
