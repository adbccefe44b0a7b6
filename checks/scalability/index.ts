import type { Check } from "../../src/engine/check.js";
import { dataVersioning } from "./data-versioning.js";
import { deployment } from "./deployment.js";
import { distributed } from "./distributed.js";
import { experimentTracking } from "./experiment-tracking.js";
import { serving } from "./serving.js";

/** The scalability checks, in report order. */
export const scalabilityChecks: readonly Check[] = [
  experimentTracking,
  dataVersioning,
  serving,
  distributed,
  deployment,
];
