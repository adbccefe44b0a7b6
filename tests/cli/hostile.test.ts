/**
 * Hostile input never crashes a scan: each item below is on disk in one repository, the real
 * CLI scans it, and each one shows up in the JSON report as a finding or note, not a stack trace.
 */
import { execFileSync } from "node:child_process";
import { symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { writeTree } from "../helpers/disk.js";

const bomb = `on: push
jobs:
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`;

interface JsonFinding {
  id: string;
  level: string;
  message: string;
  path?: string;
  line?: number;
}
interface JsonReport {
  score: number;
  checks: { id: string; status: string; findings: JsonFinding[] }[];
  notes: JsonFinding[];
}

let dir: string;
let cleanup: () => void;
let report: JsonReport;
let code: number;
let stderr = "";

beforeAll(async () => {
  ({ dir, cleanup } = writeTree({
    // A binary file named README.md (a PNG header with NUL bytes).
    "README.md": new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
    ".github/workflows/broken.yml": "on: [push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    ".github/workflows/bomb.yml": bomb,
    "pyproject.toml": "[project\nname = 'x'\nthis is not TOML\n",
    "src/app/__init__.py": '"""App."""\n',
    "src/app/main.py":
      'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef run() -> None:\n    """Run."""\n    logger.info("ok")\n',
  }));
  // A 1 GB sparse notebook: listed with its size, never read.
  writeFileSync(join(dir, "analysis.ipynb"), "");
  truncateSync(join(dir, "analysis.ipynb"), 1024 ** 3);
  symlinkSync("loop-b", join(dir, "loop-a"));
  symlinkSync("loop-a", join(dir, "loop-b"));
  execFileSync("mkfifo", [join(dir, "pipe")]);
  const out: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => (stderr += t), env: {}, isTTY: false, cwd: dir };
  code = await run(["check", ".", "--format", "json"], io);
  report = JSON.parse(out.join("")) as JsonReport;
}, 60_000);

afterAll(() => cleanup());

const findings = (checkId: string) => report.checks.find((c) => c.id === checkId)?.findings ?? [];

describe("a repository full of hostile input", () => {
  it("is scanned to a report, with no error status and nothing on stderr", () => {
    expect([0, 1]).toContain(code);
    expect(stderr).toBe("");
    expect(report.checks.filter((c) => c.status === "error")).toEqual([]);
  });

  it("reports the 1 GB sparse file as not read", () => {
    expect(report.notes.some((n) => n.id === "files-skipped" && n.message.includes("analysis.ipynb"))).toBe(true);
  });

  it("reports the symlink loop and the FIFO", () => {
    expect(report.notes.filter((n) => n.id === "symlink-loop").map((n) => n.path)).toEqual(["loop-a", "loop-b"]);
    expect(report.notes.some((n) => n.id === "special-file" && n.path === "pipe")).toBe(true);
  });

  it("reports the binary README.md instead of reading it as a README", () => {
    const readme = findings("documentation.readme");
    expect(readme.some((f) => f.path === "README.md" && /binary/i.test(f.message))).toBe(true);
  });

  it("reports the invalid workflow and the alias bomb as broken workflows, with the file", () => {
    const workflows = findings("ci_cd.workflows");
    expect(workflows.some((f) => f.path === ".github/workflows/broken.yml" && f.level !== "info")).toBe(true);
    expect(workflows.some((f) => f.path === ".github/workflows/bomb.yml" && f.level !== "info")).toBe(true);
  });

  it("reports the pyproject.toml that is not TOML, with its line", () => {
    const all = report.checks.flatMap((c) => c.findings);
    const hit = all.find((f) => f.path === "pyproject.toml" && /TOML|parse/i.test(f.message));
    expect(hit).toBeDefined();
    expect(hit?.line).toBeGreaterThan(0);
  });
});
