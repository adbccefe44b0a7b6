/**
 * What a README tells a reader, from its structure: which topics it covers (overview, setup,
 * usage, tests, results, license), by section headings and by the commands in its code, and how
 * much prose it has once generator boilerplate is set aside.
 */
import type { DocBlock, DocRef, DocSection, DocText } from "../lib/markdown.js";
import { sectionsOf } from "../lib/markdown.js";
import { normalise, type TemplateMatch, templatesIn, withoutTemplate } from "./readme-templates.js";

/** The topics a README is expected to cover. */
export type Topic = "overview" | "setup" | "usage" | "tests" | "results" | "license";

/** How well a topic is covered (0..1) and the evidence. */
export interface TopicCover {
  readonly score: number;
  readonly line: number;
  readonly evidence: string;
}

/** A shell command found in a code block or inline code, by what it does. */
export interface ReadmeCommand {
  readonly kind: "setup" | "usage" | "tests";
  readonly command: string;
  readonly line: number;
}

/** The facts the readme check scores. */
export interface ReadmeFacts {
  /** Prose words the author wrote (template boilerplate excluded). */
  readonly words: number;
  readonly codeBlocks: number;
  readonly commands: readonly ReadmeCommand[];
  readonly topics: ReadonlyMap<Topic, TopicCover>;
  readonly templates: readonly TemplateMatch[];
  /** Words of the generator's boilerplate (0 when no template). */
  readonly templateWords: number;
}

const HEADINGS: Record<Topic, RegExp> = {
  overview:
    /\b(overview|about|introduction|intro|description|what is|what it does|motivation|background|summary|abstract|purpose|problem statement|problem|features|objectives?|goals?|context|project (description|summary|goal))\b/,
  setup:
    /\b(install|installation|installing|setup|set up|set-up|getting started|get started|quick ?start|requirements|prerequisites|dependencies|environment|build(ing)?|local development|development|how to (install|build|set ?up))\b/,
  usage:
    /\b(usage|use|how to use|how to run|running|run|examples?|demo|quick ?start|getting started|api|endpoints?|cli|commands?|inference|predictions?|train(ing)?|serving|deploy(ment|ing)?|tutorial|walkthrough|reproduc(e|ing|ibility))\b/,
  tests: /\b(tests?|testing|test suite)\b/,
  results:
    /\b(results?|evaluation|performance|metrics|benchmarks?|findings|conclusions?|accuracy|leaderboard|scores?|outcomes?)\b/,
  license: /\b(licen[cs]e|licensing)\b/,
};

// Wrappers that run a command in an environment: `poetry run pytest` is `pytest`.
const RUNNER =
  /^(sudo|poetry run|uv run|pipenv run|pdm run|hatch run|rye run|conda run( -n \S+)?|npx|pnpx|bunx|docker(-| )compose (run|exec)( --rm)? \S+)\s+/;
const TEST_CMD =
  /^((python3?|py) -m )?(pytest|py\.test|unittest|tox|nox)\b|^(npm|yarn|pnpm|bun) (run )?test\b|^make (test|check|tests)\b|^(vitest|jest|mocha|ava|playwright test|cypress run)\b|^coverage run\b|^just test\b|^task test\b/;
const SETUP_CMD =
  /^(pip3?|(python3?|py) -m pip|uv pip) install\b|^uv (sync|venv|add)\b|^(poetry|pipenv|pdm|bun) (install|sync)\b|^(conda|mamba|micromamba) (env create|create|install|activate)\b|^(npm (install|ci|i)|pnpm (install|i)|yarn( install)?)(\s|$)|^git clone\b|^(python3?|py) -m venv\b|^virtualenv\b|^(source|\.) \S*activate\b|^\S*activate(\.bat|\.ps1)?$|^docker build\b|^docker(-| )compose (build|pull)\b|^make (install|setup|init|env|venv|deps|dependencies|requirements|build)\b|^(brew|apt|apt-get|choco|winget) install\b|^(cp|copy) \S*\.env\S*\b|^dvc pull\b|^pre-commit install\b/;
