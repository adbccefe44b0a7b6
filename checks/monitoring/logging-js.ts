/**
 * Logging facts from JavaScript/TypeScript application code: pino, winston, bunyan, log4js,
 * consola and friends, Probot's `app.log`/`context.log`, against bare `console.*` output.
 * Browser code is kept apart: a logging library is a server-side habit.
 */
import type { RepoView } from "../../src/engine/check.js";
import { type JsFile, jsSources } from "../lib/javascript.js";
import { emptyFacts, isLogCall, type LoggingFacts, NOT_APPLICATION_DIR } from "./logging-facts.js";

/** Package -> library name. Probot's logger is pino, ready on every `app` and `context`. */
const LIBRARIES: Record<string, string> = {
  pino: "pino",
  "pino-http": "pino",
  winston: "winston",
  "express-winston": "winston",
  bunyan: "bunyan",
  log4js: "log4js",
  consola: "consola",
  loglevel: "loglevel",
  signale: "signale",
  tslog: "tslog",
  roarr: "roarr",
  npmlog: "npmlog",
  probot: "probot (pino)",
};

/** Calls that create or configure a logger. */
const CONFIG_CALL =
  /^(pino|pinoHttp|createConsola|bunyan\.createLogger|winston\.createLogger|log4js\.configure|log4js\.getLogger|consola\.create|log\.setLevel|expressWinston\.logger)$|(^|\.)createLogger$/;

/** Default loggers used directly (`consola.info`, `winston.warn`) and Probot's callable loggers. */
const DIRECT_LOG =
  /^(consola|signale|winston|npmlog|log4js)\.(trace|debug|info|warn|error|fatal|success|log)$|^(app|context|robot)\.log$/;

/** The pino logger Probot and Fastify attach to `app`, `context`, `request` and `fastify`. */
const BUILT_IN = /^(app|context|robot|fastify|server|request|req|reply)\.log(\.|$)/;
const BUILT_IN_NAME = "built-in pino logger (Probot/Fastify)";

/** Bare console output. */
const CONSOLE = /^console\.(log|info|debug|warn|error|trace|dir|table)$/;

/** UI frameworks: a file importing one of them runs in a browser. */
const UI_MODULES =
  /^(react|react-dom|preact|vue|svelte|solid-js|jquery|next\/|@angular\/|@remix-run\/react|react-native)/;

/** Folders and files of front-end code, and tool configs that are no application at all. */
const BROWSER_PATH = /(^|\/)(frontend|client|web|webapp|ui|public|static|www|browser)\//;
const TOOL_CONFIG = /(^|\/)[^/]*\.config\.[cm]?[jt]s$|(^|\/)\.[^/]*rc\.[cm]?js$|(^|\/)(Gruntfile|gulpfile)\.js$/;

/** In a Next.js app, the code that runs on the server: API routes, route handlers, middleware, server actions. */
const NEXT_SERVER = /(^|\/)(pages\/api|app\/api|server|actions)\/|(^|\/)(route|middleware)\.[cm]?[jt]s$/;

/**
 * Where a JS/TS file runs, for the logging verdict. `nextRoots` are the folders of Next.js apps
 * (a next.config beside them): their hooks, services and components are UI code.
 */
export function jsRole(file: JsFile, nextRoots: readonly string[] = []): "server" | "browser" | "other" {
  if (file.test || TOOL_CONFIG.test(file.path) || NOT_APPLICATION_DIR.test(file.path)) return "other";
  if (/\.(jsx|tsx)$/.test(file.path) || BROWSER_PATH.test(file.path)) return "browser";
  const inNext = nextRoots.some((root) => root === "" || file.path.startsWith(`${root}/`));
  if (inNext) return NEXT_SERVER.test(file.path) ? "server" : "browser";
  if (file.source.imports.some((i) => UI_MODULES.test(i.module))) return "browser";
  return "server";
}

/** Add one file's facts to `facts`. */
export function addJsFile(facts: LoggingFacts, file: JsFile, size: number): void {
  const { path, source } = file;
  facts.files++;
  facts.bytes += size;
  for (const imp of source.imports) {
    const name = imp.module.startsWith("@") ? imp.module.split("/").slice(0, 2).join("/") : imp.module.split("/")[0];
    const library = LIBRARIES[name ?? ""];
    if (!library || imp.typeOnly) continue;
    if (!facts.libraries.has(library)) facts.libraries.set(library, { path, line: imp.line });
    // Creating the logger is configuring it in every JS library; Probot hands one over ready.
    if (library.startsWith("probot")) facts.readyMade = true;
  }
  for (const call of source.calls) {
    const site = { path, line: call.line };
    if (CONSOLE.test(call.callee)) facts.prints.push(site);
    else if (CONFIG_CALL.test(call.callee)) {
      facts.config.push(site);
      facts.loggers.push(site);
    } else if (isLogCall(call.callee) || DIRECT_LOG.test(call.callee)) {
      facts.logCalls.push(site);
      // Probot and Fastify hand every app/request a ready pino logger.
      if (BUILT_IN.test(call.callee)) {
        facts.readyMade = true;
        if (!facts.libraries.has(BUILT_IN_NAME)) facts.libraries.set(BUILT_IN_NAME, site);
      }
    }
  }
}

/** Facts over server-side application code, and over browser code apart. */
export function jsLogging(repo: RepoView): { server: LoggingFacts; browser: LoggingFacts } {
  const server = emptyFacts("JS/TS");
  const browser = emptyFacts("browser JS/TS");
  const nextRoots = repo
    .glob("**/next.config.{js,mjs,cjs,ts,mts}")
    .map((f) => (f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/")) : ""));
  for (const file of jsSources(repo)) {
    const role = jsRole(file, nextRoots);
    const size = repo.file(file.path)?.size ?? 0;
    if (role === "server") addJsFile(server, file, size);
    else if (role === "browser") addJsFile(browser, file, size);
  }
  return { server, browser };
}
