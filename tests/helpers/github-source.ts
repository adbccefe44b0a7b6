/**
 * The fake GitHub API with a real Octokit in front of it, for tests of the GitHub source: one
 * server per test file, reset after each test.
 */
import { Octokit } from "@octokit/rest";
import { afterAll, afterEach, beforeAll } from "vitest";
import { GitHubSource, type GitHubSourceOptions } from "../../src/repo/github.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github.js";
import type { Tree } from "./tree.js";

/** A logger that says nothing, for Octokits in tests. */
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** What a test file gets: the running fake, its Octokit, and `serve` to publish a repository. */
export interface FakeSourceKit {
  readonly fake: FakeGitHub;
  readonly octokit: Octokit;
  /** Serve `files` as `octo/<name>` and return a source on its latest commit. */
  serve(name: string, files: Tree, options?: Partial<GitHubSourceOptions>): GitHubSource;
}

/** Register the hooks that start, reset and stop the fake for the calling test file. */
export function useFakeGitHubSource(): FakeSourceKit {
  const kit = {
    fake: undefined as unknown as FakeGitHub,
    octokit: undefined as unknown as Octokit,
    serve(name: string, files: Tree, options: Partial<GitHubSourceOptions> = {}): GitHubSource {
      const repo = kit.fake.setRepo(`octo/${name}`, { files });
      return new GitHubSource(kit.octokit, { owner: "octo", repo: name, sha: repo.latest.sha, ...options });
    },
  };
  beforeAll(async () => {
    kit.fake = await startFakeGitHub();
    kit.octokit = new Octokit({ baseUrl: kit.fake.url, auth: "ghs_test", log: quiet });
  });
  afterAll(() => kit.fake.close());
  afterEach(() => {
    kit.fake.reset();
    kit.fake.truncateAt = 100_000;
  });
  return kit;
}