const USAGE_CMD =
  /^(python3?|py) (?!-m (pip|venv|pytest|unittest)\b)\S+|^(uvicorn|gunicorn|hypercorn|flask run|fastapi (dev|run)|streamlit run|gradio|panel serve|jupyter (notebook|lab)|voila)\b|^(npm|pnpm|bun) (start|run \S+|dev)\b|^yarn (start|dev|build|serve|\S+)\b|^node \S+|^deno run\b|^docker run\b|^docker(-| )compose up\b|^(curl|http|https|wget) \S+|^make \S+|^dvc (repro|exp run)\b|^mlflow (ui|run|server|models serve)\b|^(kubectl apply|helm (install|upgrade)|terraform apply|skaffold run)\b|^(bentoml serve|torchrun|accelerate launch|deepspeed|ray (start|submit)|celery|airflow|dagster|prefect|kedro run|zenml|sam (deploy|local)|serverless deploy)\b|^\.\/\S+|^bash \S+\.sh\b|^sh \S+\.sh\b/;
const SHELL_LANGS = new Set([
  "",
  "bash",
  "sh",
  "shell",
  "zsh",
  "console",
  "shell-session",
  "powershell",
  "ps1",
  "pwsh",
  "cmd",
  "bat",
  "batch",
  "terminal",
  "fish",
]);
const CODE_LANGS = /^(python|py|python3|pycon|ipython|js|javascript|ts|typescript|jsx|tsx)$/;

/** The commands in one line of a shell block or an inline code span. */
function commandsOf(line: string, at: number): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  const clean = line.replace(/^\s*(\(\S+\)\s*)?([$>%]|PS>|C:\\\S*>)\s+/, "").trim();
  for (const part of clean.split(/\s*(?:&&|;|\|\|)\s*/)) {
    const cmd = part.replace(RUNNER, "").replace(RUNNER, "").trim();
    if (cmd === "" || cmd.startsWith("#")) continue;
    const kind = TEST_CMD.test(cmd)
      ? "tests"
      : SETUP_CMD.test(cmd)
        ? "setup"
        : USAGE_CMD.test(cmd)
          ? "usage"
          : undefined;
    if (kind) out.push({ kind, command: part.trim(), line: at });
  }
  return out;
}

/** Commands in shell code blocks and in inline code (`Run \`make train\``). */
function commandsIn(blocks: readonly DocBlock[]): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  for (const b of blocks) {
    if (b.kind === "code" && SHELL_LANGS.has(b.lang ?? "")) {
      b.text.split("\n").forEach((line, i) => {
        out.push(...commandsOf(line, b.line + 1 + i));
      });
    }
    for (const span of b.inlineCode ?? []) out.push(...commandsOf(span, b.line));
    // Steps often hold their commands bare, in a list item or a line of their own:
    // `- pip install -r requirements.txt`. Prose can start like a usage command ("python is
    // required"), so a bare usage command needs a file, a path or a flag to count; installs and
    // test runs read unambiguously. A long paragraph is prose, whatever its first word.
    if (b.kind === "paragraph" && (b.item || b.words <= BARE_WORDS) && !b.inlineCode?.length)
      out.push(...commandsOf(b.text, b.line).filter((c) => c.kind !== "usage" || BARE_USAGE.test(c.command)));
  }
  return out;
}

const ONE_SENTENCE = "a one-sentence introduction";
/** Words that mark a section as still to be written. */
const PLACEHOLDER_SECTION = /\b(coming soon|todo|tbd|to be (added|done|written|completed)|work in progress|wip)\b/i;
/** A paragraph at most this long may be a bare command line. */
const BARE_WORDS = 12;
/** What makes a bare list item a usage command rather than a sentence: a script, a path or a flag. */
const BARE_USAGE = /\.(py|sh|js|ts|ipynb)\b|\/|\s--?[a-z]/;

/** Setup steps written as prose in a list: "Install libraries from requirements.txt", "Clone this repo". */
const INSTALL_STEP =
  /^install(ing)?\b.*\b(requirements|dependencies|librar(y|ies)|packages?|pip|conda|poetry|npm)\b|^(create|set ?up|activate) (a |the )?(virtual ?env(ironment)?|venv|conda env(ironment)?|environment)\b/i;
const CLONE_STEP = /^(git )?clone\b/i;
/** A usage step written as prose in a list: "Open titanic.ipynb in Jupyter", "Run all cells", "Run train.py". */
const USAGE_STEP = /^(open|run|launch|execute|start)\b.*(\.(ipynb|py)\b|\ball (the )?cells\b|\bnotebook\b)/i;

