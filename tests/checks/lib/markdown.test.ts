import { describe, expect, it } from "vitest";
import { countWords, readMarkdown, sectionsOf } from "../../../checks/lib/markdown.js";
import { defuseLine, planMarkdown } from "../../../checks/lib/markdown-chunks.js";
import { readRst } from "../../../checks/lib/markdown-rst.js";

const README = `<h1 align="center">Churn Model</h1>
<p align="center"><img src="https://img.shields.io/badge/python-3.11-blue" alt="python"> Predicts churn &amp; more.</p>

[![License: MIT][license-badge]][license-url] [![CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://github.com/a/b/actions)

A service that predicts customer churn from usage data.

## Installation

1. Clone the repo:
   \`\`\`bash
   git clone https://github.com/a/b
   \`\`\`
2. Run \`pip install -r requirements.txt\`

| metric | value |
|---|---|
| AUC | 0.91 |

[license-badge]: https://img.shields.io/badge/License-MIT-yellow.svg
[license-url]: https://opensource.org/licenses/MIT
`;

describe("readMarkdown", () => {
  const doc = readMarkdown(README);

  it("reads blocks in order with lines, HTML headings included, lists flattened", () => {
    expect(doc.blocks.map((b) => [b.kind, b.line, b.kind === "code" ? b.lang : b.text])).toEqual([
      ["heading", 1, "Churn Model"],
      ["html", 1, "Predicts churn more."],
      ["paragraph", 6, "A service that predicts customer churn from usage data."],
      ["heading", 8, "Installation"],
      ["paragraph", 10, "Clone the repo:"],
      ["code", 11, "bash"],
      ["paragraph", 14, "Run pip install -r requirements.txt"],
      ["table", 16, "metric value AUC 0.91"],
    ]);
    expect(doc.blocks[6]?.inlineCode).toEqual(["pip install -r requirements.txt"]);
  });

  it("resolves reference-style badges and keeps the link around an image", () => {
    expect(doc.images).toContainEqual({
      url: "https://img.shields.io/badge/License-MIT-yellow.svg",
      text: "License: MIT",
      line: 4,
      href: "https://opensource.org/licenses/MIT",
    });
    expect(doc.images.map((i) => i.url)).toContain("https://img.shields.io/badge/python-3.11-blue");
  });

  it("splits sections at headings", () => {
    expect(sectionsOf(doc).map((s) => [s.heading?.text, s.blocks.length])).toEqual([
      ["Churn Model", 2],
      ["Installation", 4],
    ]);
  });

  it("keeps line numbers right in later chunks and resolves definitions far below", () => {
    const filler = Array.from(
      { length: 30 },
      (_, i) => `## Part ${i}\n\n${"word ".repeat(40)}\n\n${"- item\n".repeat(10)}`,
    ).join("\n");
    const text = `# Title\n\n[![Build][ci]][ci-url]\n\n${filler}\n## License\n\nMIT\n\n[ci]: https://img.shields.io/ci.svg\n[ci-url]: https://ci.example\n`;
    const d = readMarkdown(text);
    const lines = text.split("\n");
    const license = d.blocks.find((b) => b.text === "License");
    expect(lines[(license?.line ?? 0) - 1]).toBe("## License");
    expect(d.images[0]).toMatchObject({ url: "https://img.shields.io/ci.svg", href: "https://ci.example", line: 3 });
  });

  it("still sees every heading of a README far past the parse budget", () => {
    const long = Array.from({ length: 200 }, (_, i) => `## API ${i}\n\n\`\`\`js\n${"call();\n".repeat(20)}\`\`\``).join(
      "\n\n",
    );
    const d = readMarkdown(`# Lib\n\nA library.\n\n${long}\n\n## License\n\nMIT\n`);
    const headings = d.blocks.filter((b) => b.kind === "heading").map((b) => b.text);
    expect(headings).toHaveLength(202);
    expect(headings.at(-1)).toBe("License");
  });

  it("does not let a section cut inside a code fence swallow the next heading", () => {
    const text = `# A\n\n\`\`\`text\n${"x\n".repeat(300)}\`\`\`\n\n## Usage\n\nRun it.\n`;
    expect(readMarkdown(text).blocks.map((b) => b.text)).toContain("Usage");
  });

  it.each([
    ["unclosed brackets", `${"[".repeat(50_000)}x`],
    ["bracket lines", "[\n".repeat(30_000)],
    ["unclosed link destinations", "[a](<b\n".repeat(12_000)],
    ["deep block quotes", `${">".repeat(20_000)} x`],
    ["varying list nesting", Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i % 40)}- item`).join("\n")],
    ["a huge table", `|a|b|\n|-|-|\n${"|x|y|\n".repeat(12_000)}`],
    [
      "thousands of headings and definitions",
      `${Array.from({ length: 3_000 }, (_, i) => `[l${i}]: http://x/${i}`).join("\n")}\n${Array.from({ length: 3_000 }, (_, i) => `# [l${i}]`).join("\n")}`,
    ],
    ["NUL bytes and lone surrogates", "# T\n\u0000\ud800 text \udfff\n"],
  ])(
    "never throws or hangs on %s",
    (_name, text) => {
      expect(() => readMarkdown(text)).not.toThrow();
    },
    30_000,
  );
});

describe("markdown chunks", () => {
  it.each([
    ["[a] [b](c) - [ ] task", "[a] [b](c) - [ ] task"],
    ["[unclosed and [closed]", " unclosed and [closed]"],
    ["[[[[deep]]]]", "[[[ deep]]]]"],
    ["\\[escaped", "\\[escaped"],
  ])("defuses %j", (line, expected) => {
    expect(defuseLine(line)).toBe(expected);
  });

  it("parses a bounded amount of a huge document", () => {
    const plan = planMarkdown(`# T\n${"paragraph line\n".repeat(100_000)}`);
    const parsed = plan.chunks.reduce((n, c) => n + c.text.length, 0);
    expect(parsed).toBeLessThan(50_000);
  });
});

