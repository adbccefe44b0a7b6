/**
 * Progress of a batch scan on stderr: a bar redrawn in place on a terminal, one plain line per
 * repository otherwise (CI logs, files), nothing at all with `--quiet`.
 */
import type { ScanRow } from "../report/ranking.js";
import type { RateLimitWait } from "./scan-github.js";

/** What the batch tells the user while it runs. */
export interface ScanProgress {
  start(total: number): void;
  done(row: ScanRow, done: number, total: number): void;
  wait(wait: RateLimitWait): void;
  /** Clear the bar before the report is printed. */
  finish(): void;
}

/** How progress is shown. */
export type ProgressMode = "bar" | "lines" | "none";

function outcome(row: ScanRow): string {
  return row.status === "scanned" ? `${row.report.score}/100 (${row.report.grade})` : `not scanned: ${row.reason}`;
}

/** A wait in words: seconds while short, minutes and the time of day once it is long. */
export function waitText(wait: RateLimitWait, now: Date = new Date()): string {
  const why = wait.kind === "primary" ? "GitHub's hourly rate limit is spent" : "GitHub asked to slow down";
  const seconds = Math.ceil(wait.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return `${why}: retrying now`;
  if (seconds < 120) return `${why}: waiting ${seconds} s before retrying`;
  const until = new Date(now.getTime() + seconds * 1000).toISOString().slice(11, 16);
  return `${why}: waiting ${Math.ceil(seconds / 60)} min (until ${until} UTC) before retrying`;
}

/** A progress reporter writing to `write` (stderr) in the given mode. */
export function createProgress(mode: ProgressMode, write: (text: string) => void, width = 30): ScanProgress {
  if (mode === "none") return { start() {}, done() {}, wait() {}, finish() {} };
  if (mode === "lines")
    return {
      start: (total) => write(`Scanning ${total} ${total === 1 ? "repository" : "repositories"}...\n`),
      done: (row, done, total) => write(`[${done}/${total}] ${row.name}: ${outcome(row)}\n`),
      wait: (wait) => write(`${waitText(wait)}\n`),
      finish() {},
    };
  let drawn = false;
  let last = "";
  let state = { done: 0, total: 0 };
  const draw = (label: string) => {
    const filled = state.total === 0 ? 0 : Math.round((state.done / state.total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const text = `${bar} ${state.done}/${state.total} ${label}`.slice(0, 100);
    // \r then "erase line": redraw in place without scrolling.
    write(`\r\u001b[2K${text}`);
    drawn = true;
    last = label;
  };
  return {
    start(total) {
      state = { done: 0, total };
      draw("");
    },
    done(row, done, total) {
      state = { done, total };
      draw(row.name);
    },
    wait(wait) {
      // A long wait gets its own line so it stays visible while the bar sits still.
      write(`\r\u001b[2K${waitText(wait)}\n`);
      draw(last);
    },
    finish() {
      if (drawn) write("\r\u001b[2K");
      drawn = false;
    },
  };
}
