import type { Check } from "../../src/engine/check.js";

/** The documentation checks, in report order. */
export const documentationChecks: readonly Check[] = [];
