/**
 * One scan, whatever the source: list, plan, read, evaluate. The only I/O is through the
 * source passed in; the checks are passed in too, so the engine never imports the checklist.
 */
import type { Check } from "./engine/check.js";
import { CONFIG_PATH, type Config, type ConfigIssue, DEFAULT_CONFIG } from "./engine/config.js";
import { evaluate } from "./engine/evaluate.js";
import { GlobIndex } from "./engine/glob.js";
import { DEFAULT_BUDGET, planReads, type ReadBudget } from "./engine/plan.js";
import { ruleToCheck } from "./engine/rules.js";
import type { FileContent, Finding, RepoListing, Report } from "./engine/types.js";
import type { RepoSource } from "./repo/source.js";

/** Everything a scan needs besides the source. */
export interface ScanOptions {
  readonly checks: readonly Check[];
  readonly config?: Config;
  /** Problems found while loading the config: reported as scan notes. */
  readonly configIssues?: readonly ConfigIssue[];
  /** Lines of the config's fields, so a rule's bad pattern is reported at its line. */
  readonly configLineOf?: (path: readonly PropertyKey[]) => number | null;
  readonly budget?: ReadBudget;
  readonly tool: { readonly name: string; readonly version: string };
  /** Clock for `stats.durationMs`; injectable so tests are deterministic. */
  readonly now?: () => number;
}

/** Findings for config problems: each names the file, line and field. */
export function configIssueFindings(issues: readonly ConfigIssue[]): Finding[] {
  return issues.map((i) => ({
    id: "invalid-config",
    level: "failure",
    message: `Invalid config: ${i.field}: ${i.message}. The default is used for that setting.`,
    path: i.file,
    ...(i.line !== null ? { line: i.line } : {}),
    remediation: "Fix the setting; `portfolio-quality schema` prints the JSON Schema of the file.",
    docs: "https://github.com/portfolio-quality/portfolio-quality#configuration",
  }));
}

/** Drop the paths the config's `ignore` globs leave out. */
export function applyIgnore(listing: RepoListing, globs: readonly string[]): RepoListing {
  if (globs.length === 0) return listing;
  const index = new GlobIndex(listing.files.map((f) => f.path));
  const dropped = new Set(index.match(globs.flatMap((g) => [g, `${g.replace(/\/+$/, "")}/**`])));
  return { ...listing, files: listing.files.filter((_, i) => !dropped.has(i)) };
}

/** Custom rules become checks; a rule whose pattern does not compile becomes a config issue. */
export function customChecks(
  config: Config,
  file = CONFIG_PATH,
  lineOf?: (path: readonly PropertyKey[]) => number | null,
): { checks: Check[]; issues: ConfigIssue[] } {
  const checks: Check[] = [];
  const issues: ConfigIssue[] = [];
  config.rules.forEach((rule, i) => {
    try {
      checks.push(ruleToCheck(rule));
    } catch (error) {
      issues.push({
        file,
        line: lineOf?.(["rules", i, "pattern"]) ?? null,
        field: `rules[${i}].pattern`,
        message: (error as Error).message,
      });
    }
  });
  return { checks, issues };
}

const SKIP_LABEL: Record<string, string> = {
  too_large: "larger than the per-file limit",
  over_budget: "past the read budget",
};

/** A report with the listing it was made from (the App annotates only paths that exist). */
export interface ScanResult {
  readonly report: Report;
  readonly listing: RepoListing;
}

/** List, plan, read and evaluate one repository. */
export async function scan(source: RepoSource, options: ScanOptions): Promise<Report> {
  return (await scanDetailed(source, options)).report;
}

/** Like `scan`, also returning the listing. */
export async function scanDetailed(source: RepoSource, options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const config = options.config ?? DEFAULT_CONFIG;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const listing = applyIgnore(await source.list(), config.ignore);
  const custom = customChecks(config, CONFIG_PATH, options.configLineOf);
  const checks = [...options.checks, ...custom.checks];
  const index = new GlobIndex(listing.files.map((f) => f.path));
  const plan = planReads(listing.files, checks, budget, index);
  const read = await source.read(plan.paths);
  const contents = new Map<string, FileContent>(read);
  for (const [path, reason] of plan.skipped) contents.set(path, { kind: "unread", reason });

  const notes: Finding[] = configIssueFindings([...(options.configIssues ?? []), ...custom.issues]);
  const skipped = [...plan.skipped.entries()];
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 10).map(([p, r]) => `${p} (${SKIP_LABEL[r] ?? r})`);
    notes.push({
      id: "files-skipped",
      level: "info",
      message: `${skipped.length} file(s) a check wanted were not read: ${shown.join(", ")}${skipped.length > 10 ? ", ..." : ""}.`,
    });
  }
  const report = evaluate({ ...listing, contents }, checks, {
    config,
    tool: options.tool,
    notes,
    durationMs: Math.round(now() - started),
    index,
  });
  return { report, listing };
}
