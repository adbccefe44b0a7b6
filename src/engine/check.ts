/**
 * The check API: the only part of the engine that files under `checks/` import.
 * A check states its metadata first (what it reads, why it matters, how to fix), then decides.
 */
import type { RepoView } from "./repo-view.js";
import { countOf } from "./text.js";
import type { CheckOutcome, CriterionId, Finding, FindingLevel } from "./types.js";

export type { RepoView, TextFile } from "./repo-view.js";
export { countOf } from "./text.js";
export type { CheckOutcome, CriterionId, Finding, FindingLevel, RepoFile } from "./types.js";

/** Globs whose contents a check needs, with how many files it wants at most. */
export interface ReadRequest {
  readonly globs: readonly string[];
  /** Match case-insensitively (README, LICENSE and friends). */
  readonly nocase?: boolean;
  /** At most this many matching files are read for this request (shallowest paths first). */
  readonly maxFiles?: number;
  /** Lower runs first when the budget is short: 0 for the few files a verdict hinges on. */
  readonly priority?: number;
}

/** Low: a config file or a line; high: restructuring or new infrastructure. */
export type Effort = "low" | "high";

/** One entry of the checklist. */
export interface Check {
  /** `<criterion>.<name>`, stable across versions. */
  readonly id: string;
  readonly title: string;
  readonly criterion: CriterionId;
  /** Weight inside its criterion. */
  readonly weight: number;
  /** What it looks at, in one sentence (printed by `portfolio-quality checks`). */
  readonly looksFor: string;
  /** Why a hiring reviewer cares. */
  readonly why: string;
  /** The general fix, shown when the check falls short. */
  readonly remediation: string;
  readonly effort: Effort;
  /** Link to the relevant tool's documentation. */
  readonly docs: string;
  readonly reads: readonly ReadRequest[];
  /** Pure and synchronous: same view, same outcome. Throwing is reported as an `error` status. */
  evaluate(repo: RepoView): CheckOutcome;
}

/** Identity function that gives a check object its type (and keeps check files declarative). */
export function defineCheck(check: Check): Check {
  return check;
}

/** Where a finding points. */
export interface At {
  readonly path?: string;
  readonly line?: number;
}

/** Optional parts of a shortfall finding. */
export interface Fix {
  readonly remediation?: string;
  readonly docs?: string;
}

function make(level: FindingLevel, id: string, message: string, at?: At, fix?: Fix): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = { id, level, message };
  if (at?.path !== undefined) f.path = at.path;
  if (at?.line !== undefined) f.line = at.line;
  if (fix?.remediation !== undefined) f.remediation = fix.remediation;
  if (fix?.docs !== undefined) f.docs = fix.docs;
  return f;
}

/** Evidence seen: no action needed. */
export function info(id: string, message: string, at?: At): Finding {
  return make("info", id, message, at);
}

/** A partial shortfall, with how to fix it. */
export function warning(id: string, message: string, at?: At, fix?: Fix): Finding {
  return make("warning", id, message, at, fix);
}

/** A missing practice or a real problem, with how to fix it. */
export function failure(id: string, message: string, at?: At, fix?: Fix): Finding {
  return make("failure", id, message, at, fix);
}

/** An outcome with a score clamped into [0, 1]. */
export function scored(score: number, findings: readonly Finding[]): CheckOutcome {
  return { score: Math.min(1, Math.max(0, score)), findings };
}

/** The check cannot judge this repository (wrong language, nothing to look at). */
export function notApplicable(...findings: Finding[]): CheckOutcome {
  return { score: null, findings };
}

/** 1-based line number of a character offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  return 1 + countOf(text, "\n", 0, Math.min(offset, text.length));
}
