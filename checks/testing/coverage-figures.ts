/**
 * Measured coverage figures a repository shows: committed reports (Cobertura coverage.xml,
 * lcov.info, Istanbul coverage-summary.json, coverage.py's htmlcov, generated badge SVGs) and
 * README badges (shields.io with a percentage, Codecov/Coveralls badges).
 */
import type { ReadRequest, RepoView } from "../../src/engine/check.js";
import { lineOfOffset, parseJson } from "../lib/parse.js";

/** Reports, badge images and config files that carry coverage figures or gates. */
export const COVERAGE_READ: ReadRequest = {
  globs: [
    "**/coverage.xml",
    "**/lcov.info",
    "**/coverage-summary.json",
    "htmlcov/index.html",
    "**/coverage{,-badge}.svg",
    "**/{.nycrc,.nycrc.json,.nycrc.yml,.nycrc.yaml,.c8rc,.c8rc.json}",
    "{,.github/,dev/}{codecov,.codecov}.{yml,yaml}",
  ],
  maxFiles: 20,
  priority: 2,
};

/** The README, where coverage badges are shown. */
export const README_READ: ReadRequest = {
  globs: ["README", "README.{md,markdown,rst,txt}"],
  nocase: true,
  maxFiles: 2,
  priority: 0,
};

/** A coverage figure, or a sign that a service measures coverage (a badge without a figure). */
export interface CoverageFigure {
  readonly source: "report" | "badge";
  readonly what: string;
  readonly path: string;
  readonly line?: number;
  /** Percent, when the evidence states one. */
  readonly percent?: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function fromReport(path: string, text: string): CoverageFigure | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base === "coverage.xml") {
    const rate = /<coverage\b[^>]*\bline-rate="([\d.]+)"/.exec(text);
    const percent = rate?.[1] !== undefined ? Number(rate[1]) * 100 : undefined;
    return {
      source: "report",
      what: "Cobertura report",
      path,
      ...(percent !== undefined && Number.isFinite(percent) ? { percent: round(percent) } : {}),
    };
  }
  if (base === "lcov.info") {
    let found = 0;
    let hit = 0;
    for (const m of text.matchAll(/^L([FH]):(\d+)$/gm)) {
      if (m[1] === "F") found += Number(m[2]);
      else hit += Number(m[2]);
    }
    return {
      source: "report",
      what: "LCOV report",
      path,
      ...(found > 0 ? { percent: round((hit / found) * 100) } : {}),
    };
  }
  if (base === "coverage-summary.json") {
    const parsed = parseJson(text);
    const pct = parsed.ok ? (parsed.value as { total?: { lines?: { pct?: unknown } } })?.total?.lines?.pct : undefined;
    return {
      source: "report",
      what: "Istanbul summary",
      path,
      ...(typeof pct === "number" ? { percent: round(pct) } : {}),
    };
  }
  if (base === "index.html") {
    const pc = /class="pc_cov">\s*([\d.]+)%/.exec(text);
    return { source: "report", what: "coverage.py HTML report", path, ...(pc?.[1] ? { percent: Number(pc[1]) } : {}) };
  }
  if (base.endsWith(".svg")) {
    const pc = />\s*([\d.]+)\s*%\s*</.exec(text);
    return { source: "badge", what: "coverage badge image", path, ...(pc?.[1] ? { percent: Number(pc[1]) } : {}) };
  }
  return undefined;
}

/** Coverage badges in a README: shields with a figure, a figure in the alt text, service badges. */
function fromReadme(path: string, text: string): CoverageFigure[] {
  const out: CoverageFigure[] = [];
  const shield = /img\.shields\.io\/badge\/([^\s/)"'\]]*?cov[^\s/)"'\]-]*)-(\d+(?:\.\d+)?)(?:%25|%)/gi;
  for (const m of text.matchAll(shield))
    out.push({
      source: "badge",
      what: "coverage badge",
      path,
      line: lineOfOffset(text, m.index ?? 0),
      percent: Number(m[2]),
    });
  const alt = /!\[([^\]]*cov[^\]]*?)(\d+(?:\.\d+)?)\s*%[^\]]*\]/gi;
  for (const m of text.matchAll(alt)) {
    const line = lineOfOffset(text, m.index ?? 0);
    if (!out.some((f) => f.line === line))
      out.push({ source: "badge", what: "coverage badge", path, line, percent: Number(m[2]) });
  }
  const service =
    /(codecov\.io\/(gh|github|gl|bb)\/[^\s)"']+|coveralls\.io\/repos\/[^\s)"']+|img\.shields\.io\/(codecov|coveralls|codeclimate\/coverage)[^\s)"']*)/gi;
  for (const m of text.matchAll(service)) {
    const line = lineOfOffset(text, m.index ?? 0);
    if (!out.some((f) => f.line === line))
      out.push({ source: "badge", what: /coveralls/i.test(m[0]) ? "Coveralls badge" : "Codecov badge", path, line });
  }
  return out;
}

const cache = new WeakMap<RepoView, readonly CoverageFigure[]>();

/** Every committed report and README badge that shows coverage (memoised per view). */
export function coverageFigures(repo: RepoView): readonly CoverageFigure[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: CoverageFigure[] = [];
  for (const f of repo.glob(COVERAGE_READ.globs.slice(0, 5))) {
    if (f.path.includes("node_modules/")) continue;
    const text = repo.text(f.path);
    const figure =
      text === undefined
        ? { source: "report" as const, what: "coverage report", path: f.path }
        : fromReport(f.path, text);
    if (figure) out.push(figure);
  }
  for (const f of repo.glob(".coverage")) out.push({ source: "report", what: "coverage.py data file", path: f.path });
  for (const f of repo.read(README_READ.globs, { nocase: true })) out.push(...fromReadme(f.path, f.text));
  cache.set(repo, out);
  return out;
}
