/**
 * The App under load and faults, as deployed: `npm start` (Probot, APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT, GHE_HOST=127.0.0.1:<fake>, GHE_PROTOCOL=http) against the fake GitHub API
 * of the tests on 127.0.0.1 with 50 ms latency per request. Scenarios (SCENARIOS=...):
 *
 * - burst100: 100 deliveries across 10 installations, embedded queue;
 * - burst200: 200 deliveries at once across 20 installations, embedded queue;
 * - spread200: the same 200 sent evenly over one second;
 * - crash: REDIS_URL; 100 deliveries, the App SIGKILLed mid-burst and started again;
 * - replicas: REDIS_URL; two App processes, every delivery sent to both;
 * - faults: 5xx bursts, 403 secondary limits with Retry-After, 429, an exhausted primary limit,
 *   a request that never answers, a truncated tree; logs at debug level scanned for secrets.
 *
 * Each checks: every commit has exactly one check run, completed; and reports webhook answer
 * times, delivery-to-completed times, requests, writes and the App's peak RSS.
 * Run: `npm run bench:load` (LATENCY_MS=50, SCENARIOS=burst100,burst200,crash,replicas,faults).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PORTFOLIO } from "../tests/app/fixtures.js";
import { type FakeGitHub, startFakeGitHub } from "../tests/helpers/fake-github.js";
import { runFaults } from "./load-faults.js";
import {
  type AppProcess,
  deliver,
  KEY,
  type Push,
  percentile,
  pushDelivery,
  SECRET,
  sleep,
  startApp,
  startFloorServer,
  startRedis,
  until,
} from "./load-harness.js";

const root = resolve(import.meta.dirname, "..", "..");
const latencyMs = Number(process.env.LATENCY_MS ?? 50);
/** Deliveries sent (and scanned) before a measured burst, to a separate installation. */
const WARM_UP = Number(process.env.WARM_UP ?? 20);
/** Bursts per burst scenario (each after the previous one's scans completed); p99 is quoted per round and as the median. */
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
const scenarios = (process.env.SCENARIOS ?? "burst100,burst200,spread200,crash,replicas,faults").split(",");

const results: Record<string, unknown> = {
  latencyMs,
  warmUp: WARM_UP,
  node: process.version,
  at: new Date().toISOString(),
};

/** `n` pushes spread over `installations`, round robin, each to its own repository and branch. */
function pushes(fake: FakeGitHub, tag: string, installations: number, n: number): Push[] {
  return Array.from({ length: n }, (_, i) => {
    const installation = 1000 + (i % installations);
    const owner = `org-${installation}`;
    const repo = `${tag}-${i}`;
    const sha = fake.setRepo(`${owner}/${repo}`, { files: { ...PORTFOLIO, "NOTES.md": `# ${tag} ${i}\n` } }).latest.sha;
    return { installation, owner, repo, sha, branch: "main" };
  });
}

/** When each repository's check run was first seen completed (ms, performance clock). */
function watchCompletions(fake: FakeGitHub): { done: Map<string, number>; stop: () => void } {
  const done = new Map<string, number>();
  const timer = setInterval(() => {
    for (const r of fake.checkRuns)
      if (r.status === "completed" && !done.has(`${r.repo}@${r.head_sha}`))
        done.set(`${r.repo}@${r.head_sha}`, performance.now());
  }, 10);
  return { done, stop: () => clearInterval(timer) };
}

/** One check run per commit, every one completed: the problems found. */
function integrity(fake: FakeGitHub, all: readonly Push[]): string[] {
  const problems: string[] = [];
  for (const p of all) {
    const runs = fake.checkRuns.filter((r) => r.repo === `${p.owner}/${p.repo}` && r.head_sha === p.sha);
    if (runs.length !== 1) problems.push(`${p.owner}/${p.repo}: ${runs.length} check runs`);
    else if (runs[0]?.status !== "completed") problems.push(`${p.owner}/${p.repo}: left ${runs[0]?.status}`);
  }
  return problems;
}

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

function timing(values: readonly number[]) {
  return {
    p50: round(percentile(values, 50), 1),
    p95: round(percentile(values, 95), 1),
    p99: round(percentile(values, 99), 1),
    max: round(Math.max(...values), 1),
  };
}

function writesOf(fake: FakeGitHub): { creates: number; updates: number; perRun: number } {
  const creates = fake.requests.filter((r) => r.route === "check-run.create").length;
  const updates = fake.requests.filter((r) => r.route === "check-run.update").length;
  return { creates, updates, perRun: round((creates + updates) / Math.max(1, fake.checkRuns.length), 2) };
}

