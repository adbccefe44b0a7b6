/**
 * The routes of the fake GitHub API: what each endpoint the App and the GitHub source use
 * answers, shaped like GitHub's own answers (statuses, messages, fields the code reads).
 */
import {
  createComment,
  createRun,
  type FakeCheckRun,
  type FakeComment,
  runJson,
  updateRun,
} from "./fake-github-checks.js";
import { graphqlAnswer } from "./fake-github-graphql.js";
import type { FakeCommit, FakeRepo, FakeTreeEntry } from "./fake-github-repo.js";

export type { FakeCheckRun, FakeComment } from "./fake-github-checks.js";

/** The endpoints the fake knows, by name: faults and assertions refer to them. */
export type FakeRoute =
  | "token"
  | "installation-repos"
  | "repo"
  | "tree"
  | "blob"
  | "ref"
  | "contents"
  | "commit"
  | "branch"
  | "check-run.create"
  | "check-run.update"
  | "check-run.get"
  | "check-run.list"
  | "comment"
  | "graphql"
  | "unknown";

/** An answer: JSON `body`, or `raw` bytes sent as they are. */
export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a route handler may use: the repositories, the recorded state, the options in force. */
export interface RouteContext {
  readonly baseUrl: string;
  readonly repos: ReadonlyMap<string, FakeRepo>;
  readonly checkRuns: FakeCheckRun[];
  readonly comments: FakeComment[];
  readonly truncateAt: number;
  readonly truncateBytes: number;
  readonly appId: number;
  readonly graphqlErrorPaths: ReadonlySet<string>;
  nextId(): number;
}

const DOCS = "https://docs.github.com/rest";

/** A GitHub-shaped error answer. */
export function errorResponse(status: number, message: string): FakeResponse {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } };
}

const notFound = () => errorResponse(404, "Not Found");

/** What `GET /repos/:o/:r` answers. */
export function repoJson(ctx: RouteContext, repo: FakeRepo): Record<string, unknown> {
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner, id: 1, type: "User" },
    private: repo.private,
    default_branch: repo.defaultBranch,
    html_url: `${ctx.baseUrl}/${repo.owner}/${repo.name}`,
  };
}

