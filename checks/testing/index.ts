import type { Check } from "../../src/engine/check.js";

/** The testing checks, in report order. */
export const testingChecks: readonly Check[] = [];
