/** Helpers shared by the benchmarks: timed child runs and medians. */
import { spawnSync } from "node:child_process";

/** One timed run of a command: wall seconds and peak RSS (MB) from GNU time, and its stdout. */
export interface Timed {
  readonly seconds: number;
  readonly peakMb: number;
  readonly stdout: string;
  readonly status: number | null;
}

/** Run a command under /usr/bin/time -f "%e %M" (elapsed seconds, max resident KB). */
export function timed(command: string, args: readonly string[], cwd?: string): Timed {
  const res = spawnSync("/usr/bin/time", ["-f", "__TIME__ %e %M", command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = (res.stderr ?? "").split("\n").find((l) => l.startsWith("__TIME__ "));
  if (!line) throw new Error(`no timing for ${command} ${args.join(" ")}: ${res.stderr?.slice(-500)}`);
  const [, seconds, kb] = line.split(" ");
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024, stdout: res.stdout ?? "", status: res.status };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
