/**
 * A request that never got an HTTP answer, in words: shared by the recruiter scan and the App's
 * comment command, which both read repositories through the GitHub API.
 */

/** Why a request got no HTTP answer at all, for messages: the host and a plain reason. */
export interface NetworkFailure {
  readonly host: string;
  readonly reason: string;
  /** True when asking again at once will fail the same way (refused, no such host, blocked port). */
  readonly permanent: boolean;
}

const NETWORK_CODES: Record<string, [reason: string, permanent: boolean]> = {
  ECONNREFUSED: ["connection refused", true],
  ENOTFOUND: ["DNS lookup failed", true],
  EAI_AGAIN: ["DNS lookup failed", false],
  EHOSTUNREACH: ["host unreachable", true],
  ENETUNREACH: ["network unreachable", true],
  ECONNRESET: ["connection reset", false],
  ETIMEDOUT: ["connection timed out", false],
  UND_ERR_CONNECT_TIMEOUT: ["connection timed out", false],
  UND_ERR_SOCKET: ["connection closed", false],
  UND_ERR_HEADERS_TIMEOUT: ["no answer in time", false],
  DEPTH_ZERO_SELF_SIGNED_CERT: ["its TLS certificate is not trusted", true],
  SELF_SIGNED_CERT_IN_CHAIN: ["its TLS certificate is not trusted", true],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ["its TLS certificate is not trusted", true],
  CERT_HAS_EXPIRED: ["its TLS certificate has expired", true],
  ERR_TLS_CERT_ALTNAME_INVALID: ["its TLS certificate is for another host", true],
};

function hostOf(url: unknown): string {
  try {
    return new URL(String(url)).host;
  } catch {
    return "the server";
  }
}

/**
 * The network failure behind an error, if the request never got an HTTP answer. Octokit reports
 * those as HTTP 500 with the fetch error as `cause`, so the status alone would blame GitHub.
 */
export function networkFailure(error: unknown, url?: string): NetworkFailure | undefined {
  let requestUrl: unknown = url;
  for (let c: unknown = error, depth = 0; c && typeof c === "object" && depth < 6; depth++) {
    const e = c as { response?: unknown; request?: { url?: unknown }; code?: unknown; message?: unknown };
    if (e.response !== undefined) return undefined; // an HTTP answer came back
    requestUrl ??= e.request?.url;
    const known = typeof e.code === "string" ? NETWORK_CODES[e.code] : undefined;
    if (known) return { host: hostOf(requestUrl), reason: known[0], permanent: known[1] };
    // Node's fetch refuses the ports browsers block (9, 25, 6000...) before connecting.
    if (e.message === "bad port")
      return { host: hostOf(requestUrl), reason: "fetch refuses to connect to that port", permanent: true };
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The plain sentence for a network failure. */
export function networkMessage(failure: NetworkFailure): string {
  return `could not reach ${failure.host} (${failure.reason})`;
}
