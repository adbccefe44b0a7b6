/**
 * Errors of the GitHub source, worded for a person: what was asked, what GitHub answered, and
 * the HTTP status kept on the error so the App can choose its own wording for the check run.
 */

/** Which request of the GitHub source failed. */
export type GitHubOperation = "tree" | "contents" | "blob";

/** A failed GitHub request: `status` is the HTTP status (undefined for a timeout or a network error). */
export class GitHubSourceError extends Error {
  override readonly name = "GitHubSourceError";
  readonly operation: GitHubOperation;
  readonly status: number | undefined;
  /** Seconds GitHub asked us to wait (Retry-After, or until x-ratelimit-reset), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** GitHub refused the request for rate limiting (primary or secondary). */
  readonly rateLimited: boolean;
  /** No answer within the source's timeout. */
  readonly timedOut: boolean;

  constructor(
    message: string,
    details: {
      operation: GitHubOperation;
      status?: number;
      retryAfterSeconds?: number;
      rateLimited?: boolean;
      timedOut?: boolean;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
    this.operation = details.operation;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.rateLimited = details.rateLimited ?? false;
    this.timedOut = details.timedOut ?? false;
  }
}

/** The parts of an Octokit `RequestError` this module looks at. */
interface HttpErrorLike {
  readonly status?: unknown;
  readonly message?: unknown;
  readonly response?: { readonly headers?: Record<string, string | number | undefined> };
}

function header(err: HttpErrorLike, name: string): string | undefined {
  const value = err.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function retryAfter(err: HttpErrorLike, now: number): number | undefined {
  const after = Number(header(err, "retry-after"));
  if (Number.isFinite(after) && after >= 0) return after;
  const reset = Number(header(err, "x-ratelimit-reset"));
  if (header(err, "x-ratelimit-remaining") === "0" && Number.isFinite(reset))
    return Math.max(0, Math.ceil(reset - now / 1000));
  return undefined;
}

function explain(status: number, operation: GitHubOperation, githubMessage: string): string {
  if (status === 404)
    return operation === "tree"
      ? "the repository or the commit was not found, or the App cannot see it"
      : "not found, or the App cannot see it";
  if (status === 409) return "the repository is empty (it has no commits yet)";
  if (status === 401) return "the installation token was rejected";
  if (status === 403) return githubMessage ? `access refused: ${githubMessage}` : "access refused";
  if (status >= 500) return "a server error at GitHub";
  return githubMessage || "an unexpected answer";
}

/** The opening of every message: "GitHub tree request failed (octo/app at abc1234)". */
export function failedPrefix(operation: GitHubOperation, where: string): string {
  const what =
    operation === "tree"
      ? "GitHub tree request"
      : operation === "contents"
        ? "GitHub GraphQL request for file contents"
        : "GitHub blob request";
  return `${what} failed (${where})`;
}

/**
 * Turn whatever Octokit threw into a `GitHubSourceError` saying which request failed, for
 * which repository and commit (`where`), and why in plain words.
 */
export function sourceError(
  operation: GitHubOperation,
  where: string,
  error: unknown,
  timeout?: { readonly timedOut: boolean; readonly ms: number },
  now = Date.now(),
): GitHubSourceError {
  if (timeout?.timedOut)
    return new GitHubSourceError(
      `${failedPrefix(operation, where)}: no answer within ${Math.round(timeout.ms / 1000)} s.`,
      {
        operation,
        timedOut: true,
        cause: error,
      },
    );
  const err = (typeof error === "object" && error !== null ? error : {}) as HttpErrorLike;
  const raw = (typeof err.message === "string" ? err.message : String(error)).replace(/\.$/, "");
  const status = typeof err.status === "number" && err.response ? err.status : undefined;
  if (status === undefined)
    return new GitHubSourceError(`${failedPrefix(operation, where)}: ${raw}.`, { operation, cause: error });
  const wait = retryAfter(err, now);
  const rateLimited =
    status === 429 ||
    (status === 403 && (header(err, "x-ratelimit-remaining") === "0" || wait !== undefined || /rate limit/i.test(raw)));
  const reason = rateLimited
    ? `rate limit exceeded${wait !== undefined ? ` (GitHub asks to wait ${wait} s)` : ""}`
    : explain(status, operation, raw);
  return new GitHubSourceError(`${failedPrefix(operation, where)}: HTTP ${status}, ${reason}.`, {
    operation,
    status,
    rateLimited,
    ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
    cause: error,
  });
}

/** The parts of an Octokit `GraphqlResponseError`: its errors, their types and the partial data. */
export interface GraphqlFailure<D> {
  readonly errors: readonly { readonly type?: unknown; readonly message?: unknown; readonly path?: unknown }[];
  /** Each error's `type` (`NOT_FOUND`, `RATE_LIMITED`...), "" when it has none. */
  readonly types: readonly string[];
  readonly data: D | null;
}

/** The errors and partial data of an Octokit `GraphqlResponseError`; undefined for any other error. */
export function graphqlFailure<D>(error: unknown): GraphqlFailure<D> | undefined {
  if (typeof error !== "object" || error === null || (error as { name?: unknown }).name !== "GraphqlResponseError")
    return undefined;
  const { errors, data } = error as { errors?: unknown; data?: D | null };
  if (!Array.isArray(errors)) return undefined;
  const types = errors.map((e) => String((e as { type?: unknown })?.type ?? ""));
  return { errors, types, data: data ?? null };
}

/** An error's message without its closing full stop, for joining several into one sentence. */
export function errorMessage(e: { readonly message?: unknown }): string {
  return String(e?.message ?? "unknown GraphQL error").replace(/\.$/, "");
}
