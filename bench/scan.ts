/**
 * `portfolio-quality scan` of 100 generated repositories served by the fake GitHub API on
 * loopback with 100 ms of latency on every request: wall time of the real CLI process (default
 * concurrency unless CONCURRENCY is set), peak RSS, and API requests per repository by kind; then
 * one serial run (`--concurrency 1`) as the baseline. Run: `npm run bench:scan` (REPOS=100,
 * LATENCY_MS=100, RUNS=3; BASELINE=0 skips the serial run).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startFakeGitHub } from "../tests/helpers/fake-github.js";
import type { Tree } from "../tests/helpers/tree.js";
import { median } from "./measure.js";

const root = resolve(import.meta.dirname, "..", "..");
const out = join(root, "bench", "out");
const cli = join(root, "bin", "portfolio-quality.js");
const repos = Number(process.env.REPOS ?? 100);
const latencyMs = Number(process.env.LATENCY_MS ?? 100);
const runs = Number(process.env.RUNS ?? 3);
const concurrency = process.env.CONCURRENCY;
const baseline = process.env.BASELINE !== "0";

/** A tiny deterministic PRNG (mulberry32), so every run scans the same repositories. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A candidate's ML project: 20-80 files, each practice present or not by chance. */
function candidate(seed: number): Tree {
  const r = rng(seed);
  const has = (p: number) => r() < p;
  const tree: Record<string, string> = {
    "README.md": `# Project ${seed}\n\nA model that predicts things.\n\n## Installation\n\n\`\`\`bash\npip install -r requirements.txt\n\`\`\`\n${has(0.6) ? "\n## Usage\n\n```bash\npython -m app.train\n```\n" : ""}`,
    "requirements.txt": has(0.5) ? "scikit-learn==1.5.2\npandas==2.2.3\n" : "scikit-learn\npandas\n",
  };
  const modules = 5 + Math.floor(r() * 40);
  for (let i = 0; i < modules; i++)
    tree[`app/m${i}.py`] =
      `"""Module ${i}."""\n${has(0.5) ? "import logging\n\nlogger = logging.getLogger(__name__)\n" : ""}\n\ndef f${i}(x: float) -> float:\n    ${has(0.5) ? '"""Scale x."""\n    ' : ""}${has(0.5) ? "logger.info" : "print"}("f${i}")\n    return x * ${i}\n`;
  tree["app/__init__.py"] = "";
  if (has(0.6))
    for (let i = 0; i < 1 + Math.floor(r() * 15); i++)
      tree[`tests/test_m${i}.py`] =
        `from app.m${i % modules} import f${i % modules}\n\n\ndef test_f():\n    assert f${i % modules}(1.0) >= 0\n`;
  if (has(0.5))
    tree[".github/workflows/ci.yml"] =
      "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: pytest\n";
  if (has(0.4))
    tree.Dockerfile =
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "-m", "app"]\n';
  if (has(0.4))
    tree["pyproject.toml"] = '[project]\nname = "app"\nversion = "0.1.0"\n\n[tool.ruff]\nline-length = 100\n';
  if (has(0.5))
    for (let i = 0; i < 1 + Math.floor(r() * 6); i++)
      tree[`notebooks/explore${i}.ipynb`] = JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          { cell_type: "code", metadata: {}, execution_count: 1, outputs: [], source: ["import pandas as pd\n"] },
        ],
      });
  if (has(0.3)) tree.LICENSE = "MIT License\n\nPermission is hereby granted, free of charge...\n";
  return tree;
}

/** Run the CLI as its own process under GNU time, without blocking this process (it serves the fake). */
function timedScan(args: readonly string[]): Promise<{ seconds: number; peakMb: number; code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "__TIME__ %e %M", "node", cli, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stderr.split("\n").find((l) => l.startsWith("__TIME__ "));
      const kb = Number(line?.split(" ")[2] ?? Number.NaN);
      resolvePromise({ seconds: (performance.now() - started) / 1000, peakMb: kb / 1024, code });
      if (code !== 0) console.error(stderr.slice(-2000));
    });
  });
}

mkdirSync(out, { recursive: true });
const names = Array.from({ length: repos }, (_, i) => `candidate${String(i).padStart(3, "0")}/portfolio`);
const fake = await startFakeGitHub({
  repos: Object.fromEntries(names.map((n, i) => [n, { files: candidate(i + 1) }])),
  latencyMs,
});
writeFileSync(join(out, "scan-list.txt"), `# ${repos} generated candidates\n${names.join("\n")}\n`);
const reportPath = join(out, "scan-report.json");
const args = [
  "scan",
  "--api-url",
  fake.url,
  "--token",
  "ghp_bench",
  "--from",
  join(out, "scan-list.txt"),
  "--out",
  reportPath,
  "--quiet",
  ...(concurrency ? ["--concurrency", concurrency] : []),
];

type Sample = { seconds: number; peakMb: number; requests: number; byRoute: Record<string, number> };
async function sample(extra: readonly string[] = []): Promise<Sample> {
  fake.reset();
  const run = await timedScan([...args, ...extra]);
  if (run.code !== 0) throw new Error(`the scan exited with ${run.code}`);
  const byRoute: Record<string, number> = {};
  for (const r of fake.requests) byRoute[r.route] = (byRoute[r.route] ?? 0) + 1;
  return { seconds: run.seconds, peakMb: run.peakMb, requests: fake.requests.length, byRoute };
}

const samples: Sample[] = [];
let serial: Sample | undefined;
try {
  for (let i = 0; i < runs; i++) samples.push(await sample());
  if (baseline) serial = await sample(["--concurrency", "1"]);
} finally {
  await fake.close();
}

const report = JSON.parse(readFileSync(reportPath, "utf8")) as { repositories: { status: string; score?: number }[] };
const scanned = report.repositories.filter((r) => r.status === "scanned");
if (scanned.length !== repos) throw new Error(`only ${scanned.length} of ${repos} repositories were scanned`);
const last = samples.at(-1) as (typeof samples)[number];
const result = {
  repos,
  latencyMs,
  concurrency: concurrency ?? "default",
  medianSeconds: median(samples.map((s) => s.seconds)),
  samples: samples.map((s) => Math.round(s.seconds * 100) / 100),
  peakMb: Math.max(...samples.map((s) => s.peakMb)),
  requestsPerRepo: last.requests / repos,
  requestsPerRepoByRoute: Object.fromEntries(Object.entries(last.byRoute).map(([k, v]) => [k, v / repos])),
  serialSeconds: serial ? Math.round(serial.seconds * 100) / 100 : null,
  scores: { min: Math.min(...scanned.map((r) => r.score ?? 0)), max: Math.max(...scanned.map((r) => r.score ?? 0)) },
};
console.log(
  `scan of ${repos} repositories, ${latencyMs} ms per request, concurrency ${result.concurrency}: ` +
    `median ${result.medianSeconds.toFixed(2)} s (runs ${result.samples.join(" ")}), peak RSS ${result.peakMb.toFixed(0)} MB, ` +
    `${result.requestsPerRepo.toFixed(2)} requests per repository ${JSON.stringify(result.requestsPerRepoByRoute)}, ` +
    `scores ${result.scores.min}-${result.scores.max}` +
    (result.serialSeconds === null ? "" : `; baseline --concurrency 1: ${result.serialSeconds.toFixed(2)} s`),
);
writeFileSync(
  join(out, `scan-results${concurrency ? `-c${concurrency}` : ""}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
