/**
 * Probot 14 under test: a Probot with throttling and retries off, loading the App, and GitHub
 * mocked with nock (which hooks `fetch`). The mock answers from the fake GitHub's repositories
 * and routes, records every request in order, and validates EVERY request centrally: REST
 * against GitHub's OpenAPI description, GraphQL against GitHub's schema. A request GitHub would
 * reject is answered as GitHub would (422, or GraphQL errors) and fails the test when it ends.
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { onTestFinished } from "vitest";
import { type AppOptions, createApp } from "../../src/index.js";
import { type Fault, graphqlOperationOf, type RecordedRequest } from "./fake-github.js";
import { FakeRepo, type FakeRepoSpec } from "./fake-github-repo.js";
import {
  errorResponse,
  type FakeCheckRun,
  type FakeComment,
  type FakeResponse,
  type FakeRoute,
  type RouteContext,
  routeRequest,
} from "./fake-github-routes.js";
import { graphqlProblems } from "./graphql-schema.js";
import { restRequestProblems } from "./openapi.js";

/** The App's id in tests (the one in `@octokit/webhooks-examples` payloads). */
export const APP_ID = 29310;
/** The webhook secret deliveries are signed with in tests. */
export const WEBHOOK_SECRET = "test-webhook-secret";
/** A throwaway RSA key, so Probot signs real JWTs and asks for real installation tokens. */
export const PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

/** Probot's Octokit without retries or throttling (the callback form: the object form leaves throttling on). */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A Probot for tests, nothing loaded yet. `baseUrl` points it at a fake GitHub on loopback instead of nock. */
export function newProbot(baseUrl?: string): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: WEBHOOK_SECRET,
    Octokit: TestOctokit,
    logLevel: "fatal",
    ...(baseUrl ? { baseUrl } : {}),
  });
}

/** A Probot with the App loaded. */
export async function testProbot(options: AppOptions & { baseUrl?: string } = {}): Promise<Probot> {
  const { baseUrl, ...app } = options;
  const probot = newProbot(baseUrl);
  await probot.load(createApp(app));
  return probot;
}

