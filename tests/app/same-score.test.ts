/**
 * Same commit, same score: what the App publishes for a commit equals what
 * `portfolio-quality check --format markdown` prints for the same files on disk (a clone),
 * config included, byte for byte: title, summary and detail.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { run } from "../../src/cli/main.js";
import { writeTree } from "../helpers/disk.js";
import { mockGitHub } from "../helpers/probot.js";
import { BARE, PORTFOLIO } from "./fixtures.js";
import { checkSuite } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

const CONFIG = stringify({
  threshold: 60,
  criteria: { scalability: 0 },
  checks: { "documentation.docstrings": "off" },
  // A plain title: the App escapes custom titles (they come from the repository), the CLI does not yet.
  rules: [
    { id: "model-card", title: "A model card", files: "MODEL_CARD.md", require: "exist", message: "Add a model card." },
  ],
});

const CASES = {
  "a small ML service with its own config": { ...PORTFOLIO, ".github/portfolio-quality.yml": CONFIG },
  "a bare repository, default config": BARE,
};

async function fromCli(files: Record<string, string>): Promise<{ code: number; out: string }> {
  const { dir, cleanup } = writeTree(files);
  try {
    let out = "";
    const io = {
      stdout: (t: string) => {
        out += t;
      },
      stderr: () => {},
      env: {},
      isTTY: false,
      cwd: dir,
    };
    const code = await run(["check", dir, "--format", "markdown"], io);
    return { code, out };
  } finally {
    cleanup();
  }
}

async function fromApp(files: Record<string, string>) {
  const gh = mockGitHub();
  const sha = gh.setRepo("jane/churn", { files }).latest.sha;
  const probot = await testProbot();
  await probot.receive({
    id: "s",
    name: "check_suite",
    payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
  });
  return gh.requests.find((r) => r.method === "PATCH")?.body as {
    conclusion: string;
    output: { title: string; summary: string; text: string };
  };
}

describe("the App and the CLI agree", () => {
  it.each(Object.entries(CASES))("%s", async (_, files) => {
    const [cli, app] = [await fromCli(files as Record<string, string>), await fromApp(files as Record<string, string>)];
    const { title, summary, text } = app.output;
    expect(`# ${title}\n\n${summary}\n${text}`).toBe(cli.out);
    expect(app.conclusion === "success").toBe(cli.code === 0);
  });
});