/** Send every push at once (or evenly over `spreadMs`); returns answer times (ms) and statuses. */
async function burst(
  app: Pick<AppProcess, "port">,
  all: readonly Push[],
  spreadMs = 0,
): Promise<{ ms: number[]; statuses: number[]; sentAt: number }> {
  // Signed bodies first: building them between the requests would time the client, not the App.
  const bodies = all.map((p) => pushDelivery(p));
  const sentAt = performance.now();
  const answers = await Promise.all(
    bodies.map((d, i) =>
      spreadMs > 0 ? sleep((i * spreadMs) / bodies.length).then(() => deliver(app.port, d)) : deliver(app.port, d),
    ),
  );
  return { ms: answers.map((a) => a.ms), statuses: answers.map((a) => a.status), sentAt };
}

/** The answer-time p99s of several bursts and their median. */
function p99s(rounds: readonly (readonly number[])[]) {
  const each = rounds.map((ms) => round(percentile(ms, 99), 1));
  return { p99ByRound: each, p99Median: round(percentile(each, 50), 1) };
}

async function plainBurst(fake: FakeGitHub, tag: string, installations: number, n: number, spreadMs = 0) {
  fake.reset();
  const rounds = Array.from({ length: ROUNDS }, (_, r) =>
    pushes(fake, r === 0 ? tag : `${tag}-r${r}`, installations, n),
  );
  const all = rounds.flat();
  const warm = pushes(fake, `${tag}-warm`, 1, WARM_UP);
  const app = await startApp(fake);
  const watch = watchCompletions(fake);
  try {
    // A long-running App has its code compiled by the JIT: a few deliveries first, not counted.
    if (WARM_UP > 0) {
      const cold = await burst(app, warm);
      results.coldAnswerMs = { ...(results.coldAnswerMs as object), [tag]: timing(cold.ms) };
      await until(
        "the warm-up scans",
        () => warm.every((p) => watch.done.has(`${p.owner}/${p.repo}@${p.sha}`)),
        120_000,
      );
      for (const p of warm) watch.done.delete(`${p.owner}/${p.repo}@${p.sha}`);
    }
    // Each round is a fresh burst once the previous one's scans have all completed.
    const answers: number[][] = [];
    const statuses: number[] = [];
    const toCompleted: number[] = [];
    let firstRoundRssMb = 0;
    for (const batch of rounds) {
      const sent = await burst(app, batch, spreadMs);
      answers.push(sent.ms);
      statuses.push(...sent.statuses);
      await until(
        `${n} completed check runs`,
        () => batch.every((p) => watch.done.has(`${p.owner}/${p.repo}@${p.sha}`)),
        180_000,
      );
      // From each delivery's own sending (they go out together, or evenly over `spreadMs`).
      toCompleted.push(
        ...batch.map(
          (p, i) =>
            ((watch.done.get(`${p.owner}/${p.repo}@${p.sha}`) as number) - sent.sentAt - (i * spreadMs) / n) / 1000,
        ),
      );
      if (firstRoundRssMb === 0) firstRoundRssMb = app.peakRssMb();
    }
    await sleep(500); // anything left to send (a duplicate) would show now
    return {
      deliveries: n,
      rounds: ROUNDS,
      installations,
      spreadMs,
      answered: statuses.filter((s) => s >= 200 && s < 300).length,
      webhookAnswerMs: { ...timing(answers.flat()), ...p99s(answers) },
      deliveryToCompletedS: timing(toCompleted),
      completed: all.filter((p) => watch.done.has(`${p.owner}/${p.repo}@${p.sha}`)).length,
      problems: integrity(fake, all),
      writes: writesOf(fake),
      requests: fake.requests.length,
      // The App's peak over the first burst (the scenario as specified), and over every round.
      peakRssMb: firstRoundRssMb,
      peakRssMbAllRounds: app.peakRssMb(),
    };
  } finally {
    watch.stop();
    await app.stop();
  }
}

/**
 * The floor under the webhook answer times: the same bursts answered by a bare `node:http`
 * server that only checks the signature and parses the body (bench/floor-server.ts), so
 * the client and this machine's connection handling are measured without the App.
 */
async function floor(n: number, installations: number) {
  const server = await startFloorServer();
  try {
    const mk = (tag: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        installation: 1000 + (i % installations),
        owner: `org-${1000 + (i % installations)}`,
        repo: `${tag}-${i}`,
        sha: "f".repeat(40),
        branch: "main",
      }));
    await burst(server, mk("floor-warm", WARM_UP));
    const answers: number[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      answers.push((await burst(server, mk(`floor-${r}`, n))).ms);
      await sleep(300);
    }
    return { deliveries: n, rounds: ROUNDS, webhookAnswerMs: { ...timing(answers.flat()), ...p99s(answers) } };
  } finally {
    await server.stop();
  }
}

