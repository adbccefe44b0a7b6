import type { Check } from "../src/engine/check.js";
import { ciCdChecks as ciCd } from "./ci_cd/index.js";
import { codeQualityChecks as codeQuality } from "./code_quality/index.js";
import { codeStructureChecks as codeStructure } from "./code_structure/index.js";
import { containerizationChecks as containerization } from "./containerization/index.js";
import { documentationChecks as documentation } from "./documentation/index.js";
import { monitoringChecks as monitoring } from "./monitoring/index.js";
import { scalabilityChecks as scalability } from "./scalability/index.js";
import { testingChecks as testing } from "./testing/index.js";

/** The built-in checklist: one explicit list, in report order. No dynamic loading. */
export const CHECKS: readonly Check[] = [
  ...testing,
  ...documentation,
  ...ciCd,
  ...codeStructure,
  ...codeQuality,
  ...containerization,
  ...monitoring,
  ...scalability,
];
