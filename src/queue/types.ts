/**
 * The scan queue's contract: what a queued scan carries, and what both queues (the embedded
 * in-process one and BullMQ on Redis) offer the App. The webhook handler only calls `add`; the
 * worker side is the processor given to `start`.
 */

/** What the queue is asked to do. `install` resolves a default branch's head, then queues its `scan`. */
export type ScanJobKind = "scan" | "install";

/** One queued unit of work; plain JSON, so it survives a restart in Redis. */
export interface ScanJob {
  readonly kind: ScanJobKind;
  /** The installation whose token reads the repository and writes the check run. */
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  /** The commit to score (absent for `install`, which looks it up). */
  readonly sha?: string;
  /** The branch, when the event names one (push scans); null otherwise. */
  readonly ref: string | null;
  /** Score into this existing check run (re-scan button, re-run). */
  readonly checkRunId?: number;
  /** True when a user asked for this scan: never deduplicated against the commit, never superseded. */
  readonly rescan: boolean;
  /** The webhook delivery this job came from (`x-github-delivery`). */
  readonly deliveryId: string;
  /** `check_suite.requested`, `installation.created`... */
  readonly event: string;
  /** When the App received the delivery (ms since the epoch). */
  readonly receivedAt: number;
  /** When GitHub created the check suite (ms since the epoch): orders pushes to one branch. */
  readonly pushedAt?: number;
  /** The App's id from the payload, to recognise its own check runs after a crash. */
  readonly appId?: number;
}

/** Whether `add` queued the job or found the same job already queued or done recently. */
export type AddResult = "queued" | "duplicate";

/** What the processor may do with the job it runs. */
export interface JobHandle {
  /** 1 on the first run; more when the job runs again (a crash, a stalled worker, a retry). */
  readonly attempt: number;
  /** Remember the check run created for this job, so a rerun completes it instead of creating another. */
  rememberCheckRun(id: number): Promise<void>;
  /** The check run remembered by an earlier attempt. */
  readonly checkRunId: number | undefined;
}

/** Runs one job. Throwing makes the queue retry the job later (a few times). */
export type Processor = (job: ScanJob, handle: JobHandle) => Promise<void>;

/** Jobs waiting, running and waiting for a retry. */
export interface QueueDepth {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
}

/** The newest commit queued for a branch, per repository. */
export interface BranchHeads {
  /** Record a queued push; keeps the newer of the stored commit and this one. */
  record(job: ScanJob): Promise<void>;
  /** The commit that superseded `job` (newer and different), if any. */
  supersededBy(job: ScanJob): Promise<string | undefined>;
}

/** A scan queue: `add` from the webhook handler, `start` the workers once, `close` at shutdown. */
export interface ScanQueue {
  /** "memory" or "redis", for logs and metrics. */
  readonly kind: "memory" | "redis";
  readonly heads: BranchHeads;
  /** Queue a job; jobs with the same `jobId` are queued once. */
  add(job: ScanJob): Promise<AddResult>;
  /** Start running jobs with this processor. */
  start(processor: Processor): void;
  depth(): Promise<QueueDepth>;
  /** Resolves once nothing is waiting or running in this process (tests and benchmarks). */
  idle(): Promise<void>;
  /** Stop taking jobs, let running ones finish (up to a limit), release connections. */
  close(): Promise<void>;
}

/**
 * The job's id: one per commit for pushes and first scans (so a redelivery or a second replica
 * finds it already queued), one per delivery for re-scans a user asked for. BullMQ forbids `:`.
 */
export function jobIdOf(job: ScanJob): string {
  const repo = `${job.owner}/${job.repo}`;
  if (job.kind === "install") return `install@${repo}+${job.deliveryId}`;
  if (job.rescan) return `rescan@${repo}@${job.sha ?? ""}+${job.deliveryId}`;
  return `scan@${repo}@${job.sha ?? ""}`;
}
