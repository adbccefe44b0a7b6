/**
 * Config with the semantics of Probot's config plugin, read through GraphQL: the owner's
 * `.github` repository as a fallback,
 * `_extends`, arrays that replace, and invalid config that still gives a completed check run
 * with an annotation at the offending line while the valid settings are kept.
 */
import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/probot.js";
import type { Tree } from "../helpers/tree.js";
import { BARE, PORTFOLIO } from "./fixtures.js";
import { checkSuite, INSTALLATION_ID } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

const CONFIG = ".github/portfolio-quality.yml";
/** The repository's config and the owner's `.github` fallback, read in one query. */
const READ_CONFIG = "POST /graphql ReadConfig";
const READ_FILES = "POST /graphql ReadFiles";

interface Completed {
  conclusion: string;
  output: { title: string; summary: string; text: string; annotations?: Record<string, unknown>[] };
}

async function scan(files: Tree, org?: string) {
  const gh = mockGitHub();
  const sha = gh.setRepo("jane/churn", { files }).latest.sha;
  if (org !== undefined) gh.setRepo("jane/.github", { files: { [CONFIG]: org } });
  const probot = await testProbot();
  await probot.receive({
    id: "c",
    name: "check_suite",
    payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
  });
  const run = gh.checkRuns[0]?.id;
  const completed = gh.requests.find((r) => r.method === "PATCH" && (r.body as Completed).conclusion)
    ?.body as Completed;
  // What happens between creating the check run and completing it.
  const middle = gh.lines().slice(2, -1);
  return { gh, sha, run, completed, middle };
}

const rule = (id: string, file: string) => ({ id, files: file, require: "exist" });

describe("where the config comes from", () => {
  it("the owner's .github repository when the repository has none", async () => {
    const { completed, middle, sha } = await scan(BARE, "threshold: 100\nstrict: true\n");
    expect(middle).toEqual([READ_CONFIG, `GET /repos/jane/churn/git/trees/${sha}`, READ_FILES]);
    expect(completed.conclusion).toBe("failure");
    expect(completed.output.summary).toContain("is below the threshold of 100");
  });

  it("_extends from the org's .github repository, later files winning and arrays replacing", async () => {
    const org = JSON.stringify({ threshold: 100, strict: true, rules: [rule("org-rule", "README.md")] });
    const own = JSON.stringify({ _extends: ".github", threshold: 0, rules: [rule("repo-rule", "LICENSE")] });
    const { completed, middle, sha } = await scan({ ...PORTFOLIO, [CONFIG]: own }, org);
    // The repository has a config that extends the owner's .github one, read in the same query.
    expect(middle).toEqual([READ_CONFIG, `GET /repos/jane/churn/git/trees/${sha}`, READ_FILES]);
    expect(completed.conclusion).toBe("success"); // threshold 0 from the repository; strict from the org
    expect(completed.output.text).toContain("custom.repo-rule");
    expect(completed.output.text).not.toContain("custom.org-rule");
  });

  it("an _extends target that does not exist is reported at its line, the rest still applies", async () => {
    const own = "# settings\n_extends: jane/missing\nthreshold: 0\n";
    const { completed } = await scan({ ...PORTFOLIO, [CONFIG]: own });
    expect(completed.conclusion).toBe("success");
    expect(completed.output.summary).toMatch(/Invalid config: \\_extends: jane\/missing has no/);
    expect(completed.output.annotations).toContainEqual(
      expect.objectContaining({ path: CONFIG, start_line: 2, annotation_level: "failure" }),
    );
  });
});

