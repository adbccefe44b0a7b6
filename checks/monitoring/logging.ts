import {
  type CheckOutcome,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  type RepoView,
  scored,
  warning,
} from "../../src/engine/check.js";
import {
  isOwnCode,
  JS_SOURCE_READ,
  languages,
  NOTEBOOK_READ,
  noMainLanguage,
  PYTHON_SOURCE_READ,
} from "../lib/languages.js";
import { examples, type LoggingFacts, type Site } from "./logging-facts.js";
import { jsLogging } from "./logging-js.js";
import { pythonLogging } from "./logging-python.js";
import { type Advice, JS_ADVICE, judge, PYTHON_ADVICE, type Verdict } from "./logging-verdict.js";

/** Logging configuration kept in its own file (read by `logging.config.fileConfig`/`dictConfig`, log4js...). */
const CONFIG_FILES = [
  "**/{logging,log_config,logging_config,log-config,logging-config,log4js}.{conf,ini,cfg,yaml,yml,json,toml}",
];

function configFiles(repo: RepoView): Site[] {
  return repo
    .glob(CONFIG_FILES, { nocase: true })
    .filter((f) => isOwnCode(f))
    .map((f) => ({ path: f.path, line: 1 }));
}

/** Any output or logging at all in these files. */
function hasSignal(f: LoggingFacts): boolean {
  return f.logCalls.length + f.prints.length + f.config.length + f.loggers.length + f.libraries.size > 0;
}

/** The verdict when the only Python is in notebooks: printing there is normal, but nothing is application code. */
function notebooksOnly(facts: LoggingFacts): Verdict {
  const fix = {
    remediation:
      "Move the pipeline out of the notebooks into modules (`src/<package>/train.py`, `predict.py`) that log through `logging.getLogger(__name__)`, configured once at the entry point; keep the notebooks for exploration.",
    docs: PYTHON_ADVICE.docs,
  };
  const at = facts.logCalls[0] ?? facts.prints[0];
  if (facts.logCalls.length > 0)
    return {
      score: 0.35,
      findings: [
        warning(
          "logging-notebooks-only",
          `The code that runs is in notebooks: they log (${facts.logCalls.length} log calls, ${facts.prints.length} prints), but there is no application code outside them.`,
          at,
          fix,
        ),
      ],
    };
  const prints =
    facts.prints.length > 0 ? ` (${facts.prints.length} print calls, e.g. ${examples(facts.prints, 2)})` : "";
  return {
    score: 0.1,
    findings: [
      failure(
        "logging-notebooks-only",
        `The code that runs is in notebooks: printing there is fine for exploration${prints}, but there is no application code that logs.`,
        at,
        fix,
      ),
    ],
  };
}

export const logging = defineCheck({
  id: "monitoring.logging",
  title: "Logging instead of print",
  criterion: "monitoring",
  weight: 2,
  looksFor:
    "A logging library configured and used in the application code (Python logging with loggers and handlers, loguru, structlog; pino, winston, bunyan, Probot's context.log) rather than print / console.log; tests, notebooks, examples and docs are not judged.",
  why: "Logs with levels, timestamps and context are how a running service or pipeline is debugged and watched; code that prints shows it was only ever run by hand.",
  remediation: PYTHON_ADVICE.remediation,
  effort: "low",
  docs: PYTHON_ADVICE.docs,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ, JS_SOURCE_READ],
  evaluate(repo): CheckOutcome {
    const profile = languages(repo);
    // A download script beside an R or Go project is not the application: its prints say nothing.
    if (profile.main.length === 0 && profile.python + profile.javascript > 0)
      return notApplicable(info("logging-no-code", `${noMainLanguage(profile)}: logging is not judged.`));
    const python = pythonLogging(repo);
    const js = jsLogging(repo);
    const files = configFiles(repo);
    const judged: [LoggingFacts, Advice][] = [];
    // Python files that neither log nor print (empty packages, helpers) beside more notebooks:
    // the notebooks are the program. A backend of its own (more modules than notebooks) is judged.
    const silent =
      !hasSignal(python.application) &&
      python.notebooks.files > 0 &&
      python.notebooks.files >= python.application.files;
    if (python.application.files > 0 && !silent) judged.push([python.application, PYTHON_ADVICE]);
    if (js.server.files > 0) judged.push([js.server, JS_ADVICE]);
    // Front-end code alone is judged only when it is all there is.
    if (judged.length === 0 && js.browser.files > 0) judged.push([js.browser, JS_ADVICE]);

    if (judged.length === 0) {
      if (python.notebooks.files > 0) {
        const verdict = notebooksOnly(python.notebooks);
        return scored(verdict.score, verdict.findings);
      }
      return notApplicable(info("logging-no-code", "No Python or JS/TS application code to judge."));
    }

    const verdicts = judged.map(([facts, advice]) => ({ facts, verdict: judge(facts, advice, files) }));
    const findings: Finding[] = verdicts.flatMap((v) => v.verdict.findings);
    if (files.length > 0)
      findings.push(info("logging-config-file", `Logging configuration file: ${examples(files)}.`, files[0]));
    // Each language weighs by the size of its application code (at least one byte, so empty files still count).
    const weights = verdicts.map((v) => Math.max(1, v.facts.bytes));
    const total = weights.reduce((a, b) => a + b, 0);
    const score = verdicts.reduce((s, v, i) => s + (v.verdict.score * (weights[i] ?? 0)) / total, 0);
    return scored(score, findings);
  },
});