/** One request the App sent, in order. */
export interface SentRequest {
  readonly method: string;
  /** The path as sent (percent-encoded), without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly route: FakeRoute;
  status?: number;
}

/** GitHub mocked with nock for one test. */
export interface GitHubMock {
  readonly requests: SentRequest[];
  /** What GitHub would have rejected: the test fails at its end unless `expectViolations` took them. */
  readonly violations: string[];
  readonly checkRuns: FakeCheckRun[];
  /** Add or replace a repository; its `latest.sha` is the commit to scan. */
  setRepo(fullName: string, spec: FakeRepoSpec): FakeRepo;
  /** Inject a fault for the next matching requests (same shape as the fake server's). */
  fail(fault: Fault): void;
  /** `METHOD /path` for each request, in order (what most tests compare). */
  /** `METHOD path` per request, with the operation name after a GraphQL one (`POST /graphql ReadFiles`). */
  lines(): string[];
  /** Take the violations so far (for tests of the validation itself). */
  expectViolations(): string[];
}

const HOST = "https://api.github.com";

/** Limits of the mocked Git trees API (GitHub's by default). */
export interface MockOptions {
  /** Tree answers with more entries are cut and marked truncated (default 100,000). */
  readonly truncateAt?: number;
  /** Recursive tree answers over this many bytes are cut too (default 7,000,000). */
  readonly truncateBytes?: number;
}

/** Mock GitHub for the current test; validation and clean-up run when the test finishes. */
export function mockGitHub(repos: Readonly<Record<string, FakeRepoSpec>> = {}, options: MockOptions = {}): GitHubMock {
  nock.disableNetConnect();
  const map = new Map<string, FakeRepo>();
  let ids = 7000;
  const faults: { fault: Fault; left: number }[] = [];
  const hanging: (() => void)[] = [];
  const comments: FakeComment[] = [];
  const mock: GitHubMock = {
    requests: [],
    violations: [],
    checkRuns: [],
    setRepo(fullName, spec) {
      const repo = new FakeRepo(map.get(fullName)?.id ?? ids++, fullName, spec);
      map.set(fullName, repo);
      return repo;
    },
    fail(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    lines: () =>
      mock.requests.map((r) => {
        const operation = graphqlOperationOf(r);
        return `${r.method} ${r.path}${operation ? ` ${operation}` : ""}`;
      }),
    expectViolations: () => mock.violations.splice(0),
  };
  for (const [name, spec] of Object.entries(repos)) mock.setRepo(name, spec);
  const ctx: RouteContext = {
    baseUrl: HOST,
    repos: map,
    checkRuns: mock.checkRuns,
    comments,
    truncateAt: options.truncateAt ?? 100_000,
    truncateBytes: options.truncateBytes ?? 7_000_000,
    appId: APP_ID,
    graphqlErrorPaths: new Set(),
    nextId: () => ids++,
  };

  const answer = async (method: string, uri: string, body: unknown, headers: Record<string, string>) => {
    const url = new URL(uri, HOST);
    const query = Object.fromEntries(url.searchParams);
    const sent = body === "" ? undefined : body;
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const routed = routeRequest(ctx, method, segments, { path: url.pathname, query, headers, body: sent });
    const request: SentRequest = { method, path: url.pathname, query, headers, body: sent, route: routed.route };
    mock.requests.push(request);
    const isGraphql = routed.route === "graphql";
    const problems = problemsOf(request);
    let reply: FakeResponse;
    if (problems.length > 0) {
      mock.violations.push(...problems);
      reply = isGraphql
        ? { status: 200, body: { errors: problems.map((message) => ({ message })) } }
        : { status: 422, body: { message: "Validation Failed", errors: problems } };
    } else reply = await faulted(request, routed.answer);
    request.status = reply.status;
    const replyHeaders: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      ...reply.headers,
    };
    const payload =
      reply.raw !== undefined ? Buffer.from(reply.raw) : reply.body === undefined ? "" : JSON.stringify(reply.body);
    return [reply.status, payload, replyHeaders] as const;
  };

  const faulted = async (request: SentRequest, normal: () => FakeResponse): Promise<FakeResponse> => {
    const armed = faults.find(
      (a) =>
        a.left > 0 &&
        (typeof a.fault.route === "function" ? a.fault.route(request as never) : a.fault.route === request.route),
    );
    if (!armed) return normal();
    armed.left--;
    const f = armed.fault;
    if (f.hang) await new Promise<void>((resolve) => hanging.push(resolve));
    if (f.delayMs) await new Promise((resolve) => setTimeout(resolve, f.delayMs));
    if (f.status === undefined && !f.hang) return normal();
    const status = f.status ?? 500;
    const headers: Record<string, string> = { ...f.headers };
    if (f.retryAfter !== undefined) headers["retry-after"] = String(f.retryAfter);
    return {
      status,
      headers,
      body: f.body ?? errorResponse(status, status >= 500 ? "Server Error" : "Fault injected by the test").body,
    };
  };

  const scope = nock(HOST).persist();
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"])
    scope
      .intercept(() => true, method)
      .query(true)
      .reply(async function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
        return answer(method, uri, body, this.req.headers);
      });

  onTestFinished(() => {
    for (const release of hanging) release();
    nock.cleanAll();
    if (mock.violations.length > 0)
      throw new Error(`The App sent requests GitHub would reject:\n  ${mock.violations.join("\n  ")}`);
  });
  return mock;
}

/** What GitHub would say to a request the fake GitHub server received: undefined when it is valid. */
export function problemsOf(request: Pick<RecordedRequest, "method" | "path" | "query" | "body" | "route">): string[] {
  return request.route === "graphql"
    ? graphqlProblems((request.body ?? {}) as Record<string, unknown>)
    : restRequestProblems({ method: request.method, path: request.path, query: request.query, body: request.body });
}

/**
 * A `handle` for `startFakeGitHub` that validates every request like the nock mock does: the
 * problems go to `violations` and the request is answered as GitHub would answer it.
 */
export function validatingHandle(violations: string[]): (request: RecordedRequest) => FakeResponse | undefined {
  return (request) => {
    const problems = problemsOf(request);
    if (problems.length === 0) return undefined;
    violations.push(...problems);
    return request.route === "graphql"
      ? { status: 200, body: { errors: problems.map((message) => ({ message })) } }
      : { status: 422, body: { message: "Validation Failed", errors: problems } };
  };
}

/** The `x-hub-signature-256` GitHub puts on a delivery. */
export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Probot's middleware in a plain Node server on 127.0.0.1 (a free port). */
export async function startWebhookServer(
  middleware: (req: never, res: never, next?: () => void) => unknown,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (middleware as (a: unknown, b: unknown, next: () => void) => unknown)(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Wait until `done()` holds, polling every 20 ms; throws after `ms`. */
export async function until(done: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
