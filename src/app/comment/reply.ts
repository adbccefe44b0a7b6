/**
 * The App's replies to `/portfolio-quality scan`: the ranked table and each repository's summary
 * folded in `<details>`, in one comment within GitHub's size limit; the polite refusal; usage.
 */
import type { RepoTarget, TargetProblem } from "../../remote/targets.js";
import { codeSpan } from "../../report/escape.js";
import { renderSummary } from "../../report/markdown.js";
import { batchSummary, type RankedRow, renderRankingMarkdownTable } from "../../report/ranking.js";

/** GitHub refuses an issue or pull-request comment body longer than this (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;

const DOCS = "https://github.com/portfolio-quality/portfolio-quality#for-recruiters";

/** Text the commenter typed, shown literally and briefly. */
function typed(text: string): string {
  return codeSpan(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

/** The answer to someone without write access on this repository: nothing is scanned. */
export function deniedReply(): string {
  return (
    "Sorry, `/portfolio-quality scan` can only be run by people with write, maintain or admin access to this " +
    "repository, so nothing was scanned. Anyone can scan public repositories with the command-line tool: " +
    `\`npx portfolio-quality scan owner/repo\` ([how](${DOCS})).\n`
  );
}

/** The usage, after saying what was wrong. */
export function usageReply(reason: string, cap: number): string {
  return [
    `I could not run that: ${typed(reason)}.`,
    "",
    "Usage: `/portfolio-quality scan owner/repo [owner/repo ...]` (repository URLs work too), " +
      `up to ${cap} repositories per comment. ([docs](${DOCS}))`,
    "",
  ].join("\n");
}

/** What a scan reply holds besides the ranked rows. */
export interface ScanReplyInput {
  readonly rows: readonly RankedRow[];
  readonly overCap: readonly RepoTarget[];
  readonly problems: readonly TargetProblem[];
  readonly cap: number;
  readonly tool: { readonly name: string; readonly version: string };
}

function details(r: RankedRow): string {
  if (r.row.status !== "scanned") return "";
  const { report } = r.row;
  const commit = report.repo.sha
    ? `Commit ${codeSpan(report.repo.sha.slice(0, 7))}${report.repo.ref ? ` on ${codeSpan(report.repo.ref)}` : ""}.\n\n`
    : "";
  // Names are GitHub's own (letters, digits, ".", "-", "_", "/"): nothing to escape in HTML.
  return [
    "<details>",
    `<summary><b>${r.rank}. ${r.row.name}</b>: ${report.score}/100 (${report.grade})</summary>`,
    "",
    `${commit}${renderSummary(report).trimEnd()}`,
    "",
    "</details>",
    "",
  ].join("\n");
}

/** The reply to a scan: table, folded summaries (as many as fit), what was not scanned, and how it was scored. */
export function scanReply(input: ScanReplyInput, limit = GITHUB_COMMENT_LIMIT): string {
  const head = [`### Portfolio quality: ${batchSummary(input.rows)}`, "", renderRankingMarkdownTable(input.rows)].join(
    "\n",
  );
  const tail: string[] = [];
  if (input.overCap.length > 0)
    tail.push(
      `**Not scanned**, past the cap of ${input.cap} repositories per comment: ${input.overCap.map((t) => typed(t.input)).join(", ")}.`,
      "",
    );
  if (input.problems.length > 0)
    tail.push(
      `**Not a repository**: ${input.problems.map((p) => `${typed(p.input)} (${p.message.replace(/"/g, "")})`).join(", ")}.`,
      "",
    );
  tail.push(
    `<sub>Scored with ${input.tool.name} ${input.tool.version} and the default weights, every repository the same way. ` +
      `For every check and finding, run \`portfolio-quality scan <repos> --format html\` ([docs](${DOCS})).</sub>`,
    "",
  );
  const end = tail.join("\n");
  const note = (n: number) =>
    `_The summaries of ${n} more ${n === 1 ? "repository" : "repositories"} did not fit in one comment (GitHub's limit is ${limit.toLocaleString("en-US")} characters)._\n\n`;
  const folded: string[] = [];
  let used = head.length + 1 + end.length + note(input.rows.length).length;
  let left = 0;
  for (const r of input.rows) {
    const block = details(r);
    if (block === "") continue;
    if (left === 0 && used + block.length <= limit) {
      folded.push(block);
      used += block.length;
    } else left++;
  }
  const body = `${head}\n${folded.join("")}${left > 0 ? note(left) : ""}${end}`;
  // The table and notes alone cannot exceed the limit at the cap; the cut is a last resort.
  return body.length <= limit ? body : `${body.slice(0, limit - 2)}…\n`;
}
