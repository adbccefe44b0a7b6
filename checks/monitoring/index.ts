import type { Check } from "../../src/engine/check.js";

/** The monitoring checks, in report order. */
export const monitoringChecks: readonly Check[] = [];
