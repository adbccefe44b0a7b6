/** The scan queue the App runs on: BullMQ on Redis when `REDIS_URL` is set, else the embedded one. */
import { MemoryScanQueue } from "./memory.js";
import { RedisScanQueue } from "./redis.js";
import type { ScanJob, ScanQueue } from "./types.js";

export { MemoryScanQueue } from "./memory.js";
export { RedisScanQueue } from "./redis.js";
export * from "./types.js";

/** What chooses and sizes the queue (the environment, in production). */
export interface QueueSettings {
  readonly redisUrl?: string | undefined;
  /** Jobs running at once per process (SCAN_JOBS, default 100). */
  readonly concurrency?: number | undefined;
  readonly onFailed?: (job: ScanJob | undefined, error: unknown) => void;
}

/** The queue for these settings. */
export function createScanQueue(settings: QueueSettings): ScanQueue {
  const concurrency = settings.concurrency && settings.concurrency > 0 ? settings.concurrency : undefined;
  const onFailed = settings.onFailed;
  if (settings.redisUrl)
    return new RedisScanQueue({
      url: settings.redisUrl,
      ...(concurrency ? { concurrency } : {}),
      ...(onFailed ? { onFailed: (job: ScanJob | undefined, error: unknown) => onFailed(job, error) } : {}),
    });
  return new MemoryScanQueue({ ...(concurrency ? { concurrency } : {}), ...(onFailed ? { onFailed } : {}) });
}