describe("reading it", () => {
  it("asks for the repository's file and the owner's fallback in one query, at the default branch", async () => {
    const { gh } = await scan(BARE, "threshold: 100\n");
    const query = gh.requests.find((r) => r.route === "graphql");
    expect((query?.body as { variables?: unknown } | undefined)?.variables).toEqual({
      o0: "jane",
      n0: "churn",
      e0: `HEAD:${CONFIG}`,
      o1: "jane",
      n1: ".github",
      e1: `HEAD:${CONFIG}`,
    });
  });

  it("follows _extends to another owner's file at a path, one more query per file not yet read", async () => {
    const gh = mockGitHub();
    gh.setRepo("acme/shared", {
      files: { "configs/pq.yml": "threshold: 0\nstrict: true\ncriteria:\n  testing: 40\n" },
    });
    const own = "_extends: acme/shared:configs/pq.yml\ncriteria:\n  documentation: 5\n";
    const sha = gh.setRepo("jane/churn", { files: { ...PORTFOLIO, [CONFIG]: own } }).latest.sha;
    const probot = await testProbot();
    await probot.receive({
      id: "x",
      name: "check_suite",
      payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
    });
    const configs = gh.requests.filter((r) => (r.body as { query?: string })?.query?.startsWith("query ReadConfig"));
    expect(configs.map((r) => (r.body as { variables: Record<string, string> }).variables)).toEqual([
      { o0: "jane", n0: "churn", e0: `HEAD:${CONFIG}`, o1: "jane", n1: ".github", e1: `HEAD:${CONFIG}` },
      { o0: "acme", n0: "shared", e0: "HEAD:configs/pq.yml" },
    ]);
    const completed = gh.requests.find((r) => r.method === "PATCH" && (r.body as Completed).conclusion)
      ?.body as Completed;
    expect(completed.conclusion).toBe("success"); // threshold 0 from acme/shared
    // Both files' criteria weights apply: testing 40 from the base, documentation 5 from the repository.
    expect(completed.output.summary).toMatch(/Testing[^\n]*\| 40 \|/);
    expect(completed.output.summary).toMatch(/Documentation[^\n]*\| 5 \|/);
  });

  it("an _extends chain that comes back to a file already read is reported, with what was read kept", async () => {
    const org = "_extends: churn\nstrict: true\n";
    const own = "_extends: .github\nthreshold: 0\n";
    const { completed } = await scan({ ...PORTFOLIO, [CONFIG]: own }, org);
    expect(completed.output.summary).toMatch(/goes round in a circle/);
    expect(completed.output.annotations).toContainEqual(
      expect.objectContaining({ path: CONFIG, start_line: 1, message: expect.stringMatching(/circle/) }),
    );
    expect(completed.conclusion).toBe("success"); // threshold 0 kept, strict from the org kept
  });

  it("a directory where the config should be is reported and the defaults are used", async () => {
    const { completed } = await scan({ ...BARE, [`${CONFIG}/notes.md`]: "# not a config\n" });
    expect(completed.output.summary).toMatch(/is a directory or a submodule/);
    expect(completed.conclusion).toBe("neutral");
  });
});

describe("invalid config", () => {
  it("completes the check run with a message and an annotation at the line; valid settings are kept", async () => {
    const own = "# Portfolio quality settings\nstrict: true\nthreshold: high\ncriteria:\n  testing: 30\n";
    const { gh, completed, middle, sha, run } = await scan({ ...BARE, [CONFIG]: own });
    // The file's text came with the query: no second read to find the lines.
    expect(middle).toEqual([READ_CONFIG, `GET /repos/jane/churn/git/trees/${sha}`, READ_FILES]);
    expect(gh.checkRuns).toMatchObject([{ id: run, status: "completed" }]);
    // strict: true survived the invalid threshold, which fell back to 70: a low score fails.
    expect(completed.conclusion).toBe("failure");
    expect(completed.output.summary).toContain("is below the threshold of 70");
    expect(completed.output.summary).toMatch(/Invalid config: threshold: .*The default is used for that setting/);
    expect(completed.output.annotations?.[0]).toEqual({
      path: CONFIG,
      start_line: 3,
      end_line: 3,
      annotation_level: "failure",
      title: "Scan",
      message: expect.stringMatching(/^Invalid config: threshold: /),
    });
    expect(gh.requests[0]?.path).toBe(`/app/installations/${INSTALLATION_ID}/access_tokens`);
  });

  it("YAML that does not parse: annotated at the error's line, scanned with the defaults", async () => {
    const own = "threshold: 0\nstrict: true\nrules: [\n  - id: x\n";
    const { completed, middle, sha } = await scan({ ...BARE, [CONFIG]: own });
    expect(middle).toEqual([READ_CONFIG, `GET /repos/jane/churn/git/trees/${sha}`, READ_FILES]);
    expect(completed.conclusion).toBe("neutral"); // defaults: threshold 70, not strict
    expect(completed.output.summary).toContain("Invalid config: \\(yaml\\)");
    const annotation = completed.output.annotations?.find((a) => a.path === CONFIG);
    expect(annotation).toMatchObject({ annotation_level: "failure" });
    expect(Number(annotation?.start_line)).toBeGreaterThanOrEqual(3);
  });

  it("a check id that does not exist is reported at its line", async () => {
    const own = "threshold: 0\nchecks:\n  testing.coverag: off\n";
    const { completed } = await scan({ ...PORTFOLIO, [CONFIG]: own });
    expect(completed.conclusion).toBe("success");
    expect(completed.output.annotations).toContainEqual(
      expect.objectContaining({ path: CONFIG, start_line: 3, message: expect.stringContaining("testing.coverag") }),
    );
  });

  it("a rule pattern RE2 refuses is annotated at its line, the other rules still run", async () => {
    const own = [
      "threshold: 0",
      "rules:",
      "  - id: lookbehind",
      '    files: "*.md"',
      "    require: contain",
      '    pattern: "(?<=x)y"',
      "  - id: license",
      "    files: LICENSE",
      "    require: exist",
      "",
    ].join("\n");
    const { completed } = await scan({ ...PORTFOLIO, [CONFIG]: own });
    expect(completed.output.annotations).toContainEqual(
      expect.objectContaining({ path: CONFIG, start_line: 6, message: expect.stringContaining("invalid pattern") }),
    );
    expect(completed.output.text).toContain("custom.license");
  });
});
