import type { Check } from "../../src/engine/check.js";
import { docstrings } from "./docstrings.js";
import { license } from "./license.js";
import { readme } from "./readme.js";

/** The documentation checks, in report order. */
export const documentationChecks: readonly Check[] = [readme, docstrings, license];
