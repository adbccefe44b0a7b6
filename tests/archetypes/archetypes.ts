/**
 * Every archetype, and how to scan one the way `portfolio-quality check` does: the full
 * registry through the real planner, decoder and engine, with the default config.
 */
import { CHECKS } from "../../checks/index.js";
import { DEFAULT_CONFIG } from "../../src/engine/config.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { CheckResult, Report } from "../../src/engine/types.js";
import { snapshotOf } from "../helpers/tree.js";
import { type Archetype, accepted, CHECK_IDS, type CheckId } from "./archetype.js";
import { colabStudent } from "./trees/colab-student.js";
import { craTemplate } from "./trees/cra-template.js";
import { fastapiGood } from "./trees/fastapi-good.js";
import { fastapiQuick } from "./trees/fastapi-quick.js";
import { flaskHeroku } from "./trees/flask-heroku.js";
import { fullstack } from "./trees/fullstack.js";
import { gradioSpace } from "./trees/gradio-space.js";
import { kaggle } from "./trees/kaggle.js";
import { library } from "./trees/library.js";
import { mlops } from "./trees/mlops.js";
import { nextTemplate } from "./trees/next-template.js";
import { nodeService } from "./trees/node-service.js";
import { poetryIntermediate } from "./trees/poetry-intermediate.js";
import { rAnalysis } from "./trees/r-analysis.js";
import { research } from "./trees/research.js";
import { streamlit } from "./trees/streamlit.js";
import { studentNotebook } from "./trees/student-notebook.js";

/** The archetypes, (a) to (q). */
export const ARCHETYPES: readonly Archetype[] = [
  studentNotebook,
  kaggle,
  fastapiGood,
  fastapiQuick,
  library,
  fullstack,
  mlops,
  streamlit,
  nodeService,
  research,
  rAnalysis,
  nextTemplate,
  craTemplate,
  colabStudent,
  flaskHeroku,
  gradioSpace,
  poetryIntermediate,
];

const reports = new Map<string, Report>();

/** The report a scan of this archetype gives (memoised: the trees never change). */
export function scanArchetype(archetype: Archetype): Report {
  const hit = reports.get(archetype.name);
  if (hit) return hit;
  const report = evaluate(snapshotOf(archetype.tree, CHECKS), CHECKS, {
    config: DEFAULT_CONFIG,
    tool: { name: "portfolio-quality", version: "test" },
  });
  reports.set(archetype.name, report);
  return report;
}

/** One check's result on an archetype. */
export function resultOf(archetype: Archetype, id: CheckId): CheckResult {
  const result = scanArchetype(archetype).checks.find((c) => c.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

/** A verdict that differs from the reviewer's. */
export interface Disagreement {
  readonly archetype: string;
  readonly check: CheckId;
  readonly expected: string;
  readonly actual: string;
  readonly score: number | null;
  readonly reason: string;
}

/** Every disagreement between the checks and the reviewer over all archetypes. */
export function disagreements(): Disagreement[] {
  const out: Disagreement[] = [];
  for (const archetype of ARCHETYPES)
    for (const id of CHECK_IDS) {
      const expectation = archetype.expected[id];
      const result = resultOf(archetype, id);
      if (!accepted(expectation).includes(result.status as never))
        out.push({
          archetype: archetype.name,
          check: id,
          expected: accepted(expectation).join("|"),
          actual: result.status,
          score: result.score,
          reason: expectation[1],
        });
    }
  return out;
}
