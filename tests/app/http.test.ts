/**
 * The App over real HTTP on 127.0.0.1, as deployed: Probot's Node middleware in a Node server
 * receives deliveries, and the App talks to a fake GitHub API on loopback. Every request the
 * fake receives is validated against GitHub's OpenAPI description or GraphQL schema.
 */
import { randomUUID } from "node:crypto";
import nock from "nock";
import { createNodeMiddleware } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/index.js";
import { type FakeGitHub, graphqlOperationOf, startFakeGitHub } from "../helpers/fake-github.js";
import { newProbot, sign, startWebhookServer, until, validatingHandle } from "../helpers/probot.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite, INSTALLATION_ID } from "./payloads.js";

let fake: FakeGitHub;
let server: { url: string; close: () => Promise<void> };
let violations: string[];

beforeEach(async () => {
  nock.enableNetConnect("127.0.0.1");
  violations = [];
  fake = await startFakeGitHub({ repos: { "jane/churn": { files: PORTFOLIO } }, handle: validatingHandle(violations) });
  const middleware = await createNodeMiddleware(createApp(), { probot: newProbot(fake.url) });
  server = await startWebhookServer(middleware);
});
afterEach(async () => {
  await server.close();
  await fake.close();
  expect(violations).toEqual([]);
});

function deliver(body: string, signature: string | undefined): Promise<Response> {
  return fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "check_suite",
      "x-github-delivery": randomUUID(),
      ...(signature !== undefined ? { "x-hub-signature-256": signature } : {}),
    },
    body,
  });
}

describe("webhooks over HTTP", () => {
  it("a correctly signed delivery gives a completed check run on the fake GitHub", async () => {
    const sha = fake.repo("jane/churn").latest.sha;
    const body = JSON.stringify(checkSuite("requested", { owner: "jane", repo: "churn", sha }));
    const res = await deliver(body, sign(body));
    expect([200, 202]).toContain(res.status);
    await until(() => fake.checkRuns[0]?.status === "completed");
    expect(fake.checkRuns).toMatchObject([{ repo: "jane/churn", head_sha: sha, name: "Portfolio quality" }]);
    expect(fake.checkRuns[0]?.output?.title).toMatch(/^Portfolio quality: \d+\/100 \([A-F]\)$/);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${graphqlOperationOf(r) ?? ""}`.trim())).toEqual([
      `POST /app/installations/${INSTALLATION_ID}/access_tokens`,
      "POST /repos/jane/churn/check-runs",
      "POST /graphql ReadConfig",
      `GET /repos/jane/churn/git/trees/${sha}`,
      "POST /graphql ReadFiles",
      `PATCH /repos/jane/churn/check-runs/${fake.checkRuns[0]?.id}`,
    ]);
    expect(fake.requests[1]?.headers.authorization).toBe(`token ghs_fake${INSTALLATION_ID}`);
  });

  it.each([
    ["a wrong signature", (body: string) => sign(body, "not-the-secret")],
    ["a signature of another body", (body: string) => sign(`${body} `)],
    ["no signature", () => undefined],
  ])("%s is answered 400 and makes no API call at all", async (_, signature) => {
    const sha = fake.repo("jane/churn").latest.sha;
    const body = JSON.stringify(checkSuite("requested", { owner: "jane", repo: "churn", sha }));
    const res = await deliver(body, signature(body));
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests).toEqual([]);
    expect(fake.checkRuns).toEqual([]);
  });
});
