import {
  type CheckOutcome,
  defineCheck,
  type Finding,
  failure,
  info,
  scored,
  warning,
} from "../../src/engine/check.js";
import { readmeFacts, type Topic } from "./readme-content.js";
import { findReadme, README_READ } from "./readme-file.js";

const DOCS = "https://www.makeareadme.com/";
const REMEDIATION =
  "Write a README.md that says what the project does and why, how to install it (the exact commands), how to run it (a command or a code example), how to run the tests, the results, and the license.";

const TOPIC_FIX: Record<Topic, string> = {
  overview: "Open the README with two or three sentences on what the project does, for whom, and why.",
  setup:
    "Add an Installation section with the exact commands (`git clone ...`, `pip install -r requirements.txt`, `docker compose up`).",
  usage:
    "Add a Usage section with a command or a code example that runs the project (`python -m app.train`, `uvicorn app.main:app`, a `curl` request).",
  tests: "Add a Tests section saying how to run them (`pytest`, `npm test`).",
  results:
    'Add a Results section: the metrics the model reaches and on which data (a table, or a sentence such as "82% accuracy on the held-out test set").',
  license: "Add a License section naming the license (and a LICENSE file).",
};

/** The fix for a README that exists but falls short: what to add, topic by topic, not "write a README". */
function fixFor(path: string, missing: readonly Topic[]): string {
  if (missing.length === 0)
    return `Expand ${path} in your own words: what the project does, how to install and run it, and its results.`;
  return `In ${path}: ${missing.map((t) => TOPIC_FIX[t]).join(" ")}`;
}
const CORE: readonly Topic[] = ["overview", "setup", "usage"];
const EXTRAS: readonly Topic[] = ["tests", "results", "license"];

/** A README so short it says nothing: a title and a sentence (GitHub's default). */
const STUB_WORDS = 15;
/** Below this many words of prose a README is "very short", whatever its sections (partial at best). */
const SHORT_WORDS = 30;
/** A README with this much prose is at least a report or a proposal: partial, not absent. */
const SUBSTANTIAL_WORDS = 80;
/** An unmodified generator README: partial at best. */
const TEMPLATE_SCORE = 0.35;

export const readme = defineCheck({
  id: "documentation.readme",
  title: "README explains the project",
  criterion: "documentation",
  weight: 3,
  looksFor:
    "A README (Markdown, reStructuredText or text) with an overview, setup commands, usage, and ideally tests, results and license, written for this project rather than left as a generator's template.",
  why: "A reviewer reads the README first and often only the README: without setup and usage they cannot run or judge the work.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [README_READ],
  evaluate(repo): CheckOutcome {
    const { readme: file, unreadable } = findReadme(repo);
    const findings: Finding[] = unreadable.map((u) =>
      failure(
        "readme-unreadable",
        `${u.path} is not a readable text README (${u.reason}).`,
        { path: u.path },
        {
          remediation: "Replace it with a plain-text Markdown README.md.",
          docs: DOCS,
        },
      ),
    );
    if (!file) {
      findings.push(
        failure(
          "readme-missing",
          "No README at the root, in .github/ or in docs/.",
          {},
          { remediation: REMEDIATION, docs: DOCS },
        ),
      );
      return scored(0, findings);
    }
    const path = file.path;
    const facts = readmeFacts(file.doc);
    const coverOf = (t: Topic) => facts.topics.get(t)?.score ?? 0;
    const core = CORE.reduce((n, t) => n + coverOf(t), 0) / CORE.length;
    const extras = Math.min(1, EXTRAS.reduce((n, t) => n + coverOf(t), 0) / 2);
    let score = 0.75 * core + 0.25 * extras;

    const found = [...CORE, ...EXTRAS].filter((t) => coverOf(t) > 0);
    // Thin core topics and absent extras, in the order a reader needs them.
    const gaps = [...CORE.filter((t) => coverOf(t) < 1), ...EXTRAS.filter((t) => coverOf(t) === 0)];
    findings.push(
      info(
        "readme-found",
        `${path}: ${facts.words} words, ${facts.codeBlocks} code blocks; covers ${found.length > 0 ? found.join(", ") : "none of overview, setup, usage, tests, results, license"}.`,
        { path },
      ),
    );
    if (file.location === "subfolder") {
      score = Math.min(score, 0.6);
      findings.push(
        warning(
          "readme-not-at-root",
          `The only README is ${path}; the repository's front page shows none.`,
          { path },
          {
            remediation: "Move or copy the README to the repository root.",
            docs: "https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-readmes",
          },
        ),
      );
    }

    const template = facts.templates[0];
    const ownCommands = facts.commands.length;
    if (template && facts.words < 40 && ownCommands === 0) {
      findings.push(
        warning(
          "readme-template",
          `${path} is the unmodified ${template.name} README: it describes the generator, not this project.`,
          { path, line: template.line },
          {
            remediation: `Replace the ${template.name} text with your own. ${fixFor(path, [...CORE, ...EXTRAS.filter((t) => coverOf(t) === 0)])}`,
            docs: DOCS,
          },
        ),
      );
      return scored(TEMPLATE_SCORE, findings);
    }
    if (template) {
      findings.push(
        warning(
          "readme-template-leftovers",
          `${path} still carries the ${template.name} boilerplate (${facts.templateWords} words); it was not counted.`,
          { path, line: template.line },
          { remediation: "Delete the generator's sections and keep what describes this project.", docs: DOCS },
        ),
      );
    }

    // A title and a sentence (or two) with no way to install or run anything is still a stub.
    const howTo = coverOf("setup") > 0 || coverOf("usage") > 0;
    if (ownCommands === 0 && (facts.words < STUB_WORDS || (facts.words < SHORT_WORDS && !howTo))) {
      findings.push(
        failure(
          "readme-stub",
          `${path} holds little more than a title and a sentence (${facts.words} words).`,
          { path },
          { remediation: fixFor(path, gaps), docs: DOCS },
        ),
      );
      return scored(Math.min(score, 0.1), findings);
    }
    if (facts.words < SHORT_WORDS) {
      score = Math.min(score, 0.6);
      findings.push(
        warning(
          "readme-short",
          `${path} is very short (${facts.words} words of prose).`,
          { path },
          { remediation: fixFor(path, gaps), docs: DOCS },
        ),
      );
    }
    if (facts.words >= SUBSTANTIAL_WORDS) score = Math.max(score, 0.3);

    for (const topic of CORE) {
      const c = facts.topics.get(topic);
      if (c && c.score >= 1) continue;
      const what = c ? `${topic} is thin (${c.evidence})` : `no ${topic}`;
      findings.push(
        warning(`readme-no-${topic}`, `${path}: ${what}.`, c ? { path, line: c.line } : { path }, {
          remediation: TOPIC_FIX[topic],
          docs: DOCS,
        }),
      );
    }
    const missing = EXTRAS.filter((t) => coverOf(t) === 0);
    if (extras < 1 && missing.length > 0) {
      findings.push(
        warning(
          "readme-no-extras",
          `${path} does not cover ${missing.join(", ")}.`,
          { path },
          {
            remediation: missing.map((t) => TOPIC_FIX[t]).join(" "),
            docs: DOCS,
          },
        ),
      );
    }
    return scored(score, findings);
  },
});