/** A section with its sub-sections' blocks: "## Usage" followed by "### CLI" still has content. */
function withSubsections(sections: readonly DocSection[], index: number): DocBlock[] {
  const head = sections[index];
  const depth = head?.heading?.depth ?? 0;
  const blocks = [...(head?.blocks ?? [])];
  for (let i = index + 1; i < sections.length; i++) {
    const s = sections[i] as DocSection;
    if ((s.heading?.depth ?? 0) <= depth) break;
    blocks.push(...(s.heading ? [s.heading] : []), ...s.blocks);
  }
  return blocks;
}

const wordsOf = (blocks: readonly DocBlock[]) =>
  blocks.filter((b) => b.kind !== "code" && b.kind !== "heading").reduce((n, b) => n + b.words, 0);

const METRIC =
  /\b(accuracy|f1|auc|roc|rmse|mse|mae|mape|precision|recall|r2|r\u00b2|map@?\d*|bleu|rouge|wer|iou|loss|top-?[15])\b/i;
/** Metric names a sentence reports a result with (`loss` and `top-1` are left out: they name settings too). */
const PROSE_METRIC = String.raw`(accuracy|f1(-score)?|roc[- ]auc|auc|rmse|mse|mae|mape|precision|recall|r2|r\u00b2|bleu|rouge(-\w+)?|wer|iou|error rate|dice( coefficient| score)?|psnr|ssim|fid|perplexity|map(@\d+)?)`;
const NUMBER = String.raw`\d+(\.\d+)?\s*%?`;
/** A result stated in prose: "82% accuracy", "an F1 of 0.87", "RMSE: 3.2" (metric and number close together). */
const METRIC_STATEMENT = new RegExp(
  String.raw`\b${NUMBER}\s*(\w+\s+){0,2}${PROSE_METRIC}\b|\b${PROSE_METRIC}\b[^.\d\n]{0,25}?${NUMBER}`,
  "i",
);
const LICENSE_TEXT = /\blicen[cs]ed under\b|\b(mit|apache|gpl|bsd|mpl)[- ]?(licen[cs]e|2\.0|3\.0)?\b.*\blicen[cs]e\b/i;

