import {
  type Check,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { parseYaml } from "../lib/parse.js";
import { readSteps, WORKFLOW_READ, workflows } from "../lib/workflows.js";

const DOCS =
  "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions";
const REMEDIATION =
  "Pin each third-party action to a full commit SHA with the version in a comment (`uses: owner/action@<40-hex sha> # v1.2.3`); `pinact` or `ratchet` rewrite the workflows, and Dependabot keeps the pins up to date.";
const FIX = { remediation: REMEDIATION, docs: DOCS };

/** How a `uses:` reference is pinned. */
export type Pin = "sha" | "tag" | "branch" | "none";

/** Owners whose actions GitHub itself publishes. */
const FIRST_PARTY = /^(actions|github)\//i;

/** A version tag as actions publish them: `v4`, `v1.2.3`, `2.0.0-beta.1`, `release/v1` is not one. */
const VERSION = /^v?\d+(\.\d+)*([-+][\w.]+)?$/;

/** How a remote action or reusable workflow reference is pinned; undefined for local ones. */
export function pinOf(uses: string): Pin | undefined {
  if (uses.startsWith("./") || uses.startsWith("../") || uses.includes("${{")) return undefined;
  if (uses.startsWith("docker://")) {
    const image = uses.slice(9);
    if (/@sha256:[0-9a-f]{64}$/i.test(image)) return "sha";
    const tag = /:([^/:]+)$/.exec(image)?.[1];
    return tag === undefined ? "none" : tag === "latest" ? "branch" : "tag";
  }
  const at = uses.lastIndexOf("@");
  if (at === -1) return "none";
  const ref = uses.slice(at + 1);
  if (/^[0-9a-f]{40}$/i.test(ref)) return "sha";
  return VERSION.test(ref) ? "tag" : "branch";
}

interface Use {
  readonly uses: string;
  readonly path: string;
  readonly line: number;
}

/** Every `uses:` in workflows (steps and reusable-workflow jobs) and in the repository's own actions. */
function allUses(repo: RepoView): Use[] {
  const out: Use[] = [];
  // A workflow refused only for its job graph still names its actions: their pins are the author's habit.
  const { parsed, broken } = workflows(repo);
  for (const w of [...parsed, ...broken.flatMap((b) => (b.workflow ? [b.workflow] : []))])
    for (const job of w.jobs) {
      if (job.uses) out.push({ uses: job.uses, path: w.path, line: job.line });
      for (const s of job.steps) if (s.uses) out.push({ uses: s.uses, path: w.path, line: s.line });
    }
  for (const f of repo.read("**/action.{yml,yaml}")) {
    if (!isOwnCode(f.path)) continue;
    const parsed = parseYaml(f.text);
    if (!parsed.ok) continue;
    const runs = (parsed.value.value as { runs?: { steps?: unknown } } | null)?.runs;
    if (!Array.isArray(runs?.steps)) continue;
    for (const s of readSteps(parsed.value, f.path, runs.steps, ["runs", "steps"]).steps)
      if (s.uses) out.push({ uses: s.uses, path: f.path, line: s.line });
  }
  return out;
}

/** `ci_cd.pinned_actions`: third-party actions pinned to a full commit SHA. */
export const pinnedActions: Check = defineCheck({
  id: "ci_cd.pinned_actions",
  title: "Actions pinned to a commit",
  criterion: "ci_cd",
  weight: 1,
  looksFor:
    "Third-party `uses:` references (actions, reusable workflows, docker:// images) pinned to a full 40-character commit SHA or image digest; version tags are partial, branches or no ref fail.",
  why: "A tag or branch can be moved to malicious code after you review it (the tj-actions/changed-files compromise of 2025); only a full SHA is immutable. GitHub's own `actions/*` and `github/*` on a version tag are accepted here, as most reviewers do (OpenSSF Scorecard is stricter and pins those too); on a branch they count as unpinned.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [WORKFLOW_READ],
  evaluate(repo) {
    const uses = allUses(repo);
    const byRef = new Map<string, Use>();
    for (const u of uses) if (!byRef.has(u.uses)) byRef.set(u.uses, u);
    const scores: number[] = [];
    const findings: Finding[] = [];
    const pinned: string[] = [];
    const firstPartyTags: string[] = [];
    for (const u of byRef.values()) {
      const pin = pinOf(u.uses);
      if (pin === undefined) continue;
      const at = { path: u.path, line: u.line };
      if (FIRST_PARTY.test(u.uses) && pin === "tag") {
        firstPartyTags.push(u.uses);
        continue;
      }
      if (pin === "sha") {
        scores.push(1);
        pinned.push(u.uses);
      } else if (pin === "tag") {
        scores.push(0.5);
        findings.push(warning("action-tag", `${u.uses} is pinned to a version tag, which can be moved`, at, FIX));
      } else {
        scores.push(0);
        findings.push(
          failure(
            "action-unpinned",
            pin === "none"
              ? `${u.uses} has no ref: it runs whatever is current`
              : `${u.uses} follows a branch: every run may get different code`,
            at,
            FIX,
          ),
        );
      }
    }
    if (pinned.length > 0)
      findings.unshift(
        info("action-pinned", `${pinned.length} third-party reference(s) pinned to a commit SHA or digest`),
      );
    if (firstPartyTags.length > 0)
      findings.push(
        info(
          "first-party-tag",
          `GitHub's own actions on version tags (accepted): ${firstPartyTags.slice(0, 5).join(", ")}`,
        ),
      );
    // A workflow that does not parse may well name actions: say it was not read, never "none".
    const unread = workflows(repo).broken.filter((b) => !b.workflow);
    const unreadNote =
      unread.length > 0
        ? info(
            "workflow-unreadable",
            `Could not read ${unread.length} workflow(s) (${unread
              .slice(0, 3)
              .map((b) => `${b.path}${b.line !== undefined ? `:${b.line}` : ""}: ${b.message}`)
              .join("; ")}): their actions are not judged`,
            { path: unread[0]?.path, line: unread[0]?.line },
          )
        : undefined;
    if (unreadNote) findings.push(unreadNote);
    if (scores.length === 0) {
      if (firstPartyTags.length > 0) return scored(1, findings);
      if (unreadNote) return notApplicable(unreadNote);
      return notApplicable(info("no-actions", "No workflow uses a remote action"));
    }
    return scored(scores.reduce((a, b) => a + b, 0) / scores.length, findings);
  },
});
