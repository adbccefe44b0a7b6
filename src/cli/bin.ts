#!/usr/bin/env node
import { pipeWriter } from "./io.js";
import { run } from "./main.js";

// The process wrapper: everything testable lives in main.ts and io.ts.
run(process.argv.slice(2), {
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
