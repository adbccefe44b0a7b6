/**
 * Per-installation pacing under Octokit's fetch: writes of one installation spaced, other
 * installations and GraphQL queries not held back, rate-limit answers waited out and retried
 * (or handed back when the wait is too long). A fake `fetch` records when each request went out.
 */
import { describe, expect, it } from "vitest";
import { InstallationPacer, isContentCreating, rateLimitWait } from "../../src/app/pacing.js";

const API = "https://api.github.com";

function recorder(answers: (url: string, n: number) => Response = () => new Response("{}", { status: 200 })) {
  const sent: { url: string; method: string; at: number }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, method: init?.method ?? "GET", at: performance.now() });
    return answers(url, sent.filter((s) => s.url === url).length);
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

describe("what counts as content-creating", () => {
  it.each([
    ["POST", "/repos/a/b/check-runs", undefined, true],
    ["PATCH", "/repos/a/b/check-runs/1", undefined, true],
    ["GET", "/repos/a/b/git/trees/x", undefined, false],
    ["POST", "/app/installations/42/access_tokens", undefined, false],
    ["POST", "/graphql", JSON.stringify({ query: "query($o: String!) { viewer { login } }" }), false],
    ["POST", "/api/graphql", JSON.stringify({ query: " mutation { addStar(input: {}) { clientMutationId } }" }), true],
  ])("%s %s", (method, path, body, expected) => {
    expect(isContentCreating(method, `${API}${path}`, body)).toBe(expected);
  });
});

describe("rate-limit answers", () => {
  const now = 1_700_000_000_000;
  it.each([
    [
      "Retry-After",
      new Response("{}", { status: 403, headers: { "retry-after": "7" } }),
      { ms: 7000, reason: "retry-after" },
    ],
    [
      "a secondary limit without Retry-After waits a minute",
      new Response(JSON.stringify({ message: "You have exceeded a secondary rate limit." }), { status: 403 }),
      { ms: 60_000, reason: "secondary" },
    ],
    [
      "an exhausted primary limit waits until the reset",
      new Response("{}", {
        status: 403,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 30) },
      }),
      { ms: 31_000, reason: "primary" },
    ],
    [
      "a 403 for permissions is no rate limit",
      new Response(JSON.stringify({ message: "Resource not accessible" }), { status: 403 }),
      undefined,
    ],
    ["a 500 is no rate limit", new Response("{}", { status: 500 }), undefined],
  ])("%s", async (_, res, expected) => {
    expect(await rateLimitWait(res, false, now)).toEqual(expected);
  });

  it("a GraphQL RATE_LIMITED error with no requests left", async () => {
    const res = new Response(
      JSON.stringify({ errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] }),
      {
        status: 200,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000010" },
      },
    );
    expect(await rateLimitWait(res, true, 1_700_000_000_000)).toEqual({ ms: 11_000, reason: "primary" });
  });
});

describe("pacing per installation", () => {
  it("spaces one installation's writes, not another's, and never spaces reads or GraphQL queries", async () => {
    const pacer = new InstallationPacer({ writeIntervalMs: 150 });
    const { sent, fetch } = recorder();
    const one = pacer.fetchFor(1, true, {}, fetch);
    const two = pacer.fetchFor(2, true, {}, fetch);
    const t0 = performance.now();
    await Promise.all([
      one(`${API}/repos/a/one/check-runs`, { method: "POST", body: "{}" }),
      one(`${API}/repos/a/two/check-runs`, { method: "POST", body: "{}" }),
      one(`${API}/repos/a/three/check-runs`, { method: "POST", body: "{}" }),
      two(`${API}/repos/b/one/check-runs`, { method: "POST", body: "{}" }),
      ...Array.from({ length: 5 }, () => one(`${API}/graphql`, { method: "POST", body: '{"query":"query { a }"}' })),
      one(`${API}/repos/a/one/git/trees/x`),
    ]);
    const writesOf1 = sent.filter((s) => s.method === "POST" && s.url.includes("/repos/a/")).map((s) => s.at);
    expect(writesOf1).toHaveLength(3);
    for (let i = 1; i < writesOf1.length; i++)
      expect((writesOf1[i] as number) - (writesOf1[i - 1] as number)).toBeGreaterThanOrEqual(120); // 150 ms, less timer jitter
    // The other installation's write and every read went out at once.
    const early = sent.filter((s) => !s.url.includes("/repos/a/") || s.method === "GET").map((s) => s.at - t0);
    expect(Math.max(...early)).toBeLessThan(100);
    await pacer.close();
  });

  it("a write that has to wait says so, and may be replaced right before it goes out", async () => {
    const pacer = new InstallationPacer({ writeIntervalMs: 200 });
    const { sent, fetch } = recorder();
    const deferred: string[] = [];
    const bodies: unknown[] = [];
    const send = (name: string) =>
      pacer.fetchFor(
        1,
        true,
        {
          onDeferred: () => deferred.push(name),
          beforeSend: (init) => {
            bodies.push(init.body);
            return name === "second" ? { ...init, body: "replaced" } : init;
          },
        },
        fetch,
      )(`${API}/repos/a/${name}/check-runs`, { method: "POST", body: name });
    await Promise.all([send("first"), send("second")]);
    expect(deferred).toEqual(["second"]);
    expect(bodies).toEqual(["first", "second"]);
    expect(sent).toHaveLength(2);
    await pacer.close();
  });

  it("waits out Retry-After, pausing the installation, then sends again", async () => {
    const events: string[] = [];
    const pacer = new InstallationPacer({
      events: { onRateLimited: (reason, _ms, retried) => events.push(`${reason} ${retried}`) },
    });
    const { sent, fetch } = recorder((url, n) =>
      url.endsWith("/limited") && n === 1
        ? new Response(JSON.stringify({ message: "You have exceeded a secondary rate limit." }), {
            status: 403,
            headers: { "retry-after": "1" },
          })
        : new Response("{}", { status: 200 }),
    );
    const f = pacer.fetchFor(9, true, {}, fetch);
    const t0 = performance.now();
    const res = await f(`${API}/repos/a/b/limited`);
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect((sent[1]?.at as number) - t0).toBeGreaterThanOrEqual(990);
    expect(events).toEqual(["retry-after true"]);
    await pacer.close();
  });

  it("hands a wait longer than a scan waits back to the caller at once", async () => {
    const pacer = new InstallationPacer({ maxWaitMs: 5_000 });
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const { sent, fetch } = recorder(
      () => new Response("{}", { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } }),
    );
    const res = await pacer.fetchFor(3, true, {}, fetch)(`${API}/repos/a/b/git/trees/x`);
    expect(res.status).toBe(403);
    expect(sent).toHaveLength(1);
    await pacer.close();
  });
});
