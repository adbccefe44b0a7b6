import type { Check } from "../../src/engine/check.js";
import { gitignore } from "./gitignore.js";
import { lintFormat } from "./lint_format.js";
import { precommit } from "./precommit.js";
import { secrets } from "./secrets.js";
import { types } from "./types.js";

/** The code_quality checks, in report order. */
export const codeQualityChecks: readonly Check[] = [lintFormat, types, precommit, gitignore, secrets];
