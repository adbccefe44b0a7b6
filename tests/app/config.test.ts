/**
 * Config through Probot's config plugin: the owner's `.github` repository as a fallback,
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
const OWN = `GET /repos/jane/churn/contents/${encodeURIComponent(CONFIG)}`;
const ORG = `GET /repos/jane/.github/contents/${encodeURIComponent(CONFIG)}`;

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
    expect(middle).toEqual([OWN, ORG, `GET /repos/jane/churn/git/trees/${sha}`, "POST /graphql"]);
    expect(completed.conclusion).toBe("failure");
    expect(completed.output.summary).toContain("is below the threshold of 100");
  });

  it("_extends from the org's .github repository, later files winning and arrays replacing", async () => {
    const org = JSON.stringify({ threshold: 100, strict: true, rules: [rule("org-rule", "README.md")] });
    const own = JSON.stringify({ _extends: ".github", threshold: 0, rules: [rule("repo-rule", "LICENSE")] });
    const { completed, middle, sha } = await scan({ ...PORTFOLIO, [CONFIG]: own }, org);
    // The repository has a config: the fallback is not consulted, the _extends target is.
    expect(middle).toEqual([OWN, ORG, `GET /repos/jane/churn/git/trees/${sha}`, "POST /graphql"]);
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

describe("invalid config", () => {
  it("completes the check run with a message and an annotation at the line; valid settings are kept", async () => {
    const own = "# Portfolio quality settings\nstrict: true\nthreshold: high\ncriteria:\n  testing: 30\n";
    const { gh, completed, middle, sha, run } = await scan({ ...BARE, [CONFIG]: own });
    // The file is read a second time only because it is invalid, to find the lines.
    expect(middle).toEqual([OWN, OWN, `GET /repos/jane/churn/git/trees/${sha}`, "POST /graphql"]);
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
    expect(middle).toEqual([OWN, OWN, `GET /repos/jane/churn/git/trees/${sha}`, "POST /graphql"]);
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
});
