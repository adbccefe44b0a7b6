import type { Check } from "../../src/engine/check.js";
import { pinnedActions } from "./pinned-actions.js";
import { qualityGates } from "./quality-gates.js";
import { runsTests } from "./runs-tests.js";
import { workflowsCheck } from "./workflows.js";

/** The ci_cd checks, in report order. */
export const ciCdChecks: readonly Check[] = [workflowsCheck, runsTests, qualityGates, pinnedActions];
