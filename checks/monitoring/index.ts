import type { Check } from "../../src/engine/check.js";
import { logging } from "./logging.js";

/** The monitoring checks, in report order. */
export const monitoringChecks: readonly Check[] = [logging];
