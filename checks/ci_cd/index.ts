import type { Check } from "../../src/engine/check.js";

/** The ci_cd checks, in report order. */
export const ciCdChecks: readonly Check[] = [];
