/**
 * The comment command's text: which comments hold a command (quotes and code blocks do not),
 * how repositories are read from it, and how the reply stays within GitHub's comment limit.
 */
import { describe, expect, it } from "vitest";
import { appRepoHosts, parseComment } from "../../src/app/comment/parse.js";
import { deniedReply, GITHUB_COMMENT_LIMIT, scanReply, usageReply } from "../../src/app/comment/reply.js";
import type { Finding } from "../../src/engine/types.js";
import { rankRows, type ScanRow } from "../../src/report/ranking.js";
import { sampleReport } from "../helpers/report.js";

const names = (body: string) => {
  const c = parseComment(body);
  return c?.kind === "scan" ? c.targets.map((t) => `${t.owner}/${t.repo}`) : c;
};

describe("parseComment", () => {
  it.each([
    ["/portfolio-quality scan ada/churn", ["ada/churn"]],
    ["/Portfolio-Quality SCAN ada/churn, bob/titanic", ["ada/churn", "bob/titanic"]],
    ["Please look:\n/portfolio-quality scan https://github.com/ada/churn\nthanks", ["ada/churn"]],
    ["/portfolio-quality scan\nada/churn\nbob/titanic\n\nThanks!", ["ada/churn", "bob/titanic"]],
    [
      "/portfolio-quality scan <https://github.com/ada/churn> [bob](https://github.com/bob/titanic)",
      ["ada/churn", "bob/titanic"],
    ],
    ["/portfolio-quality scan ada/churn ADA/churn https://github.com/ada/churn.git", ["ada/churn"]],
    ["   /portfolio-quality scan ada/churn", ["ada/churn"]],
  ])("%j scans %j", (body, expected) => {
    expect(names(body)).toEqual(expected);
  });

  it.each([
    ["no command", "LGTM"],
    ["a mention of the command mid-sentence", "You can run /portfolio-quality scan ada/churn yourself"],
    ["a quoted reply", "> /portfolio-quality scan ada/churn\n\nnice"],
    ["a fenced block", "```\n/portfolio-quality scan ada/churn\n```"],
    ["a tilde fence", "~~~md\n/portfolio-quality scan ada/churn\n~~~"],
    ["an indented line that is code", "    /portfolio-quality scan ada/churn"],
    ["a longer command word", "/portfolio-quality-bot scan ada/churn"],
  ])("finds no command in %s", (_what, body) => {
    expect(parseComment(body)).toBeUndefined();
  });

  it("runs the line after a closed fence", () => {
    expect(names("```\n/portfolio-quality scan x/quoted\n```\n/portfolio-quality scan ada/churn")).toEqual([
      "ada/churn",
    ]);
  });

  it.each([
    ["/portfolio-quality", "no command given"],
    ["/portfolio-quality help", 'unknown command "help"'],
    ["/portfolio-quality scan", "no repository named"],
  ])("%j asks for the usage (%s)", (body, reason) => {
    expect(parseComment(body)).toEqual({ kind: "usage", reason });
  });

  it("keeps the first ten, lists the rest past the cap, and the words that name no repository", () => {
    const repos = Array.from({ length: 12 }, (_, i) => `o/r${i}`);
    const c = parseComment(`/portfolio-quality scan ${repos.join(" ")} https://github.com/orgs/acme nope`);
    if (c?.kind !== "scan") throw new Error("expected a scan");
    expect(c.targets.map((t) => t.repo)).toEqual(repos.slice(0, 10).map((r) => r.slice(2)));
    expect(c.overCap.map((t) => t.input)).toEqual(["o/r10", "o/r11"]);
    expect(c.problems.map((p) => p.input)).toEqual(["https://github.com/orgs/acme", "nope"]);
  });
});

describe("replies", () => {
  const tool = { name: "portfolio-quality", version: "1.0.0" };
  const noisy = (name: string, score: number): ScanRow => {
    // Many long warnings make each folded summary large, as a messy repository's would be.
    const notes: Finding[] = Array.from({ length: 300 }, (_, i) => ({
      id: `n${i}`,
      level: "warning",
      message: `Something about file number ${i} that goes on for a while to take space in the reply`,
    }));
    return {
      status: "scanned",
      name,
      report: sampleReport({ score, notes, repo: { source: "github", name, ref: "main", sha: "c".repeat(40) } }),
    };
  };

  it("folds as many summaries as fit and says how many did not", () => {
    const rows = rankRows(Array.from({ length: 10 }, (_, i) => noisy(`o/r${i}`, 90 - i)));
    const body = scanReply({ rows, overCap: [], problems: [], cap: 10, tool });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const folded = body.match(/<details>/g)?.length ?? 0;
    expect(folded).toBeGreaterThan(0);
    expect(folded).toBeLessThan(10);
    expect(body).toContain(`_The summaries of ${10 - folded} more repositories did not fit in one comment`);
    // The whole table is always there, and the best-ranked are the ones folded in.
    for (let i = 0; i < 10; i++) expect(body).toContain(`| ${i + 1} | o/r${i} |`);
    expect(body).toContain("<summary><b>1. o/r0</b>");
  });

  it("fits everything when it can, without the note", () => {
    const report = sampleReport({
      score: 80,
      repo: { source: "github", name: "o/a", ref: "main", sha: "c".repeat(40) },
    });
    const rows = rankRows([{ status: "scanned", name: "o/a", report }]);
    const body = scanReply({ rows, overCap: [], problems: [], cap: 10, tool });
    expect(body).not.toContain("did not fit");
    expect(body).toMatch(
      /<details>\n<summary><b>1\. o\/a<\/b>: 80\/100 \(C\)<\/summary>\n\nCommit `ccccccc` on `main`\.\n\n\*\*80\/100 \(C\)\*\*/,
    );
    expect(body).toMatch(/\n<\/details>\n/);
  });

  it("keeps what the commenter typed literal and short", () => {
    const long = `@everyone-${"x".repeat(200)}`;
    const body = usageReply(`unknown command "${long}"`, 10);
    expect(body).toMatch(/^I could not run that: `unknown command "@everyone-x+…`\./);
    expect(body.length).toBeLessThan(400);
    expect(deniedReply()).toMatch(/nothing was scanned/);
  });
});

describe("hosts a comment may name", () => {
  it("refuses a repository on another host instead of scoring a GitHub namesake", () => {
    const c = parseComment("/portfolio-quality scan https://gitlab.com/a/b octo/app", 10, appRepoHosts({}));
    expect(c?.kind === "scan" && c.targets.map((t) => `${t.owner}/${t.repo}`)).toEqual(["octo/app"]);
    expect(c?.kind === "scan" && c.problems[0]?.message).toMatch(/gitlab\.com/);
  });

  it("accepts the Enterprise server the App runs against", () => {
    const c = parseComment(
      "/portfolio-quality scan https://ghe.acme.test/a/b",
      10,
      appRepoHosts({ GHE_HOST: "ghe.acme.test" }),
    );
    expect(c?.kind === "scan" && c.targets.map((t) => `${t.owner}/${t.repo}`)).toEqual(["a/b"]);
  });
});
