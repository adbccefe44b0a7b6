/**
 * From logging facts to a score: a library configured and called in the application code passes;
 * configured but drowned in prints, or imported and never called, is partial; print only fails.
 */
import { type Finding, failure, info, warning } from "../../src/engine/check.js";
import { byFile, examples, type LoggingFacts, type Site } from "./logging-facts.js";

/** Docs and fix per language family. */
export interface Advice {
  readonly docs: string;
  readonly remediation: string;
  /** What bare output is called in this language ("print", "console.log"). */
  readonly print: string;
  /** What "never configured" means in this language. */
  readonly unconfigured: string;
}

export const PYTHON_ADVICE: Advice = {
  docs: "https://docs.python.org/3/howto/logging.html",
  remediation:
    "Get a module logger with `logger = logging.getLogger(__name__)`, configure logging once at the entry point (`logging.basicConfig(level=logging.INFO, format=...)` or `logging.config.dictConfig`), and replace `print` with `logger.info` / `logger.warning` / `logger.exception`. loguru or structlog work too.",
  print: "print",
  unconfigured:
    "loggers are used but logging is never configured (no basicConfig, dictConfig or handler): records below WARNING are dropped and the format is the bare default",
};

export const JS_ADVICE: Advice = {
  docs: "https://getpino.io/#/docs/api",
  remediation:
    "Create one logger (pino or winston) at start-up, or use the one your framework provides (Fastify's `request.log`, Probot's `context.log`), pass it to the modules that need it, and replace `console.log` with `logger.info` / `logger.error`.",
  print: "console.log",
  unconfigured:
    "log calls are made but no logger is created in the code (pino(), winston.createLogger(), log4js.configure())",
};

/** A language's verdict. */
export interface Verdict {
  readonly score: number;
  readonly findings: Finding[];
}

/** Share of log calls among all output at which logging is the habit. */
const HABIT_SHARE = 0.5;
/** Above this share, the remaining prints are not worth a warning. */
const RARE_PRINTS = 0.9;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Where prints concentrate: "src/train.py (12), src/eval.py (4)". */
function worstFiles(prints: readonly Site[], max = 3): string {
  return byFile(prints)
    .slice(0, max)
    .map((f) => `${f.path} (${f.count})`)
    .join(", ");
}

/** Judge one language scope's facts; `configFiles` are logging config files in the repo. */
export function judge(facts: LoggingFacts, advice: Advice, configFiles: readonly Site[]): Verdict {
  const fix = { remediation: advice.remediation, docs: advice.docs };
  const logs = facts.logCalls.length;
  const prints = facts.prints.length;
  const libraries = [...facts.libraries.keys()];
  const named = libraries.length > 0 ? libraries.join(", ") : "a logger";
  const config = facts.config[0] ?? configFiles[0];
  const configured = config !== undefined || facts.readyMade;
  const firstPrint = byFile(facts.prints)[0]?.first;
  const printText = `${plural(prints, `${advice.print} call`)}`;

  if (logs === 0) {
    const where = config ?? facts.loggers[0] ?? [...facts.libraries.values()][0];
    if (where) {
      const what = config ? "configured" : facts.loggers.length > 0 ? "set up (a logger is created)" : "imported";
      const output = prints > 0 ? `; meanwhile ${printText} do the talking (${examples(facts.prints)})` : "";
      return {
        score: 0.3,
        findings: [
          warning(
            "logging-unused",
            `${facts.scope}: ${named} is ${what} (${where.path}:${where.line}) but nothing emits a log record${output}.`,
            where,
            fix,
          ),
        ],
      };
    }
    if (prints > 0)
      return {
        score: 0,
        findings: [
          failure(
            "logging-print-only",
            `${facts.scope}: output goes through ${printText} only, no logging library (most in ${worstFiles(facts.prints)}).`,
            firstPrint,
            fix,
          ),
        ],
      };
    return {
      score: 0.1,
      findings: [
        failure(
          "logging-none",
          `${facts.scope}: ${plural(facts.files, "application file")} and neither logging nor ${advice.print}: the code reports nothing about what it does.`,
          undefined,
          fix,
        ),
      ],
    };
  }

  const share = logs / (logs + prints);
  const files = new Set(facts.logCalls.map((s) => s.path)).size;
  const configText = config ? `, configured at ${config.path}:${config.line}` : "";
  const findings: Finding[] = [
    info(
      "logging-used",
      `${facts.scope}: ${named} used: ${plural(logs, "log call")} in ${plural(files, "file")}${configText}; ${printText}.`,
      config ?? [...facts.libraries.values()][0] ?? facts.logCalls[0],
    ),
  ];
  let score: number;
  if (share >= HABIT_SHARE) {
    score = 0.85 + (0.15 * (share - HABIT_SHARE)) / (1 - HABIT_SHARE);
    if (prints > 0 && share < RARE_PRINTS)
      findings.push(
        warning(
          "logging-prints",
          `${facts.scope}: ${printText} remain beside the logging (${worstFiles(facts.prints)}).`,
          firstPrint,
          fix,
        ),
      );
  } else {
    score = 0.3 + (0.4 * share) / HABIT_SHARE;
    findings.push(
      warning(
        "logging-mostly-print",
        `${facts.scope}: most output is still printed: ${printText} against ${plural(logs, "log call")} (most in ${worstFiles(facts.prints)}).`,
        firstPrint,
        fix,
      ),
    );
  }
  if (!configured) {
    score = Math.max(0.25, score - 0.1);
    findings.push(
      warning(
        "logging-unconfigured",
        `${facts.scope}: ${advice.unconfigured}.`,
        facts.loggers[0] ?? facts.logCalls[0],
        fix,
      ),
    );
  }
  return { score, findings };
}
