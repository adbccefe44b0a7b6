/**
 * A scanned repository controls file names, file contents and its own config. None of it may
 * become a mention, a link, an image or raw HTML in the check run. The check run's Markdown is
 * parsed as GitHub parses it (GFM) and every rendered node is inspected: text outside code must
 * hold no `@mention`, and no link, image or HTML may come from the repository.
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { mockGitHub } from "../helpers/probot.js";
import type { Tree } from "../helpers/tree.js";
import { PORTFOLIO } from "./fixtures.js";
import { checkSuite } from "./payloads.js";
import { testProbot } from "./queued-probot.js";

const HOSTILE: Tree = {
  ...PORTFOLIO,
  "@everyone.md": "# Hello @everyone\n",
  "docs/<img src=x onerror=alert(1)>.md": "# x\n",
  "notes/[click](javascript:alert(1)).md": "# y\n",
  "README.md":
    "# Churn [click me](javascript:alert(document.cookie)) @everyone <img src=x onerror=alert(1)>\n\n" +
    "Predicts churn. See [the docs](javascript:alert(1)) and ![img](javascript:alert(1)), ping @octocat, fixes #1.\n\n" +
    "## Setup\n\n```bash\npip install -r requirements.txt\n```\n\n## Tests\n\n```bash\npytest\n```\n",
  ".github/portfolio-quality.yml": stringify({
    threshold: 0,
    rules: [
      {
        id: "no-md",
        files: ["**/*.md", "!README.md"],
        require: "absent",
        message: "Remove @everyone [x](javascript:alert(1)) <b>now</b>",
      },
      {
        id: "no-js-links",
        title: "@everyone <img src=x onerror=alert(1)> [x](javascript:alert(1))",
        files: "README.md",
        require: "not_contain",
        pattern: "javascript:",
      },
    ],
  }),
};

const OURS = /^https:\/\/(?!.*javascript)/;

/** What GFM would render from this Markdown that a repository could have planted. */
function live(markdown: string): string[] {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const found: string[] = [];
  const walk = (node: Nodes) => {
    // The report's own footer is wrapped in <sub>: that is the only HTML it may contain.
    if (node.type === "html" && !/^<\/?sub>$/.test(node.value)) found.push(`raw HTML: ${node.value}`);
    if ((node.type === "link" || node.type === "image") && !OURS.test(node.url))
      found.push(`${node.type}: ${node.url}`);
    if (node.type === "definition") found.push(`definition: ${node.url}`);
    // A mention is @ followed by a login; a word joiner (U+2060) after @ stops it.
    if (node.type === "text" && /(^|[^\w`])@[A-Za-z0-9]/.test(node.value)) found.push(`mention: ${node.value}`);
    if (node.type === "text" && /(^|\s)#\d/.test(node.value)) found.push(`reference: ${node.value}`);
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

describe("a repository that tries to inject Markdown", () => {
  it("gets a check run whose summary and text render nothing it planted", async () => {
    const gh = mockGitHub();
    const sha = gh.setRepo("jane/churn", { files: HOSTILE }).latest.sha;
    const probot = await testProbot();
    await probot.receive({
      id: "x",
      name: "check_suite",
      payload: checkSuite("requested", { owner: "jane", repo: "churn", sha }) as never,
    });
    const body = gh.requests.find((r) => r.method === "PATCH")?.body as {
      output: { summary: string; text: string; annotations?: { path: string }[] };
    };
    const { summary, text } = body.output;
    // The hostile names are in the report (else this test proves nothing), as inert text.
    expect(text).toContain("`@everyone.md`");
    expect(text).toContain("`docs/<img src=x onerror=alert(1)>.md`");
    expect(text).toContain("`notes/[click](javascript:alert(1)).md`");
    expect(text).toMatch(/javascript/);
    expect(live(summary)).toEqual([]);
    expect(live(text)).toEqual([]);
    // Annotations are plain text on GitHub; they still point at the real paths.
    expect(body.output.annotations?.map((a) => a.path)).toEqual(
      expect.arrayContaining(["@everyone.md", "docs/<img src=x onerror=alert(1)>.md"]),
    );
  });

  it("the detector itself sees live Markdown (a test that cannot fail proves nothing)", () => {
    expect(live("hi @everyone")).toHaveLength(1);
    expect(live("<img src=x>")).toHaveLength(1);
    expect(live("[a](javascript:alert(1))")).toHaveLength(1);
    expect(live("see #12")).toHaveLength(1);
    expect(live("<sub>x</sub> <b>bold</b>")).toEqual(["raw HTML: <b>", "raw HTML: </b>"]);
    expect(live("`@everyone` and @\u2060everyone and [docs](https://docs.pytest.org/)")).toEqual([]);
  });
});