describe("countWords", () => {
  it.each([
    ["Predicts churn from usage data.", 5],
    ["It's a state-of-the-art model", 4],
    ["预测客户流失", 6],
    ["", 0],
  ])("%j has %d words", (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe("readRst", () => {
  const RST = `=========
Churnlib
=========

.. image:: https://img.shields.io/pypi/v/churnlib.svg
   :target: https://pypi.org/project/churnlib

Churnlib predicts churn. See \`the docs <https://churnlib.readthedocs.io>\`_.

Installation
------------

Install it with::

    pip install churnlib

.. note::
   Python 3.10 or later is required.

Usage
-----

.. code-block:: python

   import churnlib
   churnlib.fit(df)

>>> churnlib.__version__
'1.2.0'

.. this is a comment
   spanning two lines

Run \`\`pytest\`\` to test.
`;
  const doc = readRst(RST);

  it("reads titles by adornment, literal and code blocks, admonitions and doctests", () => {
    expect(doc.blocks.map((b) => [b.kind, b.line, b.depth ?? b.lang ?? b.text])).toEqual([
      ["heading", 2, 1],
      ["paragraph", 8, "Churnlib predicts churn. See the docs ."],
      ["heading", 10, 2],
      ["paragraph", 13, "Install it with:"],
      ["code", 15, "pip install churnlib"],
      ["paragraph", 18, "Python 3.10 or later is required."],
      ["heading", 20, 2],
      ["code", 23, "python"],
      ["code", 28, "pycon"],
      ["paragraph", 34, "Run pytest to test."],
    ]);
    expect(doc.blocks[4]?.text).toBe("pip install churnlib");
    expect(doc.blocks.at(-1)?.inlineCode).toEqual(["pytest"]);
  });

  it("reads images with their targets and inline links", () => {
    expect(doc.images).toEqual([
      {
        url: "https://img.shields.io/pypi/v/churnlib.svg",
        text: "",
        line: 5,
        href: "https://pypi.org/project/churnlib",
      },
    ]);
    expect(doc.links).toEqual([{ url: "https://churnlib.readthedocs.io", text: "the docs", line: 8 }]);
  });

  it("never throws on garbage", () => {
    expect(() => readRst("===\n\n.. ::\n::\n   \n.. image::\n")).not.toThrow();
  });
});

describe("readRst on hostile input", () => {
  it.each([
    ["a literal block of 140,000 lines", `Intro::\n\n${" x\n".repeat(140_000)}`],
    ["30,000 directives", ".. note::\n".repeat(30_000)],
    ["50,000 adornment lines", "=====\n".repeat(50_000)],
  ])(
    "never throws or hangs on %s",
    (_name, text) => {
      expect(() => readRst(text)).not.toThrow();
    },
    30_000,
  );
});
