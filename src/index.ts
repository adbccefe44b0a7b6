/**
 * The GitHub App: which events it listens to and what each one does. Probot loads this file
 * (`probot run ./dist/src/index.js`); the behaviour lives in src/app.
 */
import type { Probot } from "probot";
import { CHECKS } from "../checks/index.js";
import { onIssueComment } from "./app/comment/index.js";
import { onCheckRunRescan, onCheckSuiteRequested, onCheckSuiteRerequested, onInstalled } from "./app/handlers.js";
import { RecentScans } from "./app/recent.js";
import { toolInfo } from "./cli/tool.js";
import type { Check } from "./engine/check.js";

/** What may differ between the deployed App and a test of it. */
export interface AppOptions {
  /** Longest a scan may take before its check run is completed as timed out (default 120 s). */
  readonly timeoutMs?: number;
  /** The checklist (default: every built-in check). */
  readonly checks?: readonly Check[];
  /** Files per GraphQL contents query (default: the GitHub source's, 100). */
  readonly contentBatchSize?: number;
}

/** The Probot app function, with options. */
export function createApp(options: AppOptions = {}): (app: Probot) => void {
  return (app) => {
    const deps = {
      checks: options.checks ?? CHECKS,
      tool: toolInfo(),
      recent: new RecentScans(),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.contentBatchSize !== undefined ? { contentBatchSize: options.contentBatchSize } : {}),
    };
    app.on("check_suite.requested", (context) => onCheckSuiteRequested(deps, context));
    app.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(deps, context));
    app.on(["check_run.rerequested", "check_run.requested_action"], (context) => onCheckRunRescan(deps, context));
    app.on(["installation.created", "installation_repositories.added"], (context) => onInstalled(deps, context));
    app.on("issue_comment.created", (context) => onIssueComment(deps, context));
  };
}

/** Probot app function: wire the events to the handlers. */
export default createApp();
