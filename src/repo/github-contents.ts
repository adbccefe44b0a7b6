/**
 * File contents through GitHub's GraphQL API: one query per batch of files, one alias per
 * file (`f0: object(expression: $e0)`), with `"<sha>:<path>"` passed as a variable so a path
 * can never change the query. Blobs GitHub calls binary may be fetched as raw bytes, so a
 * UTF-16 requirements file decodes exactly as it would from a clone.
 */
import type { FileContent } from "../engine/types.js";
import { decodeBytes, fromText } from "./decode.js";
import { GitHubSourceError } from "./github-errors.js";

/** The Blob fields asked for each file. */
const BLOB_FIELDS = "... on Blob { text byteSize isBinary isTruncated }";

/** What GitHub answers for one alias: a Blob, `{}` for a tree or commit, null for a missing path. */
type BlobNode = {
  readonly text?: string | null;
  readonly byteSize?: number;
  readonly isBinary?: boolean | null;
  readonly isTruncated?: boolean;
} | null;

/** The GraphQL document for a batch of `count` files, variables `$owner`, `$name`, `$e0`.. */
export function contentsQuery(count: number): string {
  const declared = ["$owner: String!", "$name: String!"];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    declared.push(`$e${i}: String!`);
    fields.push(`f${i}: object(expression: $e${i}) { ${BLOB_FIELDS} }`);
  }
  return `query ReadFiles(${declared.join(", ")}) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join("\n    ")}\n  }\n}`;
}

/** The variables for a batch: the repository and one `"<sha>:<path>"` expression per file. */
export function contentsVariables(
  owner: string,
  name: string,
  sha: string,
  paths: readonly string[],
): Record<string, string> {
  const variables: Record<string, string> = { owner, name };
  paths.forEach((path, i) => {
    variables[`e${i}`] = `${sha}:${path}`;
  });
  return variables;
}

/** One GraphQL answer as this module needs it: data (maybe partial) and the errors by alias. */
export interface BatchAnswer {
  readonly repository: Record<string, BlobNode> | null | undefined;
  /** Error messages keyed by alias (`f3`), from errors whose path is `["repository", "f3", ...]`. */
  readonly aliasErrors: ReadonlyMap<string, string>;
}

/** Split GraphQL `errors` by the alias they concern; errors about no alias come back as `general`. */
export function errorsByAlias(errors: readonly unknown[]): { byAlias: Map<string, string>; general: string[] } {
  const byAlias = new Map<string, string>();
  const general: string[] = [];
  for (const e of errors) {
    const err = (e ?? {}) as { message?: unknown; path?: unknown };
    const message = typeof err.message === "string" ? err.message : "unknown GraphQL error";
    const path = Array.isArray(err.path) ? err.path : [];
    const alias = path[0] === "repository" && typeof path[1] === "string" ? path[1] : undefined;
    if (alias) byAlias.set(alias, message);
    else general.push(message);
  }
  return { byAlias, general };
}

/** Why a blob has no usable text and whether its raw bytes could settle it. */
function contentOf(node: BlobNode, error: string | undefined): { content: FileContent; rawMayHelp: boolean } {
  if (error) return { content: { kind: "unread", reason: "unreadable", detail: error }, rawMayHelp: false };
  if (node === null || node === undefined)
    return { content: { kind: "unread", reason: "unreadable", detail: "not found in this commit" }, rawMayHelp: false };
  if (!("byteSize" in node) && !("isBinary" in node))
    return { content: { kind: "unread", reason: "not_regular", detail: "not a file" }, rawMayHelp: false };
  if (node.isTruncated)
    return {
      content: { kind: "unread", reason: "too_large", detail: `${node.byteSize ?? "?"} bytes` },
      rawMayHelp: false,
    };
  if (node.isBinary === true) return { content: { kind: "unread", reason: "binary" }, rawMayHelp: true };
  if (typeof node.text !== "string")
    return {
      content: { kind: "unread", reason: "unreadable", detail: "GitHub could not tell its encoding" },
      rawMayHelp: true,
    };
  // A NUL in text GitHub called text means it mis-decoded something (UTF-16 without a hint).
  if (node.text.includes("\u0000")) return { content: fromText(node.text), rawMayHelp: true };
  return { content: fromText(node.text), rawMayHelp: false };
}

