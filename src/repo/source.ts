import type { FileContent, RepoListing } from "../engine/types.js";

/**
 * Where files come from: a local folder or the GitHub API. Nothing past this interface knows
 * which. `list` is called once; `read` once with the whole read plan.
 */
export interface RepoSource {
  list(): Promise<RepoListing>;
  /** Contents for these paths; a path that cannot be read maps to an `unread` content with the reason. */
  read(paths: readonly string[]): Promise<ReadonlyMap<string, FileContent>>;
}
