import type { Check } from "../../src/engine/check.js";

/** The code_structure checks, in report order. */
export const codeStructureChecks: readonly Check[] = [];