/** How the contents reader reaches GitHub; the source wires these to Octokit and counts them. */
export interface ContentsDeps {
  readonly batch: (paths: readonly string[]) => Promise<BatchAnswer>;
  /** Raw bytes of a blob by its sha. */
  readonly blob: (sha: string) => Promise<Uint8Array>;
  /** The blob sha of a listed path, when the listing gave one. */
  readonly shaOf: (path: string) => string | undefined;
}

/** Limits of one read. */
export interface ContentsLimits {
  readonly batchSize: number;
  /** Blobs GitHub calls binary that may be fetched raw to decide (UTF-16 text, say). */
  readonly maxRawFetches: number;
  readonly concurrency: number;
}

/** The smallest batch split further when GitHub fails on a large one. */
const MIN_SPLIT = 25;

/**
 * A batch GitHub failed on for its size rather than its content: a timeout (ours, or GitHub's
 * 10 s GraphQL limit surfacing as a 502/504), a server error, or a resource-limit error.
 */
function splittable(error: unknown): boolean {
  if (!(error instanceof GitHubSourceError) || error.rateLimited) return false;
  if (error.timedOut || (error.status !== undefined && error.status >= 500)) return true;
  return /RESOURCE_LIMITS|timeout|timed out|in time/i.test(error.message);
}

/** Ask for a batch; when GitHub fails on it for its size, ask for each half instead. */
async function fetchSplitting(
  deps: ContentsDeps,
  paths: readonly string[],
): Promise<{ paths: readonly string[]; answer: BatchAnswer }[]> {
  try {
    return [{ paths, answer: await deps.batch(paths) }];
  } catch (error) {
    if (paths.length < MIN_SPLIT * 2 || !splittable(error)) throw error;
    const half = Math.ceil(paths.length / 2);
    const first = await fetchSplitting(deps, paths.slice(0, half));
    const second = await fetchSplitting(deps, paths.slice(half));
    return [...first, ...second];
  }
}

/** Read `paths` in GraphQL batches, then settle doubtful blobs from their raw bytes. */
export async function readContents(
  deps: ContentsDeps,
  paths: readonly string[],
  limits: ContentsLimits,
): Promise<Map<string, FileContent>> {
  const unique = [...new Set(paths)];
  const batches: string[][] = [];
  const size = Math.max(1, limits.batchSize);
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));

  const out = new Map<string, FileContent>();
  const doubtful: string[] = [];
  for (let i = 0; i < batches.length; i += Math.max(1, limits.concurrency)) {
    const wave = batches.slice(i, i + Math.max(1, limits.concurrency));
    const answers = (await Promise.all(wave.map((b) => fetchSplitting(deps, b)))).flat();
    answers.forEach(({ paths: batch, answer }) => {
      batch.forEach((path, k) => {
        const alias = `f${k}`;
        const { content, rawMayHelp } = contentOf(answer.repository?.[alias] ?? null, answer.aliasErrors.get(alias));
        out.set(path, content);
        if (rawMayHelp) doubtful.push(path);
      });
    });
  }

  const fetchable = doubtful.filter((p) => deps.shaOf(p) !== undefined).sort();
  const chosen = fetchable.slice(0, Math.max(0, limits.maxRawFetches));
  for (const path of fetchable.slice(chosen.length)) {
    const current = out.get(path);
    if (current?.kind === "unread")
      out.set(path, { ...current, detail: `not fetched raw: over the cap of ${limits.maxRawFetches} per scan` });
  }
  for (const path of chosen) {
    try {
      out.set(path, decodeBytes(await deps.blob(deps.shaOf(path) as string)));
    } catch (error) {
      // The GraphQL answer stands: one doubtful file is not worth failing the whole scan.
      const current = out.get(path);
      const why = error instanceof Error ? error.message : String(error);
      if (current?.kind === "unread") out.set(path, { ...current, detail: `raw fetch failed: ${why}` });
    }
  }
  return out;
}
