/**
 * The HTML report as text (the browser test in tests/e2e drives it): everything from a
 * repository escaped, only https links, a policy that admits exactly the page's own style and
 * script, a dialog per scanned repository.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/engine/types.js";
import { contentSecurityPolicy, escapeHtml, renderHtml, safeHref } from "../../src/report/html.js";
import { rankRows } from "../../src/report/ranking.js";
import { sampleChecks, sampleReport } from "../helpers/report.js";

const meta = { tool: { name: "portfolio-quality", version: "9.9.9" }, scannedAt: "2025-01-02T03:04:05.000Z" };

function hostileReport(): Report {
  const checks = sampleChecks();
  const first = checks[0];
  if (!first) throw new Error("sample has checks");
  checks[0] = {
    ...first,
    remediation: "Run `pytest --cov` <b>now</b>",
    docs: "javascript:alert(1)",
    findings: [
      {
        id: "x",
        level: "failure",
        message: 'Found <script>alert("msg")</script> & friends',
        path: '"><img src=x onerror=alert(1)>.py',
        line: 4,
        remediation: "Use `logging` instead of <i>print</i>",
        docs: "https://docs.python.org/3/library/logging.html?a=1&b=2",
      },
    ],
  };
  return sampleReport(
    {
      repo: { source: "github", name: "evil/<svg onload=alert(1)>", ref: "<main>", sha: "b".repeat(40) },
      notes: [{ id: "n", level: "warning", message: "note <u>underlined</u>" }],
    },
    checks,
  );
}

describe("escapeHtml / safeHref", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;",
    );
  });
  it.each([
    ["https://docs.pytest.org/en/stable/", "https://docs.pytest.org/en/stable/"],
    ["https://x.org/?a=1&b=2", "https://x.org/?a=1&#38;b=2"],
    ["http://insecure.example", undefined],
    ["javascript:alert(1)", undefined],
    ['https://x.org/"onmouseover=alert(1)', undefined],
    ["//evil.example", undefined],
  ])("%s -> %s", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

describe("renderHtml", () => {
  const html = renderHtml(
    rankRows([
      { status: "scanned", name: "evil/<svg onload=alert(1)>", report: hostileReport(), url: "javascript:alert(2)" },
      {
        status: "scanned",
        name: "ada/churn",
        report: sampleReport({ score: 91 }),
        url: "https://github.com/ada/churn",
      },
      { status: "failed", name: "ghost/x", failure: "not_found", reason: "not found <or> gone" },
    ]),
    meta,
  );

  it("escapes every string that came from a repository", () => {
    for (const raw of ["<svg", "<script>alert", "<img", "<b>now", "<i>print", "<u>under", "<main>", "<or>"])
      expect(html).not.toContain(raw);
    expect(html).toContain("&#60;svg onload=alert(1)&#62;");
    expect(html).toContain("&#34;&#62;&#60;img src=x onerror=alert(1)&#62;.py:4");
    expect(html).toContain("Run <code>pytest --cov</code> &#60;b&#62;now&#60;/b&#62;");
  });

  it("links only https URLs", () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(hrefs.filter((h) => !h.startsWith("#") && h !== "data:,").every((h) => h.startsWith("https://"))).toBe(true);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://github.com/ada/churn"');
    expect(html).toContain('href="https://docs.python.org/3/library/logging.html?a=1&#38;b=2"');
  });

  it("admits exactly its own inline style and script, and loads nothing", () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const hash = (t: string) => `'sha256-${createHash("sha256").update(t).digest("base64")}'`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toBe(contentSecurityPolicy());
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="|\son[a-z]+="/);
    expect(html).not.toMatch(/<(?:img|iframe|object|embed|link rel="stylesheet")/);
  });

  it("has one row per repository and a dialog for each scanned one", () => {
    expect(html.match(/<tr data-order=|<tr class="failed" data-order=/g)).toHaveLength(3);
    expect(html.match(/<dialog id="r-\d+"/g)).toEqual(['<dialog id="r-1"', '<dialog id="r-2"']);
    expect(html).toContain('data-open="r-1"');
    expect(html).toContain("not scanned: not found &#60;or&#62; gone");
    expect(html).toContain("<title>Portfolio quality: 3 repositories: 2 scanned, 1 not scanned</title>");
    expect(html).toContain("Scanned on 2025-01-02 with");
  });
});
