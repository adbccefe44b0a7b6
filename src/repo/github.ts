/**
 * The GitHub source: a commit read through the API, in as few requests as GitHub allows.
 * `list()` is one recursive tree request (more only when GitHub truncates the tree);
 * `read()` is one GraphQL query per `batchSize` files. Every request is counted in `requests`
 * so budgets can be asserted and reported.
 */
import type { Octokit } from "@octokit/rest";
import type { FileContent, RepoIdentity, RepoListing, SourceNote } from "../engine/types.js";
import { type BatchAnswer, contentsQuery, contentsVariables, errorsByAlias, readContents } from "./github-contents.js";
import { directoriesAnswer, directoriesQuery } from "./github-directories.js";
import {
  errorMessage,
  failedPrefix,
  type GitHubOperation,
  GitHubSourceError,
  graphqlFailure,
  sourceError,
} from "./github-errors.js";
import { type DirectoryEntry, type GitTree, listTree } from "./github-tree.js";
import type { RepoSource } from "./source.js";

export { GitHubSourceError } from "./github-errors.js";

/** The part of an Octokit (`@octokit/rest`, or Probot's `context.octokit`) the source uses. */
export type GitHubClient = Pick<Octokit, "request" | "graphql">;

/** Which commit to read, and the limits of the reading. */
export interface GitHubSourceOptions {
  readonly owner: string;
  readonly repo: string;
  /** The commit to scan: every request names this sha, never a moving branch. */
  readonly sha: string;
  /** The branch or tag the commit was reached by, shown in the report only. */
  readonly ref?: string | null;
  /**
   * Files per GraphQL query (default 1,000: a whole default read plan in one request). A batch
   * GitHub fails on for its size (timeout, 5xx, resource limits) is asked for again in halves.
   */
  readonly batchSize?: number;
  /** Extra listing requests allowed when GitHub truncates the recursive tree (default 20). */
  readonly maxTreeRequests?: number;
  /**
   * List what a truncated tree left out through GraphQL, many directories a query (default
   * true); false walks the trees API directory by directory instead.
   */
  readonly graphqlListing?: boolean;
  /** Blobs GitHub calls binary that may be fetched raw to decode them like a clone would (default 5). */
  readonly maxRawFetches?: number;
  /** Requests in flight at once (default 1: GitHub asks integrations to make requests serially). */
  readonly concurrency?: number;
  /** Give up on a request after this long (default 30,000 ms). */
  readonly timeoutMs?: number;
}

/** Defaults of the limits, exported so documentation and tests quote the same numbers. */
export const GITHUB_SOURCE_DEFAULTS = {
  batchSize: 1000,
  maxTreeRequests: 20,
  graphqlListing: true,
  maxRawFetches: 5,
  concurrency: 1,
  timeoutMs: 30_000,
} as const;

/** A commit on GitHub as a `RepoSource`. */
export class GitHubSource implements RepoSource {
  /** Where the snapshot comes from, as the report shows it. */
  readonly identity: RepoIdentity;
  private readonly octokit: GitHubClient;
  private readonly options: Required<Omit<GitHubSourceOptions, "ref">>;
  private readonly counts: Record<GitHubOperation, number> = { tree: 0, contents: 0, blob: 0 };
  private readonly blobShas = new Map<string, string>();

  constructor(octokit: GitHubClient, options: GitHubSourceOptions) {
    this.octokit = octokit;
    this.options = {
      owner: options.owner,
      repo: options.repo,
      sha: options.sha,
      batchSize: options.batchSize ?? GITHUB_SOURCE_DEFAULTS.batchSize,
      maxTreeRequests: options.maxTreeRequests ?? GITHUB_SOURCE_DEFAULTS.maxTreeRequests,
      graphqlListing: options.graphqlListing ?? GITHUB_SOURCE_DEFAULTS.graphqlListing,
      maxRawFetches: options.maxRawFetches ?? GITHUB_SOURCE_DEFAULTS.maxRawFetches,
      concurrency: options.concurrency ?? GITHUB_SOURCE_DEFAULTS.concurrency,
      timeoutMs: options.timeoutMs ?? GITHUB_SOURCE_DEFAULTS.timeoutMs,
    };
    this.identity = {
      source: "github",
      name: `${options.owner}/${options.repo}`,
      ref: options.ref ?? null,
      sha: options.sha,
    };
  }

  /** GitHub API requests made so far (each retry Octokit makes on its own counts once). */
  get requests(): number {
    return this.counts.tree + this.counts.contents + this.counts.blob;
  }

  /** Requests made so far by kind: tree listings, GraphQL content batches, raw blob fetches. */
  get requestsByKind(): Readonly<Record<GitHubOperation, number>> {
    return { ...this.counts };
  }

