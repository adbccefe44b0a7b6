/**
 * The scan queue on Redis (REDIS_URL), with BullMQ: jobs are in Redis before the webhook is
 * answered, so a crash or a restart loses none (a job whose worker died is found stalled and
 * run again); every replica adds to and works from the same queue. One commit is queued once
 * across replicas: a `SET NX` on the job id for 15 minutes answers "duplicate" at once, and
 * BullMQ's own job id guards the same commit again.
 */
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { branchKey, pushOrder } from "./memory.js";
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

/** How long a commit counts as already queued (as the embedded queue's memory of recent scans). */
const DEDUPE_SECONDS = 15 * 60;
const HEAD_SECONDS = 24 * 3600;
const ATTEMPTS = 3;

// Keep the newer of the stored head and this one: "<order> <sha>".
const RECORD_HEAD = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local at = tonumber(string.match(cur, '^(%d+)'))
  if at and at >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'EX', ARGV[3])
return 1`;

/** Branch heads in Redis, shared by the replicas. */
export class RedisBranchHeads implements BranchHeads {
  constructor(private readonly redis: Redis) {}

  async record(job: ScanJob): Promise<void> {
    if (!job.ref || !job.sha) return;
    await this.redis.eval(RECORD_HEAD, 1, `pq:head:${branchKey(job)}`, String(pushOrder(job)), job.sha, HEAD_SECONDS);
  }

  async supersededBy(job: ScanJob): Promise<string | undefined> {
    if (!job.ref || !job.sha) return undefined;
    const cur = await this.redis.get(`pq:head:${branchKey(job)}`);
    const m = cur ? /^(\d+) (\S+)$/.exec(cur) : null;
    return m && m[2] !== job.sha && Number(m[1]) > pushOrder(job) ? m[2] : undefined;
  }
}

/** How the Redis queue runs. */
export interface RedisQueueOptions {
  readonly url: string;
  /** Jobs running at once in this process (default 100). */
  readonly concurrency?: number;
  /** BullMQ queue name (default "scans", under the prefix "pq"). */
  readonly name?: string;
  /** A job whose worker stopped renewing its lock for this long is run again (default 20 s). */
  readonly lockDurationMs?: number;
  readonly onFailed?: (job: ScanJob | undefined, error: unknown, final: boolean) => void;
}

/** The scan queue on Redis. */
export class RedisScanQueue implements ScanQueue {
  readonly kind = "redis" as const;
  readonly heads: RedisBranchHeads;
  /** Commands (dedupe, heads, pauses, Bottleneck); shared with the pacer. */
  readonly redis: Redis;
  private readonly queue: Queue<ScanJob>;
  private readonly name: string;
  private worker: Worker<ScanJob> | undefined;
  private readonly workerConnection: Redis;
  private readonly queueConnection: Redis;

  constructor(private readonly options: RedisQueueOptions) {
    this.name = options.name ?? "scans";
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 3, lazyConnect: false });
    // A blocking worker connection must retry forever (BullMQ requires maxRetriesPerRequest: null).
    this.workerConnection = new Redis(options.url, { maxRetriesPerRequest: null });
    // BullMQ gets connections of its own: it adjusts their listeners, which other users upset.
    this.queueConnection = new Redis(options.url, { maxRetriesPerRequest: 3 });
    this.heads = new RedisBranchHeads(this.redis);
    this.queue = new Queue<ScanJob>(this.name, {
      connection: this.queueConnection,
      prefix: "pq",
      defaultJobOptions: {
        attempts: ATTEMPTS,
        backoff: { type: "exponential", delay: 2000 },
        removeOnComplete: { age: DEDUPE_SECONDS, count: 10_000 },
        removeOnFail: { age: 24 * 3600 },
      },
    });
  }

  async add(job: ScanJob): Promise<AddResult> {
    const id = jobIdOf(job);
    const claimed = await this.redis.set(`pq:dedupe:${id}`, String(job.receivedAt), "EX", DEDUPE_SECONDS, "NX");
    if (claimed !== "OK") return "duplicate";
    try {
      await this.heads.record(job);
      await this.queue.add(job.kind, job, { jobId: id });
      return "queued";
    } catch (error) {
      await this.redis.del(`pq:dedupe:${id}`).catch(() => undefined);
      throw error;
    }
  }

  start(processor: Processor): void {
    const lockDuration = this.options.lockDurationMs ?? 20_000;
    this.worker = new Worker<ScanJob>(
      this.name,
      async (job) => {
        const handle: JobHandle = {
          attempt: job.attemptsStarted,
          checkRunId: (job.data as ScanJob & { checkRunIdSeen?: number }).checkRunIdSeen,
          rememberCheckRun: async (runId) => {
            await job.updateData({ ...job.data, checkRunIdSeen: runId } as ScanJob);
          },
        };
        await processor(job.data, handle);
      },
      {
        connection: this.workerConnection,
        prefix: "pq",
        concurrency: this.options.concurrency ?? 100,
        lockDuration,
        stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
        maxStalledCount: 2,
      },
    );
    this.worker.on("failed", (job, error) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      // Failed for good: let a redelivery of the same commit queue it again.
      if (final && job?.id) void this.redis.del(`pq:dedupe:${job.id}`).catch(() => undefined);
      this.options.onFailed?.(job?.data, error, final);
    });
    this.worker.on("error", (error) => this.options.onFailed?.(undefined, error, false));
  }

  async depth(): Promise<QueueDepth> {
    const c = await this.queue.getJobCounts("waiting", "active", "delayed", "prioritized");
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
    };
  }

  async idle(): Promise<void> {
    for (;;) {
      const d = await this.depth();
      if (d.waiting + d.active + d.delayed === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    // Running jobs get 10 s to finish; the rest stay in Redis and another replica (or the next start) runs them.
    if (this.worker) {
      const closing = this.worker.close();
      const late = await Promise.race([
        closing.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 10_000).unref()),
      ]);
      if (late) await this.worker.close(true);
    }
    await this.queue.close();
    this.workerConnection.disconnect();
    this.queueConnection.disconnect();
    await this.redis.quit().catch(() => undefined);
  }
}
