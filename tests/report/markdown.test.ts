import { describe, expect, it } from "vitest";
import { codeSpan, escapeMarkdown, escapeProse } from "../../src/report/escape.js";
import { fitToLimit, GITHUB_TEXT_LIMIT, renderMarkdown } from "../../src/report/markdown.js";
import { sampleChecks, sampleReport } from "../helpers/report.js";

describe("markdown report", () => {
  it("has the check-run title, a criteria table and the top fixes", () => {
    const md = renderMarkdown(sampleReport());
    expect(md.title).toBe("Portfolio quality: 74/100 (C)");
    expect(md.summary).toContain("| Testing | 50 | 20 |");
    expect(md.summary).toContain("| Scalability and MLOps | n/a | 5 |");
    expect(md.summary).toMatch(
      /1\. \*\*\+11\.4\*\* `testing\.coverage`: Add \\\[tool\.coverage\.report\\\] fail\\_under \\= 80/,
    );
    expect(md.text).toContain("## Testing: 50/100");
    expect(md.text).toContain("`pyproject.toml:3`");
  });

  it.each([
    ["@everyone.md", "@\u2060everyone.md"],
    ["<img src=x onerror=alert(1)>", "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"],
    ["[click](javascript:alert(1))", "\\[click\\]\\(javascript:alert\\(1\\)\\)"],
    ["see #12 and https://evil.example", "see \\#\u206012 and https:\u2060//evil.example"],
    ["![x](http://t.example/p.png)", "\\!\\[x\\]\\(http:\u2060//t.example/p.png\\)"],
  ])("makes repository text inert: %s", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("puts paths in code spans that survive backticks", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x")).toBe("`` `x ``");
  });

  it("escapes injected text in findings wherever it appears", () => {
    const checks = sampleChecks();
    checks[0] = {
      ...checks[0],
      findings: [
        {
          id: "x",
          level: "failure",
          message: "README links to [x](javascript:alert(1)) @org/team",
          path: "<img src=x>.md",
          remediation: "<b>bold</b>",
        },
      ],
    } as (typeof checks)[0];
    const { summary, text } = renderMarkdown(sampleReport({}, checks));
    for (const part of [summary, text]) {
      expect(part).not.toMatch(/\]\(javascript:/);
      expect(part).not.toContain("<b>");
      expect(part).not.toMatch(/(^|[^`])<img/);
      expect(part).not.toMatch(/@org/);
    }
  });

  it("keeps both parts within GitHub's 65,535-byte limit, counting UTF-8 bytes", () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...sampleChecks()[0],
      id: `testing.c${i}`,
      findings: Array.from({ length: 25 }, () => ({ id: "f", level: "failure" as const, message: "x".repeat(300) })),
    })) as ReturnType<typeof sampleChecks>;
    const { summary, text } = renderMarkdown(sampleReport({}, many));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(text).toContain("cut to fit GitHub's limit");
  });

  it("leaves short text alone", () => {
    expect(fitToLimit("abc")).toBe("abc");
  });

  it("never cuts inside a multi-byte character", () => {
    const text = `${"✅ line\n".repeat(20)}`;
    const cut = fitToLimit(text, 150);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(150);
    expect(cut).not.toContain("\uFFFD");
    expect(cut.startsWith("✅ line\n")).toBe(true);
  });

  it("escapes a custom rule's title taken from the repository's config", () => {
    const checks = sampleChecks();
    checks[0] = { ...checks[0], id: "custom.x", title: "@everyone <b>hi</b>" } as (typeof checks)[0];
    expect(renderMarkdown(sampleReport({}, checks)).text).toContain("@\u2060everyone &lt;b&gt;hi&lt;/b&gt;");
  });
});

describe("prose with code", () => {
  it.each([
    ["Add `--cov-fail-under=80` to addopts", "Add `--cov-fail-under=80` to addopts"],
    ["run `a`b` here", "run `a`b\\` here"],
    ["`<img src=x>` @me", "`<img src=x>` @\u2060me"],
    ["[x](javascript:alert(1)) in `code`", "\\[x\\]\\(javascript:alert\\(1\\)\\) in `code`"],
  ])("keeps code spans and escapes the rest: %s", (input, expected) => {
    expect(escapeProse(input)).toBe(expected);
  });
});
