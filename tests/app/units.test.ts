/** The App's small pure pieces: dedupe memory, byte cutting, failure wording, config merging, annotations. */
import { describe, expect, it } from "vitest";
import { annotationsOf, conclusionOf, MAX_ANNOTATIONS } from "../../src/app/check-run.js";
import { describeFailure, ScanTimeoutError, withTimeout } from "../../src/app/failure.js";
import { ConfigReadError, mergeConfigs } from "../../src/app/repo-config.js";
import type { CheckResult, Finding } from "../../src/engine/types.js";
import { RecentScans } from "../../src/queue/recent.js";
import { GitHubSourceError } from "../../src/repo/github.js";
import { fitToLimit as fitBytes } from "../../src/report/markdown.js";
import { sampleChecks, sampleReport } from "../helpers/report.js";

describe("RecentScans", () => {
  it("claims a key once while it is recent, again after the TTL or a release", () => {
    let t = 0;
    const recent = new RecentScans(1000, 10, () => t);
    expect(recent.claim("a@1")).toBe(true);
    expect(recent.claim("a@1")).toBe(false);
    t = 999;
    expect(recent.claim("a@1")).toBe(false);
    t = 1000;
    expect(recent.claim("a@1")).toBe(true);
    recent.release("a@1");
    expect(recent.claim("a@1")).toBe(true);
  });

  it("forgets the oldest keys past its size", () => {
    const recent = new RecentScans(60_000, 2, () => 0);
    for (const k of ["a", "b", "c"]) expect(recent.claim(k)).toBe(true);
    expect(recent.claim("a")).toBe(true); // dropped to stay within 2
    expect(recent.claim("c")).toBe(false);
  });
});

describe("fitBytes", () => {
  it("leaves text within the limit alone", () => {
    expect(fitBytes("✅ fine\n", 100)).toBe("✅ fine\n");
  });

  it.each([
    ["ASCII", "line of text\n".repeat(20_000)],
    ["emoji", "✅ ❌ 🟡 passed\n".repeat(10_000)],
    ["no newline at all", "é".repeat(70_000)],
  ])("cuts %s to the byte limit, never inside a character", (_, text) => {
    const cut = fitBytes(text);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(65_535);
    expect(Buffer.byteLength(cut)).toBeGreaterThan(65_000);
    expect(cut).not.toContain("\uFFFD");
    expect(cut.endsWith("for all of it._\n")).toBe(true);
  });
});

describe("describeFailure", () => {
  const source = (details: ConstructorParameters<typeof GitHubSourceError>[1]) => new GitHubSourceError("m", details);
  it.each([
    [new ScanTimeoutError("The scan took longer than 120 s"), "The scan took longer than 120 s."],
    [
      source({ operation: "tree", status: 404 }),
      /could not find what it was asked for while listing the commit's files/,
    ],
    [source({ operation: "tree", status: 409 }), /repository is empty/],
    [
      source({ operation: "contents", status: 503 }),
      "GitHub answered with a server error (503) while reading file contents.",
    ],
    [source({ operation: "contents", rateLimited: true, retryAfterSeconds: 0 }), /asked to wait 0 s/],
    [source({ operation: "blob", timedOut: true }), "GitHub did not answer in time while reading a file."],
    [source({ operation: "contents" }), "GitHub answered with errors while reading file contents."],
    [
      source({ operation: "tree", status: 401 }),
      "GitHub refused a request while listing the commit's files (HTTP 401).",
    ],
    [new ConfigReadError(403, { "x-ratelimit-remaining": "0" }, null), /rate limit was reached while reading \.github/],
    [
      new ConfigReadError(403, {}, null),
      /refused a request while reading \.github\/portfolio-quality\.yml \(HTTP 403\)/,
    ],
    [Object.assign(new Error("x"), { status: 502 }), "GitHub answered with a server error (502)."],
    [new TypeError("boom"), "an unexpected error stopped the scan."],
  ])("%s", (error, expected) => {
    if (typeof expected === "string") expect(describeFailure(error)).toBe(expected);
    else expect(describeFailure(error)).toMatch(expected);
  });

  it("withTimeout rejects late promises with a ScanTimeoutError, passes quick ones through", async () => {
    await expect(withTimeout(new Promise(() => {}), 20, "The scan")).rejects.toThrow("The scan took longer than 20 ms");
    await expect(withTimeout(Promise.resolve(7), 1000, "x")).resolves.toBe(7);
  });
});

describe("mergeConfigs", () => {
  it("later files win, objects merge deeply, arrays replace", () => {
    const org = { threshold: 80, criteria: { testing: 30, ci_cd: 10 }, ignore: ["data/**", "notebooks/**"] };
    const repo = { criteria: { testing: 25 }, ignore: ["docs/**"] };
    expect(mergeConfigs([org, repo])).toEqual({
      threshold: 80,
      criteria: { testing: 25, ci_cd: 10 },
      ignore: ["docs/**"],
    });
  });
});

describe("annotations and conclusion", () => {
  const finding = (level: Finding["level"], path?: string, line?: number): Finding => ({
    id: "x",
    level,
    message: `${level} at ${path}`,
    ...(path ? { path } : {}),
    ...(line !== undefined ? { line } : {}),
  });
  const check = (findings: Finding[]): CheckResult => ({ ...(sampleChecks()[0] as CheckResult), findings });

  it("only shortfalls at files the commit has, worst first, line 1 when there is none", () => {
    const report = sampleReport({}, [
      check([
        finding("warning", "a.py", 3),
        finding("info", "b.py"),
        finding("failure", "gone.py"),
        finding("failure"),
      ]),
      check([finding("failure", "c.py", 0)]),
    ]);
    const got = annotationsOf(report, (p) => p !== "gone.py");
    expect(got.map((a) => [a.annotation_level, a.path, a.start_line])).toEqual([
      ["failure", "c.py", 1],
      ["warning", "a.py", 3],
    ]);
  });

  it(`caps at ${MAX_ANNOTATIONS}`, () => {
    const many = Array.from({ length: 400 }, (_, i) => finding("warning", `f${i}.py`, 1));
    expect(annotationsOf(sampleReport({}, [check(many)]), () => true)).toHaveLength(MAX_ANNOTATIONS);
  });

  it.each([
    [true, false, "success"],
    [true, true, "success"],
    [false, false, "neutral"],
    [false, true, "failure"],
  ])("passed %s, strict %s: %s", (passed, strict, conclusion) => {
    expect(conclusionOf(sampleReport({ passed }), { strict })).toBe(conclusion);
  });
});
