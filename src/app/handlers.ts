/**
 * Webhook events to queued jobs. A handler only reads its payload and queues the work, so the
 * delivery is answered as soon as its signature is verified and the job is queued; the scan
 * runs afterwards on the queue (src/app/worker.ts). Handlers take a `Delivery`, which both
 * Probot's `Context` and the deployed App's intake (src/app/intake.ts) provide.
 */
import type { ScanJob, ScanQueue } from "../queue/types.js";
import { CHECK_NAME, RESCAN_ACTION } from "./check-run.js";
import type { Delivery } from "./intake.js";
import type { AppMetrics } from "./metrics.js";

/** Repositories scanned per installation event; the rest get their first scan on their next push. */
export const MAX_REPOS_PER_INSTALL_EVENT = 10;

/** What the handlers need. */
export interface HandlerDeps {
  readonly queue: ScanQueue;
  readonly metrics: AppMetrics;
  /** Told of each delivery as it arrives (the workers give way to a burst). */
  readonly received?: () => void;
}

/** The part of any scan event's delivery that queuing reads. */
type AnyContext = Omit<Delivery<"check_suite.requested">, "payload"> & {
  readonly payload: { readonly action?: string; readonly installation?: { readonly id: number } | null };
};

type JobFields = Omit<ScanJob, "installationId" | "deliveryId" | "event" | "receivedAt">;

function eventName(context: AnyContext): string {
  const action = (context.payload as { action?: string }).action;
  return action ? `${context.name}.${action}` : context.name;
}

async function enqueue(deps: HandlerDeps, context: AnyContext, fields: JobFields): Promise<void> {
  deps.received?.();
  const installationId = context.payload.installation?.id;
  const event = eventName(context);
  if (installationId === undefined) {
    deps.metrics.deliveries.inc({ event, result: "ignored" });
    context.log.warn({ event }, "delivery without an installation: nothing to scan with");
    return;
  }
  const job: ScanJob = { ...fields, installationId, deliveryId: context.id, event, receivedAt: Date.now() };
  const result = await deps.queue.add(job);
  deps.metrics.deliveries.inc({ event, result });
  context.log.info(
    {
      deliveryId: context.id,
      installation: installationId,
      repo: `${job.owner}/${job.repo}`,
      ...(job.sha ? { sha: job.sha } : {}),
      kind: job.kind,
      result,
    },
    result === "queued" ? "scan queued" : "commit already queued or scanned recently: skipped",
  );
}

function time(iso: string | null | undefined): number | undefined {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** `check_suite.requested`: a push. One check run per commit, even if the event comes twice. */
export async function onCheckSuiteRequested(
  deps: HandlerDeps,
  context: Delivery<"check_suite.requested">,
): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  const pushedAt = time(suite.created_at);
  await enqueue(deps, context, {
    kind: "scan",
    owner: repository.owner.login,
    repo: repository.name,
    sha: suite.head_sha,
    ref: suite.head_branch,
    rescan: false,
    ...(pushedAt !== undefined ? { pushedAt } : {}),
    ...(suite.app?.id ? { appId: suite.app.id } : {}),
  });
}

/** `check_suite.rerequested`: "Re-run all checks". Always scans again. */
export async function onCheckSuiteRerequested(
  deps: HandlerDeps,
  context: Delivery<"check_suite.rerequested">,
): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  await enqueue(deps, context, {
    kind: "scan",
    owner: repository.owner.login,
    repo: repository.name,
    sha: suite.head_sha,
    ref: suite.head_branch,
    rescan: true,
  });
}

/** `check_run.rerequested` and the Re-scan button: scan again into the same check run. */
export async function onCheckRunRescan(
  deps: HandlerDeps,
  context: Delivery<"check_run.rerequested" | "check_run.requested_action">,
): Promise<void> {
  const { check_run: run, repository } = context.payload;
  // GitHub sends these only for the App's own check runs; the name guards against a future second one.
  if (run.name !== CHECK_NAME) return;
  if (context.payload.action === "requested_action" && context.payload.requested_action?.identifier !== RESCAN_ACTION)
    return;
  await enqueue(deps, context, {
    kind: "scan",
    owner: repository.owner.login,
    repo: repository.name,
    sha: run.head_sha,
    ref: run.check_suite?.head_branch ?? null,
    checkRunId: run.id,
    rescan: true,
  });
}

/** `installation.created` / `installation_repositories.added`: a first scan of each default branch. */
export async function onInstalled(
  deps: HandlerDeps,
  context: Delivery<"installation.created" | "installation_repositories.added">,
): Promise<void> {
  const payload = context.payload;
  const repos = ("repositories_added" in payload ? payload.repositories_added : payload.repositories) ?? [];
  const owner =
    payload.installation.account && "login" in payload.installation.account
      ? payload.installation.account.login
      : undefined;
  if (repos.length > MAX_REPOS_PER_INSTALL_EVENT)
    context.log.info(
      { repositories: repos.length, cap: MAX_REPOS_PER_INSTALL_EVENT },
      "installation covers more repositories than the first-scan cap: the rest are scanned on their next push",
    );
  for (const r of repos.slice(0, MAX_REPOS_PER_INSTALL_EVENT)) {
    const [login, name] = r.full_name.includes("/")
      ? (r.full_name.split("/") as [string, string])
      : [owner ?? "", r.name];
    // The worker resolves the default branch's head, then queues that commit like a push.
    await enqueue(deps, context, {
      kind: "install",
      owner: login,
      repo: name,
      ref: null,
      rescan: false,
      ...(payload.installation.app_id ? { appId: payload.installation.app_id } : {}),
    });
  }
}
