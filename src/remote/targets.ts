/**
 * Which repositories to scan: `owner/repo` or a GitHub URL, one per argument or per line of a
 * list file (`#` starts a comment), duplicates removed. Shared by `portfolio-quality scan` and
 * the App's `/portfolio-quality scan` comment command.
 */

/** A repository to scan, as the user named it and as GitHub will be asked for it. */
export interface RepoTarget {
  readonly owner: string;
  readonly repo: string;
  /** What the user wrote (a URL, `owner/repo`), for messages. */
  readonly input: string;
}

/** An entry that names no repository, with where it came from. */
export interface TargetProblem {
  readonly input: string;
  /** `file:line` for a list file, the argument otherwise. */
  readonly where: string;
  readonly message: string;
}

// GitHub's own rules: a login is 1-39 letters, digits or inner hyphens; a repository name is up
// to 100 letters, digits, ".", "-" or "_", and never "." or "..".
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Path segments after the host that are GitHub pages, not an owner. */
const NOT_OWNERS = new Set(["orgs", "settings", "marketplace", "apps", "topics", "search", "users", "raw", "api"]);

function split(pathname: string): string[] {
  return pathname.split("/").filter((s) => s !== "");
}

function fromSegments(segments: readonly string[], input: string): RepoTarget | string {
  const [owner, rawName] = segments;
  if (owner === undefined || rawName === undefined) return "expected owner/repo";
  const repo = rawName.replace(/\.git$/i, "");
  if (!OWNER.test(owner) || NOT_OWNERS.has(owner.toLowerCase()))
    return `"${owner}" is not a GitHub user or organisation`;
  if (!NAME.test(repo) || repo === "." || repo === "..") return `"${repo}" is not a repository name`;
  return { owner, repo, input };
}

/**
 * The web hosts whose repository URLs the API at `apiUrl` serves: github.com always (its URLs
 * are what people paste), plus an Enterprise server's own host (`https://ghe.corp/api/v3` ->
 * ghe.corp; `https://api.acme.ghe.com` -> acme.ghe.com).
 */
export function repoHostsFor(apiUrl: string): string[] {
  const hosts = ["github.com", "www.github.com"];
  let host: string;
  try {
    host = new URL(apiUrl).host.toLowerCase();
  } catch {
    return hosts;
  }
  if (host !== "api.github.com") hosts.push(host, ...(host.startsWith("api.") ? [host.slice(4)] : []));
  return hosts;
}

function hostProblem(host: string, hosts: readonly string[] | undefined): string | undefined {
  const h = host.toLowerCase();
  if (hosts === undefined || hosts.includes(h)) return undefined;
  const extra = hosts.filter((x) => !x.endsWith("github.com"));
  return `${host} is not GitHub: only github.com${extra.length ? ` or ${extra.join(", ")}` : ""} repositories can be scanned (--api-url sets the GitHub Enterprise server)`;
}

/**
 * Read one repository reference: `owner/repo`, `https://<host>/owner/repo[.git][/tree/...]`,
 * `<host>/owner/repo`, or `git@<host>:owner/repo.git`. With `hosts`, a URL on any other host is
 * refused (a GitLab URL must not be scanned as the GitHub repository of the same name); without,
 * any host is accepted. The API asked is always the one configured, never the URL's host.
 */
export function parseTarget(text: string, hosts?: readonly string[]): RepoTarget | string {
  const input = text.trim();
  if (input === "") return "empty";
  const ssh = /^[\w.-]+@([\w.-]+):(.+)$/.exec(input);
  if (ssh) return hostProblem(ssh[1] as string, hosts) ?? fromSegments(split(ssh[2] as string), input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return "not a valid URL";
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return `unsupported URL scheme ${url.protocol}`;
    return hostProblem(url.host, hosts) ?? fromSegments(split(url.pathname), input);
  }
  const segments = split(input.replace(/[?#].*$/, ""));
  // "github.com/owner/repo" without a scheme: the first segment is a host name.
  if (segments.length >= 3 && segments[0]?.includes("."))
    return hostProblem(segments[0], hosts) ?? fromSegments(segments.slice(1), input);
  if (segments.length !== 2) return "expected owner/repo or a repository URL";
  return fromSegments(segments, input);
}

/** The key two references to one repository share (GitHub names are case-insensitive). */
export function targetKey(t: Pick<RepoTarget, "owner" | "repo">): string {
  return `${t.owner}/${t.repo}`.toLowerCase();
}

/** Parsed targets in first-seen order without duplicates, and the entries that name nothing. */
export interface TargetList {
  readonly targets: RepoTarget[];
  readonly problems: TargetProblem[];
  /** How many entries were dropped as repeats. */
  readonly duplicates: number;
}

/** Parse and deduplicate entries that carry their own location; `hosts` as in `parseTarget`. */
export function collectTargets(
  entries: readonly { readonly text: string; readonly where: string }[],
  hosts?: readonly string[],
): TargetList {
  const targets: RepoTarget[] = [];
  const problems: TargetProblem[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const { text, where } of entries) {
    const parsed = parseTarget(text, hosts);
    if (typeof parsed === "string") {
      problems.push({ input: text.trim(), where, message: parsed });
      continue;
    }
    const key = targetKey(parsed);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    targets.push(parsed);
  }
  return { targets, problems, duplicates };
}

/** The entries of a list file: one per line, `#` comments and blank lines skipped, `file:line` kept. */
export function listFileEntries(text: string, file: string): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    // A "#" starts a comment only at the start or after a space: URLs may carry a fragment.
    const entry = line.replace(/(^|\s)#.*$/, "").trim();
    if (entry !== "") out.push({ text: entry, where: `${file}:${i + 1}` });
  });
  return out;
}
