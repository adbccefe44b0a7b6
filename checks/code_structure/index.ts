import type { Check } from "../../src/engine/check.js";
import { configurationCheck } from "./configuration.js";
import { dependenciesCheck } from "./dependencies.js";
import { modulesCheck } from "./modules.js";

/** The code_structure checks, in report order. */
export const codeStructureChecks: readonly Check[] = [modulesCheck, dependenciesCheck, configurationCheck];
