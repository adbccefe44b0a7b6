/**
 * The check run's bodies, built from a report with no I/O: what GitHub is sent is decided here
 * and tested against GitHub's OpenAPI description.
 */
import type { Config } from "../engine/config.js";
import type { Finding, Report } from "../engine/types.js";
import { fitToLimit, renderMarkdown } from "../report/markdown.js";

/** The check run's name as it appears on commits and pull requests. */
export const CHECK_NAME = "Portfolio quality";
/** The identifier of the Re-scan button (at most 20 characters). */
export const RESCAN_ACTION = "rescan";
/** GitHub takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** At most this many annotations per check run: the worst first; the report holds the rest. */
export const MAX_ANNOTATIONS = 150;

/** One annotation as GitHub's API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

/** The `output` of a check run. */
export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

/** Conclusion: success at or above the threshold; below it neutral, or failure when strict. */
export function conclusionOf(report: Report, config: Pick<Config, "strict">): "success" | "neutral" | "failure" {
  if (report.passed) return "success";
  return config.strict ? "failure" : "neutral";
}

const RANK: Record<Finding["level"], number> = { failure: 0, warning: 1, info: 2 };
const LEVEL: Record<Finding["level"], Annotation["annotation_level"]> = {
  failure: "failure",
  warning: "warning",
  info: "notice",
};

/**
 * Annotations for shortfall findings that point at a file the commit has, worst first, capped.
 * Text goes to GitHub as plain text (annotations are not Markdown), cut to GitHub's limits.
 */
export function annotationsOf(report: Report, hasPath: (path: string) => boolean): Annotation[] {
  const found: { a: Annotation; rank: number; order: number }[] = [];
  const notes = report.notes.map((f) => ({ f, title: "Scan" }));
  const findings = report.checks.flatMap((c) => c.findings.map((f) => ({ f, title: c.title })));
  for (const [order, { f, title }] of [...notes, ...findings].entries()) {
    if (f.level === "info" || f.path === undefined || !hasPath(f.path)) continue;
    const line = f.line !== undefined && f.line > 0 ? f.line : 1;
    const message = f.remediation ? `${f.message}\nFix: ${f.remediation}` : f.message;
    found.push({
      a: {
        path: f.path,
        start_line: line,
        end_line: line,
        annotation_level: LEVEL[f.level],
        title: title.slice(0, 255),
        // GitHub takes up to 64 KB; an annotation is read in a narrow box, so far less is plenty.
        message: message.slice(0, 4000),
      },
      rank: RANK[f.level],
      order,
    });
  }
  return found
    .sort((x, y) => x.rank - y.rank || x.order - y.order)
    .slice(0, MAX_ANNOTATIONS)
    .map((x) => x.a);
}

/** The body that completes a check run with a report; annotations go in batches of 50. */
export function completedOutput(
  report: Report,
  annotations: readonly Annotation[],
): { title: string; summary: string; text: string; batches: Annotation[][] } {
  const md = renderMarkdown(report);
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return { title: md.title.slice(0, 255), summary: md.summary, text: md.text, batches };
}

/** The Re-scan button. */
export const RESCAN_ACTIONS = [{ label: "Re-scan", identifier: RESCAN_ACTION, description: "Score this commit again" }];

/** Output of a check run whose scan could not finish, in plain language. */
export function failedOutput(reason: string, detail?: string): CheckRunOutput {
  const summary = [
    `The scan could not finish: ${reason}`,
    "",
    "Nothing is wrong with your repository because of this. Press **Re-scan** above to try again.",
    ...(detail
      ? [
          "",
          "<details><summary>Details</summary>",
          "",
          "```",
          detail.replace(/```/g, "'''").slice(0, 4000),
          "```",
          "</details>",
        ]
      : []),
  ].join("\n");
  return { title: "Portfolio quality: scan failed", summary: fitToLimit(summary) };
}
