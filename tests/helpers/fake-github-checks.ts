/**
 * Check runs and comments in the fake GitHub API: created, updated (annotations appended as
 * GitHub appends them), listed by commit, and every body kept for assertions.
 */
import type { FakeRepo } from "./fake-github-repo.js";
import type { FakeResponse, RouteContext } from "./fake-github-routes.js";

/** A check run as the fake holds it: the current state and every body sent for it. */
export interface FakeCheckRun {
  readonly id: number;
  readonly repo: string;
  readonly head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  output: Record<string, unknown> | undefined;
  actions: unknown[] | undefined;
  /** Every annotation sent, in order, across the create and update calls. */
  readonly annotations: unknown[];
  /** The create body, then each update body. */
  readonly bodies: unknown[];
}

/** An issue comment posted through the fake. */
export interface FakeComment {
  readonly id: number;
  readonly repo: string;
  readonly issue: number;
  readonly body: string;
}

function invalid(status: number, message: string): FakeResponse {
  return {
    status,
    body: { message, documentation_url: "https://docs.github.com/rest/checks/runs", status: String(status) },
  };
}

/** A check run as GitHub returns it. */
export function runJson(ctx: RouteContext, run: FakeCheckRun): Record<string, unknown> {
  return {
    id: run.id,
    head_sha: run.head_sha,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion,
    output: { ...run.output, annotations_count: run.annotations.length },
    app: { id: ctx.appId, slug: "portfolio-quality" },
    html_url: `${ctx.baseUrl}/${run.repo}/runs/${run.id}`,
  };
}

/** `POST /repos/:o/:r/check-runs`: `name` and `head_sha` are required, as on GitHub. */
export function createRun(ctx: RouteContext, repo: FakeRepo, body: Record<string, unknown>): FakeResponse {
  if (typeof body.name !== "string" || typeof body.head_sha !== "string")
    return invalid(422, "Invalid request. name and head_sha are required.");
  const output = body.output as Record<string, unknown> | undefined;
  const run: FakeCheckRun = {
    id: ctx.nextId(),
    repo: `${repo.owner}/${repo.name}`,
    head_sha: body.head_sha,
    name: body.name,
    status: typeof body.status === "string" ? body.status : body.conclusion ? "completed" : "queued",
    conclusion: typeof body.conclusion === "string" ? body.conclusion : null,
    output,
    actions: body.actions as unknown[] | undefined,
    annotations: [...((output?.annotations as unknown[] | undefined) ?? [])],
    bodies: [body],
  };
  ctx.checkRuns.push(run);
  return { status: 201, body: runJson(ctx, run) };
}

/** `PATCH /repos/:o/:r/check-runs/:id`: later annotations are appended to the earlier ones. */
export function updateRun(ctx: RouteContext, id: number, body: Record<string, unknown>): FakeResponse {
  const run = ctx.checkRuns.find((r) => r.id === id);
  if (!run) return invalid(404, "Not Found");
  run.bodies.push(body);
  if (typeof body.name === "string") run.name = body.name;
  if (typeof body.conclusion === "string") {
    run.conclusion = body.conclusion;
    run.status = "completed";
  }
  if (typeof body.status === "string") run.status = body.status;
  if (body.actions) run.actions = body.actions as unknown[];
  const output = body.output as Record<string, unknown> | undefined;
  if (output) {
    const { annotations, ...rest } = output;
    run.output = { ...run.output, ...rest };
    // GitHub appends the annotations of each update to the ones already there.
    if (Array.isArray(annotations)) run.annotations.push(...annotations);
  }
  return { status: 200, body: runJson(ctx, run) };
}

/** `POST /repos/:o/:r/issues/:n/comments`. */
export function createComment(ctx: RouteContext, repo: FakeRepo, issue: number, body: unknown): FakeResponse {
  const comment = { id: ctx.nextId(), repo: `${repo.owner}/${repo.name}`, issue, body: String(body) };
  ctx.comments.push(comment);
  return { status: 201, body: { id: comment.id, body: comment.body } };
}