async function crash(fake: FakeGitHub) {
  fake.reset();
  const redis = await startRedis();
  const all = pushes(fake, "crash", 10, 100);
  let app = await startApp(fake, { REDIS_URL: redis.url });
  const watch = watchCompletions(fake);
  try {
    const { ms, sentAt } = await burst(app, all);
    await until("a fifth of the scans completed", () => watch.done.size >= 20, 120_000);
    const before = watch.done.size;
    const inProgress = fake.checkRuns.filter((r) => r.status !== "completed").length;
    app.kill();
    const killedAt = performance.now();
    await sleep(500);
    app = await startApp(fake, { REDIS_URL: redis.url });
    let timedOut = false;
    await until("every queued scan completed after the restart", () => watch.done.size >= all.length, 180_000).catch(
      () => {
        timedOut = true;
      },
    );
    await sleep(1000);
    if (timedOut)
      console.error(
        `crash: ${watch.done.size}/${all.length} completed; App said:\n${app.lines
          .filter((l) => /"level":(40|50|60)/.test(l))
          .slice(-15)
          .map((l) => l.slice(0, 400))
          .join("\n")}`,
      );
    return {
      deliveries: all.length,
      webhookAnswerMs: timing(ms),
      completedBeforeKill: before,
      inProgressAtKill: inProgress,
      recoveredInS: round((performance.now() - killedAt) / 1000, 1),
      deliveryToCompletedS: timing([...watch.done.values()].map((t) => (t - sentAt) / 1000)),
      problems: integrity(fake, all),
      writes: writesOf(fake),
      rescans: fake.requests.filter((r) => r.route === "check-run.list").length,
    };
  } finally {
    watch.stop();
    await app.stop();
    redis.stop();
  }
}

async function replicas(fake: FakeGitHub) {
  fake.reset();
  const redis = await startRedis();
  const all = pushes(fake, "replica", 10, 100);
  const a = await startApp(fake, { REDIS_URL: redis.url });
  const b = await startApp(fake, { REDIS_URL: redis.url });
  const watch = watchCompletions(fake);
  try {
    // Every commit reaches both replicas (two events racing, or a redelivery to the other one).
    const bodies = all.flatMap((p) => [pushDelivery(p), pushDelivery(p)]);
    const sentAt = performance.now();
    const answers = await Promise.all(bodies.map((d, i) => deliver(i % 2 === 0 ? a.port : b.port, d)));
    await until("every commit completed", () => watch.done.size >= all.length, 180_000);
    await sleep(1500);
    const trees = new Map<string, number>();
    for (const r of fake.requests.filter((x) => x.route === "tree")) trees.set(r.path, (trees.get(r.path) ?? 0) + 1);
    const summaries = (app: AppProcess) => app.lines.filter((l) => l.includes('"scan summary"')).length;
    return {
      commits: all.length,
      deliveries: answers.length,
      webhookAnswerMs: timing(answers.map((x) => x.ms)),
      deliveryToCompletedS: timing([...watch.done.values()].map((t) => (t - sentAt) / 1000)),
      problems: integrity(fake, all),
      scansDoneTwice: [...trees.values()].filter((n) => n > 1).length,
      scansPerReplica: [summaries(a), summaries(b)],
      writes: writesOf(fake),
    };
  } finally {
    watch.stop();
    await Promise.all([a.stop(), b.stop()]);
    redis.stop();
  }
}

const fake = await startFakeGitHub({ latencyMs, appId: 29310 });
try {
  for (const s of scenarios) {
    const t = performance.now();
    if (s === "burst100") results[s] = await plainBurst(fake, "b100", 10, 100);
    else if (s === "burst200") {
      results[s] = await plainBurst(fake, "b200", 20, 200);
      results.floor200 = await floor(200, 20);
      console.log(`floor200: ${JSON.stringify(results.floor200)}`);
    } else if (s === "spread200") results[s] = await plainBurst(fake, "s200", 20, 200, 1000);
    else if (s === "crash") results[s] = await crash(fake);
    else if (s === "replicas") results[s] = await replicas(fake);
    else if (s === "faults") results[s] = await runFaults(fake, { secrets: [SECRET, KEY] });
    else throw new Error(`unknown scenario ${s}`);
    console.log(`${s} (${round((performance.now() - t) / 1000, 1)} s): ${JSON.stringify(results[s])}`);
  }
} finally {
  await fake.close();
}
mkdirSync(join(root, "bench", "out"), { recursive: true });
writeFileSync(join(root, "bench", "out", "load.json"), `${JSON.stringify(results, null, 2)}\n`);
const failed = scenarios.filter((s) => ((results[s] as { problems?: string[] })?.problems ?? []).length > 0);
if (failed.length > 0) {
  console.error(`integrity problems in: ${failed.join(", ")}`);
  process.exitCode = 1;
}
