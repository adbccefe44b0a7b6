/**
 * A small fake GitHub API on 127.0.0.1 for tests and benchmarks: repositories from literal
 * trees, the REST routes and the GraphQL query the App and the GitHub source use, every
 * request recorded, and faults on demand (statuses, Retry-After, hanging requests, latency).
 * It answers REST both at `/...` (an Octokit `baseUrl`) and at `/api/v3/...`, and GraphQL at
 * `/graphql` and `/api/graphql`, so Probot started with `GHE_HOST=<host>` and
 * `GHE_PROTOCOL=http` talks to it exactly as it would to GitHub Enterprise.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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

export type { FakeRepoSpec } from "./fake-github-repo.js";
export type { FakeCheckRun, FakeComment, FakeResponse, FakeRoute } from "./fake-github-routes.js";

/** One request as the fake received it, with how it was answered once it was. */
export interface RecordedRequest {
  readonly method: string;
  /** The URL as sent, query included. */
  readonly url: string;
  /** The path without the `/api/v3` prefix or the query, still percent-encoded as sent. */
  readonly path: string;
  readonly route: FakeRoute;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The JSON body parsed, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown;
  /** Undefined while the request is pending (or hanging). */
  status: number | undefined;
  responseBytes: number;
}

/** The name of a GraphQL request's operation (`ReadConfig`, `ListDirectories`, `ReadFiles`), if any. */
export function graphqlOperationOf(request: Pick<RecordedRequest, "route" | "body">): string | undefined {
  if (request.route !== "graphql") return undefined;
  return /^\s*query\s+(\w+)/.exec(String((request.body as { query?: unknown } | undefined)?.query ?? ""))?.[1];
}

/** A fault route matching the GraphQL requests of one operation. */
export function graphqlOperation(name: string): (request: RecordedRequest) => boolean {
  return (request) => graphqlOperationOf(request) === name;
}

/** A failure to inject: the next `times` requests matching `route` get it instead of the real answer. */
export interface Fault {
  readonly route: FakeRoute | ((request: RecordedRequest) => boolean);
  /** Default 500. */
  readonly status?: number;
  /** Default 1; `Infinity` for every request. */
  readonly times?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Default: a GitHub-shaped `{ message, documentation_url }`. */
  readonly body?: unknown;
  /** Sets `Retry-After` (seconds). */
  readonly retryAfter?: number;
  /** Never answer (the request stays open until `close()`). */
  readonly hang?: boolean;
  /** Answer normally, but this much later. */
  readonly delayMs?: number;
}

/** How the fake starts. Everything but `repos` can be changed later on the returned object. */
export interface FakeGitHubOptions {
  /** Repositories by `owner/name`. */
  readonly repos?: Readonly<Record<string, FakeRepoSpec>>;
  /** Delay before every answer (ms), like a network round trip. */
  readonly latencyMs?: number;
  /** Tree answers with more entries are cut and marked `truncated` (default 100,000, as GitHub). */
  readonly truncateAt?: number;
  /**
   * Recursive tree answers whose entries serialise to more bytes are cut too (default 7,000,000:
   * GitHub documents "100,000 entries with a maximum size of 7 MB"; with `url` fields that is
   * roughly 40,000 entries, so large repositories are truncated well before 100,000 files).
   */
  readonly truncateBytes?: number;
  readonly faults?: readonly Fault[];
  /** Paths whose GraphQL alias gets a per-field error (the rest of the query still answers). */
  readonly graphqlErrorPaths?: Iterable<string>;
  readonly appId?: number;
  /** Tried before the built-in routes: return an answer to take over a request. */
  readonly handle?: (request: RecordedRequest) => FakeResponse | undefined;
}

/** A running fake: its address, what it recorded, and controls. */
export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: an Octokit `baseUrl`. */
  readonly url: string;
  /** `127.0.0.1:<port>`: Probot's `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  readonly host: string;
  readonly requests: RecordedRequest[];
  readonly checkRuns: FakeCheckRun[];
  readonly comments: FakeComment[];
  readonly graphqlErrorPaths: Set<string>;
  latencyMs: number;
  truncateAt: number;
  truncateBytes: number;
  /** The repository `owner/name` (throws when the fake does not have it). */
  repo(fullName: string): FakeRepo;
  /** Add a repository, or replace it; returns it (its `latest.sha` is the commit to scan). */
  setRepo(fullName: string, spec: FakeRepoSpec): FakeRepo;
  /** Inject a fault for the next matching requests. */
  fail(fault: Fault): void;
  /** Requests so far on a route (all routes when omitted). */
  count(route?: FakeRoute): number;
  /** Forget recorded requests, check runs and comments (repositories stay). */
  reset(): void;
  /** Stop listening, drop open and hanging connections, cancel pending delays. */
  close(): Promise<void>;
}

