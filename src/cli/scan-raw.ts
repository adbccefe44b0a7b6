/**
 * Reading a public repository without a token. GitHub's GraphQL API, which the GitHub source
 * reads contents with, refuses anonymous queries, and the REST API allows 60 anonymous requests
 * an hour. So the listing still comes from the GitHub source (one tree request) and the files
 * the plan asks for come from the raw file host, which is not counted against the API quota.
 */
import type { FileContent, RepoListing } from "../engine/types.js";
import { networkFailure, networkMessage } from "../remote/network.js";
import { decodeBytes } from "../repo/decode.js";
import type { GitHubSource } from "../repo/github.js";
import type { RepoSource } from "../repo/source.js";

/** GitHub's GraphQL API gives no text past this size; raw reads keep the same limit so both scans agree. */
const MAX_BYTES = 512_000;

/** How the raw reader reaches files. */
export interface RawReadOptions {
  /** The raw URL of a path of the commit being scanned. */
  readonly urlOf: (path: string) => string;
  /** Files fetched at once (default 4). */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly userAgent: string;
}

/** The GitHub source's listing with contents fetched from raw URLs. */
export class RawContentSource implements RepoSource {
  private rawCount = 0;

  constructor(
    private readonly listing: GitHubSource,
    private readonly options: RawReadOptions,
  ) {}

  /** API requests (the listing); raw fetches are counted apart in `rawRequests`. */
  get requests(): number {
    return this.listing.requests;
  }

  /** Files fetched from the raw host. */
  get rawRequests(): number {
    return this.rawCount;
  }

  /** The tree, through the API. */
  list(): Promise<RepoListing> {
    return this.listing.list();
  }

  /** Each path from its raw URL; a file that cannot be fetched is unread with the reason. */
  async read(paths: readonly string[]): Promise<ReadonlyMap<string, FileContent>> {
    const out = new Map<string, FileContent>();
    const queue = [...new Set(paths)];
    const workers = Array.from({ length: Math.max(1, this.options.concurrency ?? 4) }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) out.set(path, await this.fetchOne(path));
    });
    await Promise.all(workers);
    return out;
  }

  private async fetchOne(path: string): Promise<FileContent> {
    this.rawCount++;
    const doFetch = this.options.fetch ?? fetch;
    const url = this.options.urlOf(path);
    try {
      const res = await doFetch(url, {
        headers: { "user-agent": this.options.userAgent },
        redirect: "follow",
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      if (!res.ok) {
        await res.body?.cancel();
        return { kind: "unread", reason: "unreadable", detail: `raw fetch answered HTTP ${res.status}` };
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > MAX_BYTES) return { kind: "unread", reason: "too_large", detail: `${bytes.length} bytes` };
      return decodeBytes(bytes);
    } catch (error) {
      // "fetch failed" says nothing: name the host and the cause when the network is to blame.
      const network = networkFailure(error, url);
      const said = network ? networkMessage(network) : (error as Error).message;
      return { kind: "unread", reason: "unreadable", detail: `raw fetch failed: ${said}` };
    }
  }
}
