import { GitHubSourceError } from "../repo/github.js";
import { ConfigReadError } from "./repo-config.js";

/** Raised when a scan runs past its time limit. */
export class ScanTimeoutError extends Error {
  override readonly name = "ScanTimeoutError";
}

const WHAT: Record<string, string> = {
  tree: "listing the commit's files",
  contents: "reading file contents",
  blob: "reading a file",
};

function rateLimited(what: string, wait: number | undefined): string {
  return `GitHub's rate limit was reached while ${what}${wait !== undefined ? ` (GitHub asked to wait ${wait} s)` : ""}.`;
}

/** A plain-language reason for a failed scan, for the check run's summary. */
export function describeFailure(error: unknown): string {
  if (error instanceof ScanTimeoutError) return `${error.message}.`;
  if (error instanceof GitHubSourceError) {
    const what = WHAT[error.operation] ?? "talking to GitHub";
    if (error.rateLimited) return rateLimited(what, error.retryAfterSeconds);
    if (error.timedOut) return `GitHub did not answer in time while ${what}.`;
    if (error.status === 409) return "the repository is empty: there are no files to score yet.";
    if (error.status === 404)
      return `GitHub could not find what it was asked for while ${what} (the commit may have been force-pushed away, or access was removed).`;
    if (error.status !== undefined && error.status >= 500)
      return `GitHub answered with a server error (${error.status}) while ${what}.`;
    if (error.status === undefined) return `GitHub answered with errors while ${what}.`;
    return `GitHub refused a request while ${what} (HTTP ${error.status}).`;
  }
  if (error instanceof ConfigReadError) {
    const what = "reading .github/portfolio-quality.yml";
    if (error.rateLimited) return rateLimited(what, error.retryAfterSeconds);
    if (error.status === undefined) return `GitHub answered with errors while ${what}.`;
    if (error.status >= 500) return `GitHub answered with a server error (${error.status}) while ${what}.`;
    return `GitHub refused a request while ${what} (HTTP ${error.status}).`;
  }
  const status = (error as { status?: unknown })?.status;
  if (typeof status === "number") {
    if (status === 429) return "GitHub's rate limit was reached.";
    if (status >= 500) return `GitHub answered with a server error (${status}).`;
    return `a GitHub request failed (HTTP ${status}).`;
  }
  return "an unexpected error stopped the scan.";
}

/** Run a promise with a time limit (the promise is not cancelled: its result is ignored). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ScanTimeoutError(`${what} took longer than ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
