/**
 * The App as deployed, against a fake GitHub API on loopback with 50 ms latency per request:
 * GitHub API requests and bytes per scan, by kind, and the wall time from posting a signed
 * `check_suite.requested` delivery to the check run being completed, on synthetic repositories
 * of 50, 5,000, 50,000 and 150,000 files. Probot runs with its production Octokit (retry and
 * throttling on) and, for comparison, with throttling off; the App with its default GraphQL
 * batch (100 files a query) and with 1,000 files a query.
 * Run: `npm run bench:app` (SIZES=50,5000,50000,150000 BATCHES=100,1000 LATENCY_MS=50 RUNS=3).
 */
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createApp } from "../src/index.js";
import {
  type FakeGitHub,
  graphqlOperationOf,
  type RecordedRequest,
  startFakeGitHub,
} from "../tests/helpers/fake-github.js";
import { median } from "./measure.js";
import { syntheticRepo } from "./synthetic.js";

const root = resolve(import.meta.dirname, "..", "..");
const out = join(root, "bench", "out");
const sizes = (process.env.SIZES ?? "50,5000,50000,150000").split(",").map(Number);
const latencyMs = Number(process.env.LATENCY_MS ?? 50);
const runs = Number(process.env.RUNS ?? 3);
const batches = (process.env.BATCHES ?? "1000").split(",").map(Number);
/** Also scan each size with a config of its own (one config request instead of two): OWN_CONFIG=1. */
const ownConfig = process.env.OWN_CONFIG === "1";
const OWN_CONFIG_TEXT = "threshold: 70\n";
// A fresh webhook secret per run: nothing to commit, nothing to leak.
const SECRET = randomUUID();
const INSTALLATION = 957387;
const KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

/** The synthetic repository of `files` files, read into memory for the fake API. */
function treeOf(files: number): Record<string, string> {
  const dir = syntheticRepo(out, files);
  const tree: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else tree[relative(dir, full).split("\\").join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return tree;
}

// biome-ignore lint/suspicious/noExplicitAny: a webhook payload edited field by field; its shape is GitHub's.
type Payload = Record<string, any>;

/** A real `check_suite.requested` payload, pointed at the benchmark's repository and commit. */
function delivery(sha: string): string {
  const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
    name: string;
    examples: Payload[];
  }[];
  const p = structuredClone(
    examples.find((e) => e.name === "check_suite")?.examples.find((x) => x.action === "requested" && x.installation),
  ) as Payload;
  p.installation.id = INSTALLATION;
  Object.assign(p.repository, { name: "repo", full_name: "bench/repo" });
  p.repository.owner.login = "bench";
  Object.assign(p.check_suite, { head_sha: sha, after: sha, head_branch: "main" });
  return JSON.stringify(p);
}

const KINDS = [
  "token",
  "check-run create",
  "config",
  "tree",
  "listing (GraphQL)",
  "contents (GraphQL)",
  "blob",
  "check-run complete",
  "annotations",
];

function kindOf(r: RecordedRequest): string {
  if (r.route === "token") return "token";
  if (r.route === "check-run.create") return "check-run create";
  if (r.path.includes("/contents/")) return "config";
  if (r.route === "tree") return "tree";
  const operation = graphqlOperationOf(r);
  if (operation === "ReadConfig") return "config";
  if (operation === "ListDirectories") return "listing (GraphQL)";
  if (operation === "ReadFiles") return "contents (GraphQL)";
  if (r.route === "blob") return "blob";
  if (r.route === "check-run.update")
    return (r.body as { conclusion?: string } | undefined)?.conclusion ? "check-run complete" : "annotations";
  return `other: ${r.method} ${r.path}`;
}

interface Sample {
  readonly seconds: number;
  readonly requests: Record<string, number>;
  readonly sentBytes: number;
  readonly receivedBytes: number;
  readonly title: string;
  readonly listed: string;
}

async function once(fake: FakeGitHub, batch: number, throttle: boolean): Promise<Sample> {
  fake.reset();
  const Octokit = throttle
    ? ProbotOctokit
    : ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { enabled: false } }));
  const probot = new Probot({
    appId: 29310,
    privateKey: KEY,
    secret: SECRET,
    baseUrl: fake.url,
    Octokit,
    logLevel: "warn",
  });
  const middleware = await createNodeMiddleware(createApp({ contentBatchSize: batch }), { probot });
  const server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const body = delivery(fake.repo("bench/repo").latest.sha);
  const started = performance.now();
  const answered = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "check_suite",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
    body,
  });
  while (fake.checkRuns[0]?.status !== "completed") await new Promise((r) => setTimeout(r, 2));
  const seconds = (performance.now() - started) / 1000;
  await answered; // the handler has finished: annotation follow-ups included
  const requests: Record<string, number> = {};
  for (const r of fake.requests) requests[kindOf(r)] = (requests[kindOf(r)] ?? 0) + 1;
  const run = fake.checkRuns[0];
  const sample: Sample = {
    seconds,
    requests,
    sentBytes: fake.requests.reduce((n, r) => n + (r.body === undefined ? 0 : JSON.stringify(r.body).length), 0),
    receivedBytes: fake.requests.reduce((n, r) => n + r.responseBytes, 0),
    title: String(run?.output?.title ?? ""),
    listed: /(\d+ files listed, \d+ read)/.exec(String(run?.output?.text ?? ""))?.[1] ?? "?",
  };
  await new Promise<void>((r) => server.close(() => r()));
  return sample;
}

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const files = ownConfig ? { ...treeOf(size), ".github/portfolio-quality.yml": OWN_CONFIG_TEXT } : treeOf(size);
  const fake = await startFakeGitHub({ repos: { "bench/repo": { files } }, latencyMs });
  for (const batch of batches) {
    const samples = { throttled: [] as Sample[], unthrottled: [] as Sample[] };
    for (let i = 0; i < runs; i++) {
      samples.throttled.push(await once(fake, batch, true));
      samples.unthrottled.push(await once(fake, batch, false));
    }
    const first = samples.throttled[0] as Sample;
    const afterToken = Object.entries(first.requests).reduce((n, [k, v]) => n + (k === "token" ? 0 : v), 0);
    const row = {
      files: Object.keys(files).length,
      ownConfig,
      batch,
      requestsAfterToken: afterToken,
      requests: first.requests,
      sentKB: Math.round(first.sentBytes / 1024),
      receivedKB: Math.round(first.receivedBytes / 1024),
      wallSecondsThrottled: median(samples.throttled.map((s) => s.seconds)),
      wallSecondsUnthrottled: median(samples.unthrottled.map((s) => s.seconds)),
      title: first.title,
      listed: first.listed,
    };
    results.push(row);
    console.log(
      `${String(row.files).padStart(7)} files, batch ${batch}: ${afterToken} requests after the token ` +
        `(${KINDS.map((k) => `${k} ${first.requests[k] ?? 0}`).join(", ")}), ` +
        `sent ${row.sentKB} KB, received ${row.receivedKB} KB, ` +
        `webhook -> completed ${row.wallSecondsThrottled.toFixed(2)} s (throttling on) / ${row.wallSecondsUnthrottled.toFixed(2)} s (off); ` +
        `${row.listed}; ${row.title}`,
    );
  }
  await fake.close();
}
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, ownConfig ? "app-requests-own-config.json" : "app-requests.json"),
  `${JSON.stringify({ latencyMs, runs, results }, null, 2)}\n`,
);
