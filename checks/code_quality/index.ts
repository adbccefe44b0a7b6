import type { Check } from "../../src/engine/check.js";
import { gitignore } from "./gitignore.js";
import { precommit } from "./precommit.js";

/** The code_quality checks, in report order. */
export const codeQualityChecks: readonly Check[] = [precommit, gitignore];
