import type { Check } from "../../src/engine/check.js";
import { dockerfile } from "./dockerfile.js";

/** The containerization checks, in report order. */
export const containerizationChecks: readonly Check[] = [dockerfile];