/** Read the topics, commands and prose of a README. */
export function readmeFacts(doc: DocText): ReadmeFacts {
  const all = sectionsOf(doc);
  const templates = templatesIn(doc.blocks);
  const sections = withoutTemplate(all, templates);
  const blocks = sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.blocks]);
  const words = wordsOf(blocks);
  const templateWords = templates.length > 0 ? Math.max(0, wordsOf(doc.blocks) - words) : 0;
  const commands = commandsIn(blocks);
  const topics = new Map<Topic, TopicCover>();
  const cover = (topic: Topic, score: number, line: number, evidence: string) => {
    const seen = topics.get(topic);
    if (!seen || seen.score < score) topics.set(topic, { score, line, evidence });
  };

  // Overview: the prose before the first sub-heading (under the title), or an "About" section.
  const firstSub = sections.findIndex((s) => (s.heading?.depth ?? 1) > 1);
  const intro = sections.slice(0, firstSub === -1 ? sections.length : firstSub).flatMap((s) => s.blocks);
  const introWords = wordsOf(intro);
  const introLine = intro.find((b) => b.kind !== "code")?.line ?? 1;
  if (introWords >= 15) cover("overview", 1, introLine, `${introWords} words of introduction`);
  else if (introWords >= 6) cover("overview", 0.5, introLine, ONE_SENTENCE);

  sections.forEach((s, i) => {
    if (!s.heading) return;
    const title = normalise(s.heading.text);
    const body = withSubsections(sections, i);
    const prose = wordsOf(body);
    const code = body.filter((b) => b.kind === "code");
    const filled = prose >= 10 || code.length > 0 ? 0.7 : prose >= 3 ? 0.4 : 0;
    const at = s.heading.line;
    const evidence = `section "${s.heading.text}"`;
    // "## Testing – coming soon." promises a section; it covers nothing yet.
    const promised = (title: string): boolean =>
      code.length === 0 && prose < 12 && PLACEHOLDER_SECTION.test(`${title} ${body.map((b) => b.text).join(" ")}`);
    if (promised(s.heading.text)) return;
    for (const topic of Object.keys(HEADINGS) as Topic[]) {
      if (!HEADINGS[topic].test(title)) continue;
      if (topic === "overview") cover(topic, prose >= 15 ? 1 : prose >= 8 ? 0.5 : 0, at, evidence);
      else if (topic === "usage" && code.some((b) => CODE_LANGS.test(b.lang ?? ""))) cover(topic, 1, at, evidence);
      else if (topic === "tests" || topic === "license") cover(topic, filled > 0 ? 1 : 0.5, at, evidence);
      else if (topic === "results")
        cover(topic, prose >= 10 || body.some((b) => b.kind === "table") ? 1 : filled, at, evidence);
      else cover(topic, filled, at, evidence);
    }
  });

  // No introduction and no heading we know (a README in another language): the first section
  // of prose under a heading that names no other topic is where a reader learns what this is.
  if (!topics.has("overview")) {
    const at = sections.findIndex((s, i) => {
      if (!s.heading || (s.heading.depth ?? 1) < 2) return false;
      const title = normalise(s.heading.text);
      return !Object.values(HEADINGS).some((re) => re.test(title)) && wordsOf(withSubsections(sections, i)) >= 15;
    });
    const heading = sections[at]?.heading;
    if (heading) cover("overview", 1, heading.line, `section "${heading.text}"`);
  }

  // A library shows its use in code (`const x = useTextBuffer(url)` under "Hooks"), whatever the
  // section is called: a code example outside the setup sections is usage.
  if ((topics.get("usage")?.score ?? 0) < 1) {
    const example = sections.find(
      (s) =>
        !(s.heading && HEADINGS.setup.test(normalise(s.heading.text))) &&
        s.blocks.some((b) => b.kind === "code" && CODE_LANGS.test(b.lang ?? "")),
    );
    const block = example?.blocks.find((b) => b.kind === "code" && CODE_LANGS.test(b.lang ?? ""));
    if (block) cover("usage", 1, block.line, `a ${block.lang} example`);
  }

  for (const c of commands) cover(c.kind, 1, c.line, `\`${c.command}\``);
  for (const b of blocks) {
    if (b.kind !== "paragraph" || !b.item) continue;
    const step = `the step "${b.text.slice(0, 60)}"`;
    // Installing is what setup is; a clone alone says where the code is, not how to run it.
    if (INSTALL_STEP.test(b.text)) cover("setup", 1, b.line, step);
    else if (CLONE_STEP.test(b.text)) cover("setup", 0.5, b.line, step);
    if (USAGE_STEP.test(b.text)) cover("usage", 0.7, b.line, step);
  }
  for (const b of blocks) {
    if (b.kind === "table" && METRIC.test(b.text)) cover("results", 1, b.line, "a table of metrics");
    if (b.kind === "paragraph" && METRIC_STATEMENT.test(b.text))
      cover("results", 1, b.line, "a metric stated in prose");
    if (b.kind !== "code" && LICENSE_TEXT.test(b.text)) cover("license", 1, b.line, "a license statement");
  }
  for (const ref of [...doc.images, ...doc.links]) {
    if (isLicenseRef(ref)) cover("license", 1, ref.line, "a license badge or link");
  }
  // One sentence says what a library is when the rest shows how to install and use it.
  const overview = topics.get("overview");
  const shown = (t: Topic) => (topics.get(t)?.score ?? 0) >= 1;
  if (overview?.evidence === ONE_SENTENCE && shown("setup") && shown("usage"))
    topics.set("overview", { ...overview, score: 1 });
  return {
    words,
    codeBlocks: blocks.filter((b) => b.kind === "code").length,
    commands,
    topics,
    templates,
    templateWords,
  };
}

/** A license badge (`![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)`) or a link to the LICENSE file. */
export function isLicenseRef(ref: DocRef): boolean {
  const url = ref.url.toLowerCase();
  if (/(^|\/)(licen[cs]e|copying)(\.(md|txt|rst))?$/.test(url.replace(/[?#].*$/, ""))) return true;
  return /licen[cs]e/i.test(ref.text) || /shields\.io\/.*licen[cs]e|badge\/licen[cs]e|\/github\/license\//.test(url);
}
