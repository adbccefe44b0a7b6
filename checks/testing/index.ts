import type { Check } from "../../src/engine/check.js";
import { coverageCheck } from "./coverage.js";
import { mlTestsCheck } from "./ml-tests.js";
import { testsCheck } from "./tests.js";

/** The testing checks, in report order. */
export const testingChecks: readonly Check[] = [testsCheck, coverageCheck, mlTestsCheck];
