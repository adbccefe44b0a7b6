/**
 * What a logging verdict is made of, per language: which logging libraries the application code
 * imports, where they are configured, how often they are called, and how often the code prints.
 */

/** A place in the repository. */
export interface Site {
  readonly path: string;
  readonly line: number;
}

/** One language's logging facts over the files judged (application code only). */
export interface LoggingFacts {
  /** "Python", "JS/TS", "Python notebooks", "browser JS/TS". */
  readonly scope: string;
  /** Logging libraries imported, each with its first import. */
  readonly libraries: Map<string, Site>;
  /** Handler/level/format configuration: basicConfig, dictConfig, addHandler, pino({...}), winston.createLogger... */
  readonly config: Site[];
  /** Loggers obtained: getLogger, structlog.get_logger, pino(), log4js.getLogger... */
  readonly loggers: Site[];
  /** Calls that emit a log record: logger.info, log.error, app.log.warn... */
  readonly logCalls: Site[];
  /** Bare output: print(...), console.log(...). */
  readonly prints: Site[];
  /** Files judged and their total size in bytes (how much this language weighs in a mixed repo). */
  files: number;
  bytes: number;
  /** A library that logs well without any setup (loguru, structlog, pino...): no config needed. */
  readyMade: boolean;
}

/**
 * Folders whose output habits are not the application's: documentation, examples and benchmarks
 * print on purpose; migrations are generated.
 */
export const NOT_APPLICATION_DIR = /(^|\/)(docs?|examples?|bench|benchmarks?|migrations)\/|(^|\/)alembic\/versions\//;

/** Empty facts for a scope. */
export function emptyFacts(scope: string): LoggingFacts {
  return {
    scope,
    libraries: new Map(),
    config: [],
    loggers: [],
    logCalls: [],
    prints: [],
    files: 0,
    bytes: 0,
    readyMade: false,
  };
}

/** Method names that emit a record on a logger object, across Python and JS libraries. */
export const LOG_METHODS = new Set([
  "trace",
  "debug",
  "info",
  "warning",
  "warn",
  "error",
  "exception",
  "critical",
  "fatal",
  "log",
  "success",
  "notice",
]);

/**
 * A receiver that is a logger by name: `logger`, `log`, `LOGGER`, `_log`, `self.logger`,
 * `app_logger`, `applogger`, `requestLog`, `current_app.logger`. Not `console`, `self`, `wandb`,
 * or words that merely end in "log" (`catalog`, `dialog`, `backlog`).
 */
export function isLoggerName(segment: string): boolean {
  return /^_*(log|logging)$/i.test(segment) || /logger$/i.test(segment) || /(_log|Log)$/.test(segment);
}

/** True when a dotted callee calls a logging method on a logger-named receiver. */
export function isLogCall(callee: string): boolean {
  const dot = callee.lastIndexOf(".");
  if (dot === -1) return false;
  const method = callee.slice(dot + 1);
  const receiver = callee.slice(0, dot);
  const last = receiver.slice(receiver.lastIndexOf(".") + 1);
  return LOG_METHODS.has(method) && isLoggerName(last);
}

/** "a.py:3, b.py:10 and 4 more" for a message. */
export function examples(sites: readonly Site[], max = 3): string {
  const shown = sites.slice(0, max).map((s) => `${s.path}:${s.line}`);
  const rest = sites.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/** The sites grouped by file, most first: where to start fixing. */
export function byFile(sites: readonly Site[]): { path: string; count: number; first: Site }[] {
  const files = new Map<string, { path: string; count: number; first: Site }>();
  for (const s of sites) {
    const f = files.get(s.path);
    if (f) f.count++;
    else files.set(s.path, { path: s.path, count: 1, first: s });
  }
  return [...files.values()].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1));
}
