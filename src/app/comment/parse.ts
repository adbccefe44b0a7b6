/**
 * Reading `/portfolio-quality scan owner/repo ...` out of an issue or pull-request comment.
 * Only a line of the comment's own text counts: not a quoted reply (`> ...`) and not a line
 * inside a fenced code block, so quoting or documenting the command never runs it.
 */
import { collectTargets, type RepoTarget, repoHostsFor, type TargetProblem } from "../../remote/targets.js";

/** The command word. */
export const COMMAND = "/portfolio-quality";

/** Repositories one comment may scan; the rest are listed as over the cap. */
export const MAX_REPOS_PER_COMMENT = 10;

/** What a comment asks for. */
export type CommentCommand =
  | {
      readonly kind: "scan";
      /** At most the cap, first-named first. */
      readonly targets: readonly RepoTarget[];
      /** Named past the cap: not scanned. */
      readonly overCap: readonly RepoTarget[];
      readonly problems: readonly TargetProblem[];
    }
  /** The command word with something else, or `scan` with no repository: answered with the usage. */
  | { readonly kind: "usage"; readonly reason: string };

const LINE = /^ {0,3}\/portfolio-quality(?=\s|$)(.*)$/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** `<https://...>` and `[text](https://...)` as people paste them in Markdown: the URL inside. */
function unwrap(token: string): string {
  const link = /^\[[^\]]*\]\((\S+?)\)$/.exec(token);
  if (link) return link[1] as string;
  return token.replace(/^<(.+)>$/, "$1");
}

/** The comment's lines that are its own text: outside fences, not quoted. */
function ownLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      out.push("");
      continue;
    }
    if (marker) {
      fence = marker;
      out.push("");
      continue;
    }
    out.push(/^ {0,3}>/.test(line) ? "" : line);
  }
  return out;
}

/**
 * Hosts a repository URL in a comment may name: github.com, or the Enterprise server the App
 * runs against (Probot's GHE_HOST). A GitLab link must not be scored as someone's GitHub repo.
 */
export function appRepoHosts(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return repoHostsFor(
    env.GHE_HOST ? `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3` : "https://api.github.com",
  );
}

/** The command in `body`, or undefined when the comment holds none. */
export function parseComment(
  body: string,
  cap = MAX_REPOS_PER_COMMENT,
  hosts: readonly string[] = appRepoHosts(),
): CommentCommand | undefined {
  const lines = ownLines(body);
  const at = lines.findIndex((l) => LINE.test(l));
  if (at < 0) return undefined;
  const rest = (LINE.exec(lines[at] as string)?.[1] ?? "").trim();
  const [sub, ...words] = rest.split(/[\s,]+/).filter(Boolean);
  if (sub?.toLowerCase() !== "scan")
    return { kind: "usage", reason: sub ? `unknown command "${sub.slice(0, 40)}"` : "no command given" };
  // With nothing after "scan", the repositories may follow on the next lines, up to a blank one.
  if (words.length === 0)
    for (const line of lines.slice(at + 1)) {
      if (line.trim() === "") break;
      words.push(...line.split(/[\s,]+/).filter(Boolean));
    }
  if (words.length === 0) return { kind: "usage", reason: "no repository named" };
  const list = collectTargets(
    words.map((w, i) => ({ text: unwrap(w), where: `word ${i + 1}` })),
    hosts,
  );
  return {
    kind: "scan",
    targets: list.targets.slice(0, cap),
    overCap: list.targets.slice(cap),
    problems: list.problems,
  };
}