interface ArmedFault {
  readonly fault: Fault;
  left: number;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", reject);
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (text === "") return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

/** Start the fake on 127.0.0.1 on a free port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const repos = new Map<string, FakeRepo>();
  let ids = 1000;
  const armed: ArmedFault[] = (options.faults ?? []).map((fault) => ({ fault, left: fault.times ?? 1 }));
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, undefined, errorResponse(500, `fake GitHub crashed: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests: [],
    checkRuns: [],
    comments: [],
    graphqlErrorPaths: new Set(options.graphqlErrorPaths ?? []),
    latencyMs: options.latencyMs ?? 0,
    truncateAt: options.truncateAt ?? 100_000,
    truncateBytes: options.truncateBytes ?? 7_000_000,
    repo(fullName) {
      const repo = repos.get(fullName);
      if (!repo) throw new Error(`fake GitHub has no repository ${fullName}`);
      return repo;
    },
    setRepo(fullName, spec) {
      const repo = new FakeRepo(repos.get(fullName)?.id ?? ids++, fullName, spec);
      repos.set(fullName, repo);
      return repo;
    },
    fail(fault) {
      armed.push({ fault, left: fault.times ?? 1 });
    },
    count(route) {
      return route ? fake.requests.filter((r) => r.route === route).length : fake.requests.length;
    },
    reset() {
      fake.requests.length = 0;
      fake.checkRuns.length = 0;
      fake.comments.length = 0;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  for (const [name, spec] of Object.entries(options.repos ?? {})) fake.setRepo(name, spec);

  const ctx: RouteContext = {
    baseUrl: fake.url,
    repos,
    checkRuns: fake.checkRuns,
    comments: fake.comments,
    get truncateAt() {
      return fake.truncateAt;
    },
    get truncateBytes() {
      return fake.truncateBytes;
    },
    appId: options.appId ?? 1,
    graphqlErrorPaths: fake.graphqlErrorPaths,
    nextId: () => ids++,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", fake.url);
    let path = url.pathname;
    if (path === "/api/graphql") path = "/graphql";
    else if (path.startsWith("/api/v3/") || path === "/api/v3") path = path.slice("/api/v3".length) || "/";
    const body = await readBody(req);
    const query = Object.fromEntries(url.searchParams);
    const base = {
      method,
      url: req.url ?? "/",
      path,
      query,
      headers: req.headers,
      body,
      status: undefined,
      responseBytes: 0,
    };
    let segments: string[];
    try {
      segments = path.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      segments = ["\u0000malformed"];
    }
    const matched = routeRequest(ctx, method, segments, base);
    const recorded: RecordedRequest = { ...base, route: matched.route };
    fake.requests.push(recorded);

    const custom = options.handle?.(recorded);
    const fault = custom
      ? undefined
      : armed.find(
          (a) =>
            a.left > 0 &&
            (typeof a.fault.route === "function" ? a.fault.route(recorded) : a.fault.route === recorded.route),
        );
    if (fault) fault.left--;
    if (fault?.fault.hang) return; // left open on purpose; close() drops it
    const delay = fake.latencyMs + (fault?.fault.delayMs ?? 0);
    if (delay > 0) await sleep(delay);
    let answer: FakeResponse;
    if (custom) answer = custom;
    else if (fault && fault.fault.status === undefined && fault.fault.delayMs !== undefined) answer = matched.answer();
    else if (fault) {
      const f = fault.fault;
      const status = f.status ?? 500;
      const headers: Record<string, string> = { ...f.headers };
      if (f.retryAfter !== undefined) headers["retry-after"] = String(f.retryAfter);
      answer = {
        status,
        headers,
        body: f.body ?? errorResponse(status, status >= 500 ? "Server Error" : "Fault injected by the test").body,
      };
    } else answer = matched.answer();
    send(res, recorded, answer);
  }

  return fake;
}

function send(res: ServerResponse, recorded: RecordedRequest | undefined, answer: FakeResponse): void {
  const payload =
    answer.raw !== undefined
      ? Buffer.from(answer.raw)
      : answer.body === undefined
        ? Buffer.alloc(0)
        : Buffer.from(JSON.stringify(answer.body));
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "x-github-request-id": "FAKE",
    ...answer.headers,
  };
  res.writeHead(answer.status, { ...headers, "content-length": String(payload.length) });
  res.end(payload);
  if (recorded) {
    recorded.status = answer.status;
    recorded.responseBytes = payload.length;
  }
}
