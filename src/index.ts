/**
 * The GitHub App: which events it listens to and what each one does. Probot loads this file
 * (`probot run ./dist/src/index.js`); the behaviour lives in src/app.
 */
import type { Probot } from "probot";
import { CHECKS } from "../checks/index.js";
import { onCheckRunRescan, onCheckSuiteRequested, onCheckSuiteRerequested, onInstalled } from "./app/handlers.js";
import { RecentScans } from "./app/recent.js";
import { toolInfo } from "./cli/tool.js";

/** Probot app function: wire the events to the handlers. */
export default function portfolioQuality(app: Probot): void {
  const deps = { checks: CHECKS, tool: toolInfo(), recent: new RecentScans() };
  app.on("check_suite.requested", (context) => onCheckSuiteRequested(deps, context));
  app.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(deps, context));
  app.on(["check_run.rerequested", "check_run.requested_action"], (context) => onCheckRunRescan(deps, context));
  app.on(["installation.created", "installation_repositories.added"], (context) => onInstalled(deps, context));
}
