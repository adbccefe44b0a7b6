import type { Check } from "../../src/engine/check.js";

/** The scalability checks, in report order. */
export const scalabilityChecks: readonly Check[] = [];
