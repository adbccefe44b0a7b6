import type { Check } from "../../src/engine/check.js";
import { logging } from "./logging.js";
import { observability } from "./observability.js";

/** The monitoring checks, in report order. */
export const monitoringChecks: readonly Check[] = [logging, observability];
