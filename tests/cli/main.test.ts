import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { writeTree } from "../helpers/disk.js";

function io(cwd: string, overrides: Partial<CliIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    isTTY: false,
    cwd,
    ...overrides,
  };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

const repo = {
  "README.md": "# Demo\n\nA small demo project.\n",
  "src/demo/__init__.py": '"""Demo."""\n',
};

describe("portfolio-quality check", () => {
  it("prints a JSON report and exits 1 below the threshold", async () => {
    const { dir, cleanup } = writeTree(repo);
    try {
      const t = io(dir);
      const code = await run(["check", ".", "--format", "json", "--min-score", "100"], t.io);
      const report = JSON.parse(t.out());
      expect(report.repo.name).toMatch(/^pq-/);
      expect(report.threshold).toBe(100);
      expect(code).toBe(report.score >= 100 ? 0 : 1);
      expect(t.err()).toBe("");
    } finally {
      cleanup();
    }
  });

  it("exits 0 at or above --min-score", async () => {
    const { dir, cleanup } = writeTree(repo);
    try {
      expect(await run(["check", dir, "--min-score", "0"], io(dir).io)).toBe(0);
    } finally {
      cleanup();
    }
  });

  it("renders Markdown", async () => {
    const { dir, cleanup } = writeTree(repo);
    try {
      const t = io(dir);
      await run(["check", "--format", "markdown"], t.io);
      expect(t.out()).toMatch(/^# Portfolio quality: \d+\/100 \([A-F]\)/);
    } finally {
      cleanup();
    }
  });

  it("colours the terminal report only on a TTY without NO_COLOR", async () => {
    const { dir, cleanup } = writeTree(repo);
    try {
      const tty = io(dir, { isTTY: true });
      await run(["check"], tty.io);
      expect(tty.out()).toContain("\u001b[");
      const noColor = io(dir, { isTTY: true, env: { NO_COLOR: "1" } });
      await run(["check"], noColor.io);
      expect(noColor.out()).not.toContain("\u001b[");
    } finally {
      cleanup();
    }
  });

  it.each([
    [["check", "--format", "xml"], /argument 'xml' is invalid/],
    [["check", "--min-score", "abc"], /whole number/],
    [["check", "no-such-dir"], /not a directory/],
    [["frobnicate"], /unknown command/],
  ])("exits 2 with a clear message for %j", async (args, message) => {
    const { dir, cleanup } = writeTree(repo);
    try {
      const t = io(dir);
      expect(await run(args, t.io)).toBe(2);
      expect(t.err()).toMatch(message);
      expect(t.err()).not.toMatch(/\n\s+at /);
    } finally {
      cleanup();
    }
  });

  it("exits 2 naming the file, line and field of an invalid config", async () => {
    const { dir, cleanup } = writeTree({
      ...repo,
      ".github/portfolio-quality.yml": "threshold: 70\nstrict: sometimes\n",
    });
    try {
      const t = io(dir);
      expect(await run(["check"], t.io)).toBe(2);
      expect(t.err()).toContain(".github/portfolio-quality.yml:2: strict:");
    } finally {
      cleanup();
    }
  });

  it("uses the config's threshold, and --config overrides the file", async () => {
    const { dir, cleanup } = writeTree({
      ...repo,
      ".github/portfolio-quality.yml": "threshold: 0\n",
      "strict.yml": "threshold: 100\n",
    });
    try {
      expect(await run(["check", "--format", "json"], io(dir).io)).toBe(0);
      expect(await run(["check", "--format", "json", "--config", "strict.yml"], io(dir).io)).toBe(1);
    } finally {
      cleanup();
    }
  });
});

describe("other commands", () => {
  it("prints the JSON Schema of the config", async () => {
    const t = io("/");
    expect(await run(["schema"], t.io)).toBe(0);
    expect(JSON.parse(t.out()).properties.threshold.maximum).toBe(100);
  });

  it("lists the checks by criterion", async () => {
    const t = io("/");
    expect(await run(["checks"], t.io)).toBe(0);
    expect(t.out()).toContain("Testing (testing, weight 20)");
    const json = io("/");
    await run(["checks", "--json"], json.io);
    expect(Array.isArray(JSON.parse(json.out()))).toBe(true);
  });

  it("prints its version", async () => {
    const t = io("/");
    expect(await run(["--version"], t.io)).toBe(0);
    expect(t.out()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("config errors in custom rules", () => {
  it("exits 2 for a rule pattern RE2 refuses, naming the config file given", async () => {
    const { dir, cleanup } = writeTree({
      ...repo,
      "rules.yml": 'rules:\n  - id: lookbehind\n    files: "*.md"\n    require: contain\n    pattern: "(?<=x)y"\n',
    });
    try {
      const t = io(dir);
      expect(await run(["check", "--config", "rules.yml"], t.io)).toBe(2);
      expect(t.err()).toMatch(/rules\.yml:5: rules\[0\]\.pattern: invalid pattern/);
      expect(t.out()).toBe("");
    } finally {
      cleanup();
    }
  });

  it("says in words why a config file cannot be read", async () => {
    const { dir, cleanup } = writeTree(repo);
    try {
      const t = io(dir);
      expect(await run(["check", "--config", "missing.yml"], t.io)).toBe(2);
      expect(t.err()).toMatch(/Cannot read config .*missing\.yml: no such file/);
    } finally {
      cleanup();
    }
  });
});
