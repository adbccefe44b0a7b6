/**
 * `portfolio-quality check` on synthetic repositories of 20,000 and 100,000 files: median wall
 * time of 5 runs and peak RSS, every check running. Repolinter 0.12 (its default ruleset cut to
 * the existence checks) runs on the same 20,000-file tree in the same command, as the baseline.
 * Run: `npm run bench:check` (RUNS=5 by default; SIZES=20000,100000).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { median, type Timed, timed } from "./measure.js";
import { syntheticRepo } from "./synthetic.js";

const root = resolve(import.meta.dirname, "..", "..");
const out = join(root, "bench", "out");
const runs = Number(process.env.RUNS ?? 5);
const sizes = (process.env.SIZES ?? "20000,100000").split(",").map(Number);
const cli = join(root, "bin", "portfolio-quality.js");

function repolinter(): string {
  const dir = join(out, "repolinter");
  const bin = join(dir, "node_modules", "repolinter", "bin", "repolinter.js");
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{"private":true}\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefix", dir, "repolinter@0.12.0"], {
      stdio: "inherit",
    });
  }
  // The default ruleset, keeping only file- and directory-existence rules (no git history, no network).
  const ruleset = JSON.parse(
    readFileSync(join(dir, "node_modules", "repolinter", "rulesets", "default.json"), "utf8"),
  ) as { rules: Record<string, { rule?: { type?: string } }> };
  ruleset.rules = Object.fromEntries(
    Object.entries(ruleset.rules).filter(
      ([, r]) => r.rule?.type === "file-existence" || r.rule?.type === "directory-existence",
    ),
  );
  writeFileSync(join(dir, "existence.json"), JSON.stringify(ruleset, null, 2));
  return bin;
}

function summarise(label: string, samples: Timed[]) {
  return {
    label,
    medianSeconds: median(samples.map((s) => s.seconds)),
    /** The highest peak RSS of the runs, and the median of their peaks (it varies with GC timing). */
    peakMb: Math.max(...samples.map((s) => s.peakMb)),
    medianPeakMb: median(samples.map((s) => s.peakMb)),
    samples: samples.map((s) => s.seconds),
  };
}

mkdirSync(out, { recursive: true });
const results: ReturnType<typeof summarise>[] = [];
const rlBin = repolinter();
for (const size of sizes) {
  const dir = syntheticRepo(out, size);
  timed("node", [cli, "check", dir, "--format", "json", "--min-score", "0"]); // warm the file cache
  const samples: Timed[] = [];
  for (let i = 0; i < runs; i++)
    samples.push(timed("node", [cli, "check", dir, "--format", "json", "--min-score", "0"]));
  const report = JSON.parse(samples[0]?.stdout ?? "{}") as {
    score: number;
    stats: unknown;
    checks: { status: string }[];
  };
  const ran = report.checks.filter((c) => c.status !== "error").length;
  results.push({
    ...summarise(`portfolio-quality check, ${size} files`, samples),
    ...{ score: report.score, stats: report.stats, checksRun: ran },
  });
  if (size === 20000) {
    const rl: Timed[] = [];
    for (let i = 0; i < runs; i++)
      rl.push(
        timed("node", [
          rlBin,
          "lint",
          dir,
          "--rulesetFile",
          join(out, "repolinter", "existence.json"),
          "--format",
          "json",
        ]),
      );
    results.push(summarise(`repolinter 0.12 (existence rules), ${size} files`, rl));
  }
}

const ours = results.find((r) => r.label.includes("check, 20000"));
const base = results.find((r) => r.label.includes("repolinter"));
for (const r of results)
  console.log(
    `${r.label.padEnd(48)} median ${r.medianSeconds.toFixed(3)} s  peak RSS ${r.peakMb.toFixed(0)} MB (median ${r.medianPeakMb.toFixed(0)})  runs ${r.samples.join(" ")}`,
  );
if (ours && base)
  console.log(
    `ratio: repolinter / portfolio-quality on 20,000 files = ${(base.medianSeconds / ours.medianSeconds).toFixed(1)}x`,
  );
writeFileSync(join(out, "check-results.json"), `${JSON.stringify(results, null, 2)}\n`);
