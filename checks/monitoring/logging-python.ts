/**
 * Logging facts from Python application code: the standard `logging` module (and absl's),
 * loguru and structlog, against bare `print` calls. Calls come from the tokenizer, so a `print`
 * in a docstring or an `import logging` in a comment never counts.
 */
import type { RepoView } from "../../src/engine/check.js";
import { type PythonFile, pythonSources } from "../lib/python.js";
import { emptyFacts, isLogCall, type LoggingFacts, NOT_APPLICATION_DIR } from "./logging-facts.js";

/** Top-level module -> the library it is (absl's logging mirrors the standard module's API). */
const LIBRARIES: Record<string, string> = {
  logging: "logging",
  "absl.logging": "absl logging",
  loguru: "loguru",
  structlog: "structlog",
  logzero: "logzero",
};

/** Libraries that log usefully with no configuration at all (absl's `app.run` sets its logging up). */
const READY_MADE = new Set(["loguru", "structlog", "logzero", "absl logging"]);

/** Calls that configure handlers, levels or formats. */
const CONFIG_CALL =
  /(^|\.)(basicConfig|dictConfig|fileConfig|addHandler|setLevel|setFormatter|StreamHandler|FileHandler|RotatingFileHandler|TimedRotatingFileHandler|RichHandler|captureWarnings)$|^logging\.Formatter$|^structlog\.configure$|^coloredlogs\.install$|^logzero\.(logfile|loglevel|setup_logger)$/;

/** Calls that obtain a logger (a project's own `get_logger(__name__)` helper included). */
const LOGGER_CALL = /(^|\.)(getLogger|get_logger|getChild)$/;

const DJANGO_SETTINGS = /(^|\/)settings(\/[^/]+)?\.py$/;

/** loguru's configuration lives on its `logger` object. */
const LOGURU_CONFIG = /^logger\.(add|remove|configure|level)$/;

/** Python files that are not application code even outside tests: packaging and task scripts. */
const NOT_APPLICATION = /(^|\/)(setup\.py|noxfile\.py|fabfile\.py|conftest\.py)$/;

/** True for a Python file whose output habits the logging check judges. */
export function isApplicationPython(file: PythonFile): boolean {
  return !file.test && !file.notebook && !NOT_APPLICATION.test(file.path) && !NOT_APPLICATION_DIR.test(file.path);
}

function libraryOf(module: string, names: readonly string[]): string | undefined {
  const root = module.split(".")[0] ?? module;
  if (module === "absl" && names.includes("logging")) return LIBRARIES["absl.logging"];
  if (module.startsWith("absl.logging")) return LIBRARIES["absl.logging"];
  return root === "absl" ? undefined : LIBRARIES[root];
}

/** Add one file's facts to `facts`. */
export function addPythonFile(facts: LoggingFacts, file: PythonFile, size: number): void {
  const { path, source } = file;
  facts.files++;
  facts.bytes += size;
  let loguru = false;
  for (const imp of source.imports) {
    const library = libraryOf(imp.module, imp.names);
    if (!library) continue;
    if (!facts.libraries.has(library)) facts.libraries.set(library, { path, line: imp.line });
    if (READY_MADE.has(library)) facts.readyMade = true;
    if (library === "loguru") loguru = true;
  }
  // Django configures logging from `LOGGING` in its settings; Hydra configures it for every @hydra.main job.
  if (DJANGO_SETTINGS.test(path) && source.names.has("LOGGING")) facts.config.push({ path, line: 1 });
  for (const d of source.decorators) if (d.name === "hydra.main") facts.config.push({ path, line: d.line });
  for (const call of source.calls) {
    const site = { path, line: call.line };
    if (call.callee === "print") facts.prints.push(site);
    else if (isLogCall(call.callee)) facts.logCalls.push(site);
    else if (CONFIG_CALL.test(call.callee) || (loguru && LOGURU_CONFIG.test(call.callee))) facts.config.push(site);
    if (LOGGER_CALL.test(call.callee)) facts.loggers.push(site);
  }
}

/** Facts over the Python application code, and over the notebooks apart. */
export function pythonLogging(repo: RepoView): { application: LoggingFacts; notebooks: LoggingFacts } {
  const application = emptyFacts("Python");
  const notebooks = emptyFacts("Python notebooks");
  for (const file of pythonSources(repo, { notebooks: true })) {
    const size = repo.file(file.path)?.size ?? 0;
    if (isApplicationPython(file)) addPythonFile(application, file, size);
    else if (file.notebook && !file.test) addPythonFile(notebooks, file, Math.ceil(size / 10));
  }
  return { application, notebooks };
}
