import type { Check } from "../../src/engine/check.js";

/** The code_quality checks, in report order. */
export const codeQualityChecks: readonly Check[] = [];
