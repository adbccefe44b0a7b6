/**
 * Coverage tooling and thresholds, wherever a project sets them: coverage.py config, pytest
 * options, commands run locally or in CI, Jest/Vitest config, c8/nyc config, Codecov config and
 * coverage upload actions.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { parseJson, parseYaml } from "../lib/parse.js";
import { declaredDependencies, packageJsons, pythonToolConfig } from "../lib/project.js";
import { DYNAMIC, jsToolConfig } from "../lib/project-jsconfig.js";
import { settingText } from "../lib/project-tools.js";
import { requirementsFiles } from "../lib/requirements.js";
import { workflows } from "../lib/workflows.js";
import { projectCommands } from "./commands.js";

/** One place coverage is measured or gated. `runs`: it measures when the tests run (not only configures). */
export interface CoverageTool {
  readonly tool: string;
  readonly path: string;
  readonly line?: number;
  /** Minimum coverage in percent, when this place sets one. */
  readonly threshold?: number;
  readonly runs: boolean;
  /** A CI workflow runs or uploads it. */
  readonly ci?: boolean;
}

function num(value: unknown): number | undefined {
  if (value === DYNAMIC || value === null || value === undefined || typeof value === "boolean") return undefined;
  const n = Number(String(value).replace(/%$/, "").trim());
  return Number.isFinite(n) && n > 0 && n <= 100 ? n : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A flag's value in an argument list: `--x=80`, `--x 80`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** The lines/statements threshold of an Istanbul-style object (`{ lines: 80, branches: 70 }`), or `100: true`. */
function istanbulThreshold(value: unknown): number | undefined {
  const t = record(value);
  if (!t) return undefined;
  if (t["100"] === true || t.perFile === 100) return 100;
  return num(t.lines) ?? num(t.statements) ?? num(t.branches) ?? num(t.functions);
}

/** Coverage facts from one command's words. */
function fromArgv(argv: readonly string[]): { tool: string; threshold?: number } | undefined {
  const [prog = "", sub = ""] = argv;
  const p = prog.replace(/^.*\//, "");
  const threshold = (v: string | undefined) => (num(v) !== undefined ? { threshold: num(v) as number } : {});
  if (p === "pytest" || p === "py.test") {
    if (!argv.some((a) => a === "--cov" || a.startsWith("--cov=") || a.startsWith("--cov-"))) return undefined;
    return { tool: "pytest-cov", ...threshold(flagValue(argv, "--cov-fail-under")) };
  }
  if (p === "coverage" && (sub === "run" || sub === "report" || sub === "xml" || sub === "lcov"))
    return { tool: "coverage.py", ...threshold(flagValue(argv, "--fail-under")) };
  if ((p === "vitest" || p === "jest") && argv.some((a) => a === "--coverage" || a.startsWith("--coverage"))) {
    const cli = flagValue(argv, "--coverage.thresholds.lines") ?? flagValue(argv, "--coverage.lines");
    const jestJson = flagValue(argv, "--coverageThreshold");
    const parsed = jestJson ? parseJson(jestJson) : undefined;
    const fromJson = parsed?.ok ? istanbulThreshold(record(parsed.value)?.global) : undefined;
    return { tool: p, ...threshold(cli ?? (fromJson !== undefined ? String(fromJson) : undefined)) };
  }
  if (p === "c8" || p === "nyc") {
    const check = argv.includes("--check-coverage") || argv.some((a) => a.startsWith("--100"));
    const lines = flagValue(argv, "--lines") ?? flagValue(argv, "--statements");
    return { tool: p, ...(check ? threshold(argv.includes("--100") ? "100" : lines) : {}) };
  }
  if (p === "codecov" || p === "coveralls" || p === "codecovcli") return { tool: p };
  return undefined;
}

const COVERAGE_DEPS = new Set([
  "pytest-cov",
  "coverage",
  "@vitest/coverage-v8",
  "@vitest/coverage-istanbul",
  "c8",
  "nyc",
]);

function fromServiceConfigs(repo: RepoView, out: CoverageTool[]): void {
  for (const f of repo.read("{,.github/,dev/}{codecov,.codecov}.{yml,yaml}")) {
    const parsed = parseYaml(f.text);
    if (!parsed.ok) continue;
    const project = record(record(record(record(parsed.value.value)?.coverage)?.status)?.project);
    let best: { threshold: number; line?: number } | undefined;
    for (const [name, value] of Object.entries(project ?? {})) {
      const target = num(record(value)?.target);
      if (target !== undefined && (!best || target > best.threshold)) {
        const line = parsed.value.lineOf(["coverage", "status", "project", name, "target"]);
        best = { threshold: target, ...(line !== undefined ? { line } : {}) };
      }
    }
    out.push({ tool: "Codecov", path: f.path, runs: false, ...(best ?? {}) });
  }
  for (const f of repo.read("**/{.nycrc,.nycrc.json,.nycrc.yml,.nycrc.yaml,.c8rc,.c8rc.json}")) {
    if (!isOwnCode(f.path)) continue;
    const json = parseJson(f.text);
    const value = record(
      json.ok ? json.value : (parseYaml(f.text) as { ok: boolean; value?: { value: unknown } }).value?.value,
    );
    const check = value?.["check-coverage"] === true || value?.checkCoverage === true;
    const tool = f.path.includes("nyc") ? "nyc" : "c8";
    const threshold = check
      ? (num(value?.lines) ?? num(value?.statements) ?? (value?.[100] ? 100 : undefined))
      : undefined;
    out.push({ tool, path: f.path, runs: false, ...(threshold !== undefined ? { threshold } : {}) });
  }
}

function fromJsConfigs(repo: RepoView, out: CoverageTool[]): void {
  for (const cfg of jsToolConfig(repo, "jest")) {
    const threshold = istanbulThreshold(record(cfg.settings.coverageThreshold)?.global);
    const collect = cfg.settings.collectCoverage === true;
    if (threshold === undefined && !collect) continue;
    const line = cfg.keyLines["coverageThreshold.global"] ?? cfg.keyLines.coverageThreshold ?? cfg.line;
    out.push({
      tool: "jest",
      path: cfg.path,
      runs: collect,
      ...(line ? { line } : {}),
      ...(threshold ? { threshold } : {}),
    });
  }
  for (const cfg of jsToolConfig(repo, "vitest")) {
    const coverage = record(cfg.settings.coverage);
    if (!coverage) continue;
    // Vitest 1+ nests the gate under `thresholds`; 0.x put `lines` on `coverage` itself.
    const threshold = istanbulThreshold(coverage.thresholds) ?? istanbulThreshold(coverage);
    const line = cfg.keyLines["coverage.thresholds"] ?? cfg.keyLines.coverage ?? cfg.line;
    out.push({
      tool: "vitest",
      path: cfg.path,
      runs: coverage.enabled === true,
      ...(line ? { line } : {}),
      ...(threshold ? { threshold } : {}),
    });
  }
  for (const pkg of packageJsons(repo))
    for (const tool of ["nyc", "c8"] as const) {
      const value = record(pkg.value.raw[tool]);
      if (!value) continue;
      const check = value["check-coverage"] === true || value.checkCoverage === true;
      const threshold = check ? (num(value.lines) ?? num(value.statements)) : undefined;
      out.push({ tool, path: pkg.path, runs: false, ...(threshold ? { threshold } : {}) });
    }
}

const cache = new WeakMap<RepoView, readonly CoverageTool[]>();

/** Every place coverage is measured, configured, gated or uploaded (memoised per view). */
export function coverageTools(repo: RepoView): readonly CoverageTool[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: CoverageTool[] = [];
  for (const cfg of pythonToolConfig(repo, "coverage")) {
    const report = record(cfg.settings.report);
    const threshold = num(report?.fail_under);
    const line = cfg.keyLines["report.fail_under"] ?? cfg.line;
    out.push({
      tool: "coverage.py",
      path: cfg.path,
      runs: false,
      ...(line ? { line } : {}),
      ...(threshold ? { threshold } : {}),
    });
  }
  for (const cfg of pythonToolConfig(repo, "pytest")) {
    const addopts = settingText(cfg.settings.addopts).split(/\s+/).filter(Boolean);
    const found = fromArgv(["pytest", ...addopts]);
    if (!found) continue;
    const line = cfg.keyLines.addopts ?? cfg.line;
    out.push({ ...found, path: cfg.path, runs: true, ...(line ? { line } : {}) });
  }
  for (const c of projectCommands(repo)) {
    const found = fromArgv(c.argv);
    if (found)
      out.push({ ...found, path: c.path, line: c.line, runs: true, ...(c.where === "ci" ? { ci: true } : {}) });
  }
  for (const w of workflows(repo).parsed)
    for (const job of w.jobs)
      for (const step of job.steps) {
        const uses = step.uses ?? "";
        if (
          /^(codecov\/codecov-action|coverallsapp\/github-action|qltysh\/qlty-action\/coverage|paambaati\/codeclimate-action)@/.test(
            uses,
          )
        )
          out.push({ tool: uses.replace(/@.*$/, ""), path: w.path, line: step.line, runs: true, ci: true });
      }
  fromServiceConfigs(repo, out);
  fromJsConfigs(repo, out);
  for (const d of declaredDependencies(repo))
    if (COVERAGE_DEPS.has(d.name))
      out.push({ tool: d.name, path: d.path, ...(d.line ? { line: d.line } : {}), runs: true });
  for (const file of requirementsFiles(repo))
    for (const r of file.entries)
      if (COVERAGE_DEPS.has(r.key)) out.push({ tool: r.key, path: file.path, line: r.line, runs: true });
  cache.set(repo, out);
  return out;
}
