import type { Check } from "./check.js";
import type { Config } from "./config.js";
import { CRITERIA } from "./criteria.js";
import type { GlobIndex } from "./glob.js";
import { RepoView } from "./repo-view.js";
import type {
  CheckResult,
  CheckStatus,
  CriterionId,
  CriterionResult,
  Finding,
  Grade,
  Report,
  RepoSnapshot,
} from "./types.js";

/** Status from a score, per the checklist: pass >= 0.75, partial >= 0.25, fail below. */
export function statusOf(score: number | null): CheckStatus {
  if (score === null) return "not_applicable";
  if (score >= 0.75) return "pass";
  if (score >= 0.25) return "partial";
  return "fail";
}

/** Letter grade of a total out of 100. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return "A";
  if (total >= 80) return "B";
  if (total >= 70) return "C";
  if (total >= 60) return "D";
  return "F";
}

/** A check's weight after the config: 0 when turned off. */
export function effectiveWeight(check: Pick<Check, "id" | "weight">, config: Config): number {
  const setting = config.checks[check.id];
  if (setting === undefined) return check.weight;
  if (setting === "off") return 0;
  if (typeof setting === "number") return setting;
  if (setting.off) return 0;
  return setting.weight ?? check.weight;
}

/** A criterion's weight after the config. */
export function criterionWeight(id: CriterionId, config: Config): number {
  return config.criteria[id] ?? CRITERIA.find((c) => c.id === id)?.weight ?? 0;
}

/** What the engine needs besides the snapshot. */
export interface EvaluateOptions {
  readonly config: Config;
  readonly tool: { readonly name: string; readonly version: string };
  /** Scan-level findings gathered before evaluation (config issues, skipped files). */
  readonly notes?: readonly Finding[];
  readonly durationMs?: number;
  /** The glob index the planner built over the same files, reused rather than rebuilt. */
  readonly index?: GlobIndex;
}

interface Raw {
  check: Check;
  weight: number;
  score: number | null;
  status: CheckStatus;
  findings: readonly Finding[];
  exemption?: string;
}

function run(check: Check, view: RepoView): Pick<Raw, "score" | "status" | "findings"> {
  try {
    const outcome = check.evaluate(view);
    const score =
      outcome.score === null || Number.isNaN(outcome.score) ? null : Math.min(1, Math.max(0, outcome.score));
    return { score, status: statusOf(score), findings: outcome.findings };
  } catch (error) {
    // A check that throws is a bug of ours, not a fault of the repository: report it and move on.
    const message = error instanceof Error ? error.message : String(error);
    return {
      score: null,
      status: "error",
      findings: [{ id: "check-error", level: "warning", message: `The check failed: ${message}` }],
    };
  }
}

/**
 * Run every check on the snapshot and roll the scores up. Pure: no I/O, no clock.
 * A criterion's score is the weighted mean of its applicable checks; the total is the weighted
 * mean of the criteria that have any applicable check.
 */
export function evaluate(snapshot: RepoSnapshot, checks: readonly Check[], options: EvaluateOptions): Report {
  const { config } = options;
  const view = new RepoView(snapshot, options.index);
  const exempt = new Map(config.exemptions.map((e) => [e.check, e.reason]));
  const raws: Raw[] = checks.map((check) => {
    const weight = effectiveWeight(check, config);
    const reason = exempt.get(check.id);
    if (reason !== undefined)
      return {
        check,
        weight,
        score: null,
        status: "not_applicable",
        findings: [{ id: "exempt", level: "info", message: `Exempted: ${reason}` }],
        exemption: reason,
      };
    if (weight === 0)
      return {
        check,
        weight,
        score: null,
        status: "not_applicable",
        findings: [{ id: "off", level: "info", message: "Turned off in the config." }],
      };
    return { check, weight, ...run(check, view) };
  });

  const criteria: CriterionResult[] = [];
  // Per criterion: its weight in the total (0 when none of its checks applied), the weight of
  // its applicable checks, and their weighted mean score (0..1).
  const shares = new Map<CriterionId, { weight: number; applicableWeight: number; mean: number }>();
  for (const c of CRITERIA) {
    const mine = raws.filter((r) => r.check.criterion === c.id && r.score !== null && r.weight > 0);
    const applicableWeight = mine.reduce((s, r) => s + r.weight, 0);
    const mean = applicableWeight > 0 ? mine.reduce((s, r) => s + r.weight * (r.score ?? 0), 0) / applicableWeight : 0;
    const weight = criterionWeight(c.id, config);
    criteria.push({ id: c.id, title: c.title, weight, score: applicableWeight > 0 ? Math.round(100 * mean) : null });
    shares.set(c.id, { weight: applicableWeight > 0 ? weight : 0, applicableWeight, mean });
  }
  const totalWeight = [...shares.values()].reduce((s, v) => s + v.weight, 0);
  const exact =
    totalWeight > 0 ? [...shares.values()].reduce((s, v) => s + (v.weight * v.mean * 100) / totalWeight, 0) : 0;
  const score = Math.round(exact);

  const results: CheckResult[] = raws.map((r) => {
    const share = shares.get(r.check.criterion);
    const gain =
      r.score === null || !share || share.applicableWeight === 0 || totalWeight === 0
        ? 0
        : (100 * (1 - r.score) * (r.weight / share.applicableWeight) * share.weight) / totalWeight;
    const result: CheckResult = {
      id: r.check.id,
      criterion: r.check.criterion,
      title: r.check.title,
      status: r.status,
      score: r.score,
      weight: r.weight,
      findings: r.findings,
      gain: Math.round(gain * 10) / 10,
      remediation: r.check.remediation,
      docs: r.check.docs,
      ...(r.exemption !== undefined ? { exemption: r.exemption } : {}),
    };
    return result;
  });

  let bytesRead = 0;
  let filesRead = 0;
  for (const c of snapshot.contents.values()) {
    if (c.kind === "text") {
      filesRead++;
      bytesRead += Buffer.byteLength(c.text, "utf8");
    }
  }
  const sourceNotes: Finding[] = snapshot.notes.map((n) => ({
    id: n.id,
    level: n.level,
    message: n.message,
    ...(n.path ? { path: n.path } : {}),
  }));
  return {
    tool: options.tool,
    repo: snapshot.identity,
    score,
    grade: gradeOf(score),
    threshold: config.threshold,
    passed: score >= config.threshold,
    criteria,
    checks: results,
    notes: [...sourceNotes, ...(options.notes ?? [])],
    stats: { files: snapshot.files.length, filesRead, bytesRead, durationMs: options.durationMs ?? 0 },
  };
}