function treeAnswer(ctx: RouteContext, repo: FakeRepo, rev: string, recursive: boolean): FakeResponse {
  if (repo.empty) return errorResponse(409, "Git Repository is empty.");
  const commit = repo.resolve(rev);
  if (!commit) return notFound();
  const listSha = commit.hasTree(rev) ? rev : commit.sha;
  const entries = commit.list(listSha, recursive) ?? [];
  const base = `${ctx.baseUrl}/repos/${repo.owner}/${repo.name}/git`;
  const withUrl = (e: FakeTreeEntry) => ({
    ...e,
    url: `${base}/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
  });
  const sha = listSha === commit.sha ? commit.treeSha : listSha;
  // GitHub cuts a listing at 100,000 entries, and a recursive one at 7 MB as well.
  const tree: ReturnType<typeof withUrl>[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (tree.length >= ctx.truncateAt) break;
    const served = withUrl(entry);
    bytes += JSON.stringify(served).length + 1;
    if (recursive && bytes > ctx.truncateBytes) break;
    tree.push(served);
  }
  return {
    status: 200,
    body: { sha, url: `${base}/trees/${sha}`, tree, truncated: tree.length < entries.length },
  };
}

function base64Lines(bytes: Uint8Array): string {
  // GitHub wraps base64 content at 60 characters per line.
  return (
    Buffer.from(bytes)
      .toString("base64")
      .match(/.{1,60}/g) ?? []
  ).join("\n");
}

function contentsAnswer(repo: FakeRepo, path: string, ref: string | undefined, accept: string): FakeResponse {
  if (repo.empty) return errorResponse(404, "This repository is empty.");
  const commit = repo.resolve(ref ?? repo.defaultBranch);
  if (!commit) return errorResponse(404, `No commit found for the ref ${ref}`);
  const node = commit.at(path);
  if (!node) return notFound();
  if (node.kind === "tree") return { status: 200, body: commit.directory(path) };
  if (node.kind === "commit") return { status: 200, body: { type: "submodule", path, sha: node.sha } };
  if (/\braw\b/.test(accept))
    return {
      status: 200,
      raw: node.blob.bytes,
      headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
    };
  return {
    status: 200,
    body: {
      type: "file",
      encoding: "base64",
      size: node.blob.size,
      name: path.split("/").pop(),
      path,
      sha: node.blob.sha,
      content: base64Lines(node.blob.bytes),
    },
  };
}

function commitJson(commit: FakeCommit): Record<string, unknown> {
  return { sha: commit.sha, commit: { tree: { sha: commit.treeSha }, message: "fake commit" }, parents: [] };
}

/** The `/repos/:owner/:repo/...` routes; `rest` is what follows the repository name. */
export function repoRoute(
  ctx: RouteContext,
  method: string,
  repo: FakeRepo,
  rest: readonly string[],
  query: Readonly<Record<string, string>>,
  body: unknown,
  accept: string,
): { route: FakeRoute; answer: () => FakeResponse } {
  const [a, b, ...tail] = rest;
  const obj = (body ?? {}) as Record<string, unknown>;
  const joined = [b, ...tail].filter((s) => s !== undefined).join("/");
  if (method === "GET" && a === undefined)
    return { route: "repo", answer: () => ({ status: 200, body: repoJson(ctx, repo) }) };
  if (method === "GET" && a === "git" && b === "trees" && tail.length > 0)
    return { route: "tree", answer: () => treeAnswer(ctx, repo, tail.join("/"), "recursive" in query) };
  if (method === "GET" && a === "git" && b === "blobs" && tail[0]) {
    const blob = repo.blob(tail[0]);
    return {
      route: "blob",
      answer: () =>
        blob
          ? {
              status: 200,
              body: { sha: blob.sha, size: blob.size, encoding: "base64", content: base64Lines(blob.bytes) },
            }
          : notFound(),
    };
  }
  if (method === "GET" && a === "git" && b === "ref" && tail.length > 0) {
    const commit = repo.resolve(tail.join("/"));
    return {
      route: "ref",
      answer: () =>
        commit
          ? { status: 200, body: { ref: `refs/${tail.join("/")}`, object: { sha: commit.sha, type: "commit" } } }
          : notFound(),
    };
  }
  if (method === "GET" && a === "contents")
    return { route: "contents", answer: () => contentsAnswer(repo, joined, query.ref, accept) };
  if (method === "GET" && a === "commits" && b !== undefined && tail.at(-1) === "check-runs") {
    const commit = repo.resolve([b, ...tail.slice(0, -1)].join("/"));
    const runs = ctx.checkRuns.filter(
      (r) =>
        commit &&
        r.head_sha === commit.sha &&
        r.repo === `${repo.owner}/${repo.name}` &&
        (query.check_name === undefined || r.name === query.check_name),
    );
    return {
      route: "check-run.list",
      answer: () => ({
        status: 200,
        body: { total_count: runs.length, check_runs: runs.map((r) => runJson(ctx, r)) },
      }),
    };
  }
  if (method === "GET" && a === "commits" && b !== undefined) {
    const commit = repo.resolve(joined);
    return {
      route: "commit",
      answer: () =>
        repo.empty
          ? errorResponse(409, "Git Repository is empty.")
          : commit
            ? { status: 200, body: commitJson(commit) }
            : errorResponse(422, `No commit found for SHA: ${joined}`),
    };
  }
  if (method === "GET" && a === "branches" && b !== undefined)
    return {
      route: "branch",
      answer: () =>
        joined === repo.defaultBranch && !repo.empty
          ? { status: 200, body: { name: joined, commit: commitJson(repo.latest), protected: false } }
          : errorResponse(404, "Branch not found"),
    };
  if (method === "POST" && a === "check-runs" && b === undefined)
    return { route: "check-run.create", answer: () => createRun(ctx, repo, obj) };
  if (method === "PATCH" && a === "check-runs" && b !== undefined)
    return { route: "check-run.update", answer: () => updateRun(ctx, Number(b), obj) };
  if (method === "GET" && a === "check-runs" && b !== undefined) {
    const run = ctx.checkRuns.find((r) => r.id === Number(b));
    return { route: "check-run.get", answer: () => (run ? { status: 200, body: runJson(ctx, run) } : notFound()) };
  }
  if (method === "POST" && a === "issues" && b !== undefined && tail[0] === "comments")
    return {
      route: "comment",
      answer: () => createComment(ctx, repo, Number(b), obj.body),
    };
  return { route: "unknown", answer: () => errorResponse(404, `Not Found (fake GitHub has no route for ${method})`) };
}

/** The parts of a recorded request routing looks at. */
export interface RouteInput {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: { readonly accept?: string | undefined };
  readonly body: unknown;
}

/** What a request is: the named route and how to answer it (evaluated after faults and latency). */
export function routeRequest(
  ctx: RouteContext,
  method: string,
  segments: readonly string[],
  recorded: RouteInput,
): { route: FakeRoute; answer: () => FakeResponse } {
  const [first, second, third, fourth, ...rest] = segments;
  if (first === "graphql" && segments.length === 1 && method === "POST")
    return { route: "graphql" as const, answer: () => graphqlAnswer(ctx, recorded.body) };
  if (method === "POST" && first === "app" && second === "installations" && fourth === "access_tokens")
    return {
      route: "token" as const,
      answer: (): FakeResponse => ({
        status: 201,
        body: {
          token: `ghs_fake${third}`,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { checks: "write", contents: "read", metadata: "read" },
          repository_selection: "all",
        },
      }),
    };
  if (method === "GET" && first === "installation" && second === "repositories")
    return {
      route: "installation-repos" as const,
      answer: (): FakeResponse => ({
        status: 200,
        body: { total_count: ctx.repos.size, repositories: [...ctx.repos.values()].map((r) => repoJson(ctx, r)) },
      }),
    };
  if (first === "repos" && second && third) {
    const repo = ctx.repos.get(`${second}/${third}`);
    if (repo)
      return repoRoute(
        ctx,
        method,
        repo,
        fourth === undefined ? [] : [fourth, ...rest],
        recorded.query,
        recorded.body,
        String(recorded.headers.accept ?? ""),
      );
    return { route: "repo" as const, answer: () => errorResponse(404, "Not Found") };
  }
  return {
    route: "unknown" as const,
    answer: () => errorResponse(404, `Not Found (fake GitHub: ${method} ${recorded.path})`),
  };
}
