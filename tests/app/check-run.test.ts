/**
 * What the completed check run says: the conclusion against the threshold, annotations in
 * batches of 50 (the rest appended by updates, capped), and text cut to GitHub's byte limit.
 * Many findings are made with custom rules in the repository's config, as a user would.
 */

import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ANNOTATIONS_PER_REQUEST, MAX_ANNOTATIONS } from "../../src/app/check-run.js";
import { mockGitHub } from "../helpers/probot.js";
import type { Tree } from "../helpers/tree.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

const CONFIG = ".github/portfolio-quality.yml";

interface Body {
  status?: string;
  conclusion?: string;
  output: { title: string; summary: string; text?: string; annotations?: Record<string, unknown>[] };
  actions?: unknown[];
}

async function scan(files: Tree, faults: Parameters<ReturnType<typeof mockGitHub>["fail"]>[0][] = []) {
  const gh = mockGitHub();
  const sha = gh.setRepo("jane/churn", { files }).latest.sha;
  for (const f of faults) gh.fail(f);
  const probot = await testProbot();
  await probot.receive({
    id: "r",
    name: "check_suite",
    payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
  });
  const patches = gh.requests.filter((r) => r.method === "PATCH").map((r) => r.body as Body);
  return { gh, patches, completed: patches[0] as Body };
}

/** `groups` groups of 20 committed files, each forbidden by its own rule: 20 failures per rule. */
function forbidden(groups: number, config: Record<string, unknown> = {}, message?: string): Tree {
  const files: Record<string, Tree[string]> = { ...PORTFOLIO };
  const rules = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < 20; i++) files[`dumps/g${g}/f${i}.log`] = "log\n";
    rules.push({ id: `no-dumps-${g}`, files: `dumps/g${g}/*.log`, require: "absent", ...(message ? { message } : {}) });
  }
  files[CONFIG] = stringify({ ...config, rules });
  return files;
}

describe("conclusion", () => {
  it.each([
    ["success at or above the threshold", "threshold: 0\n", "success"],
    ["neutral below it", "threshold: 100\n", "neutral"],
    ["failure below it when strict", "threshold: 100\nstrict: true\n", "failure"],
    ["success above it even when strict", "threshold: 0\nstrict: true\n", "success"],
  ])("%s", async (_, config, conclusion) => {
    const { completed, gh } = await scan({ ...PORTFOLIO, [CONFIG]: config });
    expect(completed.conclusion).toBe(conclusion);
    expect(gh.checkRuns[0]?.conclusion).toBe(conclusion);
    expect(completed.output.title).toMatch(/^Portfolio quality: \d+\/100 \([A-F]\)$/);
  });
});

describe("annotations", () => {
  it("50 with the completion, the rest appended by updates, capped, worst first", async () => {
    const { patches, gh } = await scan(forbidden(8));
    expect(patches.map((p) => p.output.annotations?.length)).toEqual([50, 50, 50]);
    expect(ANNOTATIONS_PER_REQUEST).toBe(50);
    expect(gh.checkRuns[0]?.annotations).toHaveLength(MAX_ANNOTATIONS);
    // The follow-ups only add annotations: the conclusion and the text stay as completed.
    for (const p of patches.slice(1)) {
      expect(Object.keys(p).sort()).toEqual(["output"]);
      expect(Object.keys(p.output).sort()).toEqual(["annotations", "summary", "title"]);
      expect(p.output.title).toBe(patches[0]?.output.title);
    }
    const all = patches.flatMap((p) => p.output.annotations ?? []);
    expect(all.every((a) => a.annotation_level === "failure")).toBe(true);
    expect(all[0]).toEqual({
      path: "dumps/g0/f0.log",
      start_line: 1,
      end_line: 1,
      annotation_level: "failure",
      title: "dumps/g0/*.log must absent",
      message: "dumps/g0/f0.log must not be committed\nFix: dumps/g0/*.log must absent",
    });
  });

  it("a few findings: one request, no follow-up", async () => {
    const { patches } = await scan(forbidden(1));
    expect(patches).toHaveLength(1);
    const annotations = patches[0]?.output.annotations ?? [];
    expect(annotations.length).toBeGreaterThanOrEqual(20);
    expect(annotations.length).toBeLessThanOrEqual(50);
  });

  it("a follow-up GitHub refuses loses annotations, not the published report", async () => {
    let updates = 0;
    const { patches, gh } = await scan(forbidden(8), [
      { route: (r) => r.route === "check-run.update" && ++updates === 2, status: 502 },
    ]);
    expect(patches).toHaveLength(2); // completed, then the refused follow-up; no failure message after it
    expect(gh.checkRuns[0]).toMatchObject({ status: "completed", conclusion: patches[0]?.conclusion });
    expect(gh.checkRuns[0]?.output?.title).toMatch(/^Portfolio quality: \d+/);
  });
});

describe("text", () => {
  it("a report too long for GitHub is cut at 65,535 UTF-8 bytes (not characters) with a note", async () => {
    // Three bytes a character: cut at 65,535 characters, this would still be far over the byte limit.
    const { completed } = await scan(forbidden(6, {}, `Delete it. ${"ログを削除してください。".repeat(60)}`));
    const text = completed.output.text as string;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(65_535);
    expect(Buffer.byteLength(text)).toBeGreaterThan(60_000);
    expect(text).toMatch(
      /the rest of the report was cut to fit GitHub's limit on a check run's text; run `portfolio-quality check` for all of it\._\n$/,
    );
    expect(Buffer.byteLength(completed.output.summary)).toBeLessThanOrEqual(65_535);
  });
});
