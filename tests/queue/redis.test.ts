/**
 * BullMQ on a real Redis: a commit is queued once across replicas, queued jobs survive the App
 * going away, and a job run again remembers the check run its first attempt created.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisScanQueue } from "../../src/queue/redis.js";
import type { JobHandle, ScanJob } from "../../src/queue/types.js";
import { hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";

const available = hasRedisServer();
if (!available) console.warn("redis-server is not installed: the Redis queue tests are skipped (.ci/run installs it).");

let redis: TestRedis;
let names = 0;
beforeAll(async () => {
  if (available) redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

function job(sha: string, extra: Partial<ScanJob> = {}): ScanJob {
  return {
    kind: "scan",
    installationId: 1,
    owner: "octo",
    repo: "app",
    sha,
    ref: "main",
    rescan: false,
    deliveryId: `d-${sha}`,
    event: "check_suite.requested",
    receivedAt: Date.now(),
    ...extra,
  };
}

/** A queue on its own BullMQ queue name, so the tests do not see each other's jobs. */
function queue(name: string, lockDurationMs?: number): RedisScanQueue {
  return new RedisScanQueue({ url: redis.url, name, concurrency: 4, ...(lockDurationMs ? { lockDurationMs } : {}) });
}

describe.skipIf(!available)("the Redis scan queue", () => {
  it("queues a commit once, whichever replica receives it", async () => {
    const name = `dedupe-${names++}`;
    const a = queue(name);
    const b = queue(name);
    try {
      expect(await a.add(job("aaa"))).toBe("queued");
      expect(await b.add(job("aaa", { deliveryId: "redelivered" }))).toBe("duplicate");
      // A re-scan the user asked for is never a duplicate.
      expect(await b.add(job("aaa", { rescan: true, deliveryId: "button" }))).toBe("queued");
      const ran: string[] = [];
      const processor = async (j: ScanJob) => {
        ran.push(`${j.sha}:${j.rescan}`);
      };
      a.start(processor);
      b.start(processor);
      await a.idle();
      expect(ran.sort()).toEqual(["aaa:false", "aaa:true"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps queued jobs when the App stops, and the next process runs them", async () => {
    const name = `restart-${names++}`;
    const first = queue(name);
    for (const sha of ["s1", "s2", "s3"]) expect(await first.add(job(sha, { ref: `b-${sha}` }))).toBe("queued");
    await first.close();
    const next = queue(name);
    try {
      const ran: string[] = [];
      next.start(async (j) => {
        ran.push(j.sha ?? "");
      });
      await next.idle();
      expect(ran.sort()).toEqual(["s1", "s2", "s3"]);
    } finally {
      await next.close();
    }
  });

  it("gives a retried job the check run its first attempt created", async () => {
    const name = `retry-${names++}`;
    const q = queue(name);
    try {
      const seen: { attempt: number; checkRunId: number | undefined }[] = [];
      q.start(async (_j: ScanJob, handle: JobHandle) => {
        seen.push({ attempt: handle.attempt, checkRunId: handle.checkRunId });
        if (handle.attempt === 1) {
          await handle.rememberCheckRun(4242);
          throw new Error("GitHub went away mid-scan");
        }
      });
      await q.add(job("retry"));
      await q.idle();
      expect(seen).toEqual([
        { attempt: 1, checkRunId: undefined },
        { attempt: 2, checkRunId: 4242 },
      ]);
    } finally {
      await q.close();
    }
  }, 20_000);

  it("knows which push superseded a commit on the same branch", async () => {
    const q = queue(`heads-${names++}`);
    try {
      // Branch heads are per repository and branch, shared by every replica.
      const older = job("old", { repo: "heads", pushedAt: 1_000 });
      const newer = job("new", { repo: "heads", pushedAt: 2_000 });
      await q.heads.record(older);
      await q.heads.record(newer);
      await q.heads.record(older); // late delivery of the older push changes nothing
      expect(await q.heads.supersededBy(older)).toBe("new");
      expect(await q.heads.supersededBy(newer)).toBeUndefined();
      expect(await q.depth()).toEqual({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      await q.close();
    }
  });
});