  /** One recursive tree request; GraphQL listings (or a walk by subtrees) when GitHub truncates it. */
  async list(): Promise<RepoListing> {
    const { files, note } = await listTree((sha, recursive) => this.fetchTree(sha, recursive), this.options.sha, {
      maxExtraRequests: this.options.maxTreeRequests,
      concurrency: this.options.concurrency,
      ...(this.options.graphqlListing
        ? { fetchDirectories: (paths: readonly string[], depth: number) => this.fetchDirectories(paths, depth) }
        : {}),
    });
    const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.blobShas.clear();
    for (const f of sorted) if (f.sha && f.mode !== "submodule") this.blobShas.set(f.path, f.sha);
    const notes: SourceNote[] = note ? [note] : [];
    return { identity: this.identity, files: sorted.map(({ sha: _sha, ...file }) => file), notes };
  }

  /** The contents of `paths`, in GraphQL batches of `batchSize`; unreadable ones say why. */
  async read(paths: readonly string[]): Promise<ReadonlyMap<string, FileContent>> {
    return readContents(
      {
        batch: (batch) => this.fetchBatch(batch),
        blob: (sha) => this.fetchBlob(sha),
        shaOf: (path) => this.blobShas.get(path),
      },
      paths,
      {
        batchSize: this.options.batchSize,
        maxRawFetches: this.options.maxRawFetches,
        concurrency: this.options.concurrency,
      },
    );
  }

  private get where(): string {
    return `${this.identity.name} at ${this.options.sha.slice(0, 7)}`;
  }

  /** Run one counted request with a timeout; whatever it throws becomes a `GitHubSourceError`. */
  private async call<T>(operation: GitHubOperation, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.counts[operation]++;
    const ms = this.options.timeoutMs;
    const signal = AbortSignal.timeout(ms);
    try {
      return await run(signal);
    } catch (error) {
      if (error instanceof GitHubSourceError) throw error;
      throw sourceError(operation, this.where, error, { timedOut: signal.aborted, ms });
    }
  }

  private fetchTree(sha: string, recursive: boolean): Promise<GitTree> {
    return this.call("tree", async (signal) => {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
        owner: this.options.owner,
        repo: this.options.repo,
        tree_sha: sha,
        ...(recursive ? { recursive: "1" } : {}),
        request: { signal },
      });
      return { tree: data.tree, truncated: data.truncated };
    });
  }

  private fetchDirectories(paths: readonly string[], depth: number): Promise<(DirectoryEntry[] | null)[]> {
    return this.call("tree", async (signal) => {
      const variables = contentsVariables(this.options.owner, this.options.repo, this.options.sha, paths);
      try {
        const data = await this.octokit.graphql<{ repository: Parameters<typeof directoriesAnswer>[0] }>(
          directoriesQuery(paths.length, depth),
          { ...variables, request: { signal } },
        );
        return directoriesAnswer(data.repository, paths.length);
      } catch (error) {
        const failed = graphqlFailure(error);
        if (!failed) throw error;
        throw this.graphqlError("tree", failed.errors.map(errorMessage), failed.types, error);
      }
    });
  }

  private fetchBatch(paths: readonly string[]): Promise<BatchAnswer> {
    return this.call("contents", async (signal) => {
      const variables = contentsVariables(this.options.owner, this.options.repo, this.options.sha, paths);
      try {
        const data = await this.octokit.graphql<{ repository: BatchAnswer["repository"] }>(
          contentsQuery(paths.length),
          {
            ...variables,
            request: { signal },
          },
        );
        return { repository: data.repository, aliasErrors: new Map() };
      } catch (error) {
        const failed = graphqlFailure<{ repository?: BatchAnswer["repository"] }>(error);
        if (!failed) throw error;
        const { byAlias, general } = errorsByAlias(failed.errors);
        const repository = failed.data?.repository;
        // Errors about single files leave the rest of the batch usable; anything else fails it.
        if (repository && general.length === 0) return { repository, aliasErrors: byAlias };
        const messages = [...general, ...byAlias.values()].map((m) => errorMessage({ message: m }));
        throw this.graphqlError("contents", messages, failed.types, error);
      }
    });
  }

  /** A GraphQL answer with errors, as a `GitHubSourceError` naming the request and every message. */
  private graphqlError(
    operation: GitHubOperation,
    messages: readonly string[],
    types: readonly string[],
    cause: unknown,
  ): GitHubSourceError {
    return new GitHubSourceError(`${failedPrefix(operation, this.where)}: ${messages.join("; ")}.`, {
      operation,
      rateLimited: types.includes("RATE_LIMITED"),
      cause,
    });
  }

  private fetchBlob(sha: string): Promise<Uint8Array> {
    return this.call("blob", async (signal) => {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
        owner: this.options.owner,
        repo: this.options.repo,
        file_sha: sha,
        request: { signal },
      });
      return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    });
  }
}
