/**
 * The embedded queue: no set-up, in this process, on Bottleneck (already Probot's dependency)
 * with bounded concurrency and a few retries. Jobs are lost if the process dies: that is what
 * `REDIS_URL` (BullMQ) is for.
 */
import Bottleneck from "bottleneck";
import { RecentScans } from "./recent.js";
import {
  type AddResult,
  type BranchHeads,
  type JobHandle,
  jobIdOf,
  type Processor,
  type QueueDepth,
  type ScanJob,
  type ScanQueue,
} from "./types.js";

/** The order of pushes to a branch: when GitHub created the suite, else when we received it. */
export function pushOrder(job: ScanJob): number {
  return job.pushedAt ?? job.receivedAt;
}

/** The key of a job's branch. */
export function branchKey(job: ScanJob): string {
  return `${job.owner}/${job.repo}#${job.ref ?? ""}`;
}

/** Branch heads in a bounded map (oldest entries dropped first). */
export class MemoryBranchHeads implements BranchHeads {
  private readonly heads = new Map<string, { sha: string; at: number }>();
  constructor(private readonly max = 50_000) {}

  async record(job: ScanJob): Promise<void> {
    if (!job.ref || !job.sha) return;
    const key = branchKey(job);
    const at = pushOrder(job);
    const cur = this.heads.get(key);
    if (cur && cur.at >= at) return;
    this.heads.delete(key);
    this.heads.set(key, { sha: job.sha, at });
    for (const oldest of this.heads.keys()) {
      if (this.heads.size <= this.max) break;
      this.heads.delete(oldest);
    }
  }

  async supersededBy(job: ScanJob): Promise<string | undefined> {
    if (!job.ref || !job.sha) return undefined;
    const cur = this.heads.get(branchKey(job));
    return cur && cur.sha !== job.sha && cur.at > pushOrder(job) ? cur.sha : undefined;
  }
}

/** How the embedded queue runs. */
export interface MemoryQueueOptions {
  /** Jobs running at once (default 100: most of a job's time is waiting for GitHub's pacing). */
  readonly concurrency?: number;
  /** Extra runs of a job that threw (default 2), `retryDelayMs` apart times the attempt. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** Called when a job failed for good. */
  readonly onFailed?: (job: ScanJob, error: unknown) => void;
}

/** In-process scan queue. */
export class MemoryScanQueue implements ScanQueue {
  readonly kind = "memory" as const;
  readonly heads = new MemoryBranchHeads();
  private readonly recent = new RecentScans();
  private readonly limiter: Bottleneck;
  private readonly inFlight = new Set<Promise<void>>();
  private processor: Processor | undefined;
  private started!: () => void;
  private readonly ready = new Promise<void>((resolve) => {
    this.started = resolve;
  });
  private closed = false;

  constructor(private readonly options: MemoryQueueOptions = {}) {
    this.limiter = new Bottleneck({ maxConcurrent: options.concurrency ?? 100 });
    const retries = options.retries ?? 2;
    const delay = options.retryDelayMs ?? 2000;
    this.limiter.on("failed", (_error, info) =>
      info.retryCount < retries ? delay * (info.retryCount + 1) : undefined,
    );
  }

  async add(job: ScanJob): Promise<AddResult> {
    const id = jobIdOf(job);
    if (this.closed || !this.recent.claim(id)) return "duplicate";
    await this.heads.record(job);
    let checkRunId: number | undefined;
    let attempt = 0;
    const run = async () => {
      await this.ready;
      attempt++;
      const handle: JobHandle = {
        attempt,
        get checkRunId() {
          return checkRunId;
        },
        rememberCheckRun: async (runId) => {
          checkRunId = runId;
        },
      };
      await (this.processor as Processor)(job, handle);
    };
    const done: Promise<void> = this.limiter
      .schedule({ id: `${id}#${Date.now()}` }, run)
      .catch((error: unknown) => {
        // Failed for good: a redelivery may try again.
        this.recent.release(id);
        this.options.onFailed?.(job, error);
      })
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return "queued";
  }

  start(processor: Processor): void {
    this.processor = processor;
    this.started();
  }

  async depth(): Promise<QueueDepth> {
    const c = this.limiter.counts();
    return { waiting: (c.RECEIVED ?? 0) + (c.QUEUED ?? 0), active: (c.RUNNING ?? 0) + (c.EXECUTING ?? 0), delayed: 0 };
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.limiter.stop({ dropWaitingJobs: false }).catch(() => undefined);
  }
}
