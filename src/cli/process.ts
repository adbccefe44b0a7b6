/**
 * The CLI bound to the real process: its arguments, streams, environment and exit code.
 * Everything testable lives in main.ts and io.ts; this is the thin shell the launcher calls.
 */
import { pipeWriter } from "./io.js";
import { run } from "./main.js";

/** Run the CLI with these arguments on this process; sets `process.exitCode` when done. */
export function runCli(argv: readonly string[]): Promise<void> {
  return run([...argv], {
    stdout: pipeWriter(process.stdout),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `portfolio-quality: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
