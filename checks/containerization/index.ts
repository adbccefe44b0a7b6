import type { Check } from "../../src/engine/check.js";

/** The containerization checks, in report order. */
export const containerizationChecks: readonly Check[] = [];
