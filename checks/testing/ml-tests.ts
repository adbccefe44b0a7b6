/**
 * testing.ml_tests: data validation and model tests, the two kinds of testing an ML system needs
 * beyond unit tests. Judged only for Python projects that build or use models.
 */
import {
  type At,
  defineCheck,
  type Finding,
  failure,
  info,
  notApplicable,
  scored,
  warning,
} from "../../src/engine/check.js";
import { languages, NOTEBOOK_READ } from "../lib/languages.js";
import { PROJECT_READ } from "../lib/project.js";
import { importsModule, pythonSources, pythonTokens } from "../lib/python.js";
import { REQUIREMENTS_READ } from "../lib/requirements.js";
import { mlEvidence } from "./ml-signals.js";
import { analysePythonTests, type MlSignal, type MlSignalKind } from "./python-test-facts.js";
import { TEST_READS, testInventory } from "./test-inventory.js";

const DATA_DOCS = "https://pandera.readthedocs.io/en/stable/";
const MODEL_DOCS = "https://madewithml.com/courses/mlops/testing/";
/** Libraries that validate datasets: used anywhere in the project's code, they count. */
const DATA_LIBRARIES = [
  "great_expectations",
  "pandera",
  "deepchecks",
  "tensorflow_data_validation",
  "pandas_schema",
  "soda",
  "evidently",
];
const DATA_KINDS: ReadonlySet<MlSignalKind> = new Set(["data-library", "data-assertion"]);
const STRONG_MODEL: ReadonlySet<MlSignalKind> = new Set(["metric-gate", "behavioural"]);
const WEAK_MODEL: ReadonlySet<MlSignalKind> = new Set(["prediction-shape", "model-call", "service-test"]);
/** Non-test code worth reading for gates: it must mention an assertion or a stop, and a metric. */
const GATE_HINT = /\b(assert|raise|exit)\b[\s\S]*?\b(acc|accuracy|f1|auc|precision|recall|r2|rmse|mae|mse|score|loss)/i;

interface Located extends MlSignal {
  readonly path: string;
}

const at = (s: Located): At => ({ path: s.path, line: s.line });

/** Every ML-testing signal: in test files, data validation libraries in code, quality gates in scripts. */
function signals(repo: Parameters<typeof testInventory>[0]): Located[] {
  const out: Located[] = [];
  for (const f of testInventory(repo).files) for (const s of f.python?.signals ?? []) out.push({ ...s, path: f.path });
  for (const i of importsModule(repo, DATA_LIBRARIES, { notebooks: true }))
    out.push({ kind: "data-library", line: i.line, detail: i.module.split(".")[0] ?? i.module, path: i.path });
  for (const f of pythonSources(repo)) {
    if (f.test || f.notebook) continue;
    const text = repo.text(f.path);
    if (text === undefined || !GATE_HINT.test(text)) continue;
    for (const s of analysePythonTests(text, pythonTokens(repo, text)).signals)
      if (s.kind === "metric-gate" || s.kind === "data-assertion") out.push({ ...s, path: f.path });
  }
  return out;
}

/** The testing.ml_tests check. */
export const mlTestsCheck = defineCheck({
  id: "testing.ml_tests",
  title: "Data and model tests",
  criterion: "testing",
  weight: 1,
  looksFor:
    "Data validation (Great Expectations, pandera, deepchecks, asserts on nulls/ranges/schema) and model tests (behavioural tests, metric quality gates) in an ML project.",
  why: "ML code can run without errors and still be wrong: bad data and silently degraded models are caught only by tests of the data and of the model's behaviour.",
  remediation:
    "Validate the training data (a pandera schema or Great Expectations suite, or tests on nulls, ranges and columns) and test the model: a minimum metric on a holdout set and behavioural (invariance, directional) tests.",
  effort: "high",
  docs: MODEL_DOCS,
  reads: [PROJECT_READ, REQUIREMENTS_READ, NOTEBOOK_READ, ...TEST_READS],
  evaluate(repo) {
    if (languages(repo).python === 0)
      return notApplicable(info("no-python", "No Python code: ML testing is judged for Python projects."));
    const ml = mlEvidence(repo);
    if (ml.length === 0)
      return notApplicable(
        info(
          "not-ml",
          "No ML library is imported or declared and there are no notebooks: ML-specific tests do not apply.",
        ),
      );
    const found = signals(repo);
    const data = found.find((s) => DATA_KINDS.has(s.kind));
    const strong = found.find((s) => STRONG_MODEL.has(s.kind));
    const weak = found.find((s) => WEAK_MODEL.has(s.kind));
    const findings: Finding[] = [];
    const dataFix = {
      remediation:
        "Validate the data the model is trained on: a pandera DataFrameSchema or Great Expectations suite, or tests asserting no nulls, value ranges and expected columns.",
      docs: DATA_DOCS,
    };
    const modelFix = {
      remediation:
        "Test the model, not only its plumbing: assert a minimum metric on a fixed evaluation set (`assert f1 >= 0.8`) and add behavioural tests (invariance, directional expectations).",
      docs: MODEL_DOCS,
    };
    if (data) findings.push(info("data-validation", `Data validation: ${data.detail}.`, at(data)));
    if (strong)
      findings.push(
        info(
          "model-tests",
          strong.kind === "metric-gate"
            ? `Model quality gate on ${strong.detail}.`
            : `Behavioural model test: ${strong.detail}.`,
          at(strong),
        ),
      );
    else if (weak)
      findings.push(
        warning(
          "shallow-model-tests",
          `Model tests only check that it runs (${weak.kind === "service-test" ? "API calls" : weak.kind === "prediction-shape" ? "prediction shapes" : `calls to ${weak.detail}`}), not how well it predicts.`,
          at(weak),
          modelFix,
        ),
      );
    if (!data && !strong && !weak) {
      findings.push(
        failure(
          "no-data-validation",
          "No validation of the data: no schema, no checks on nulls, ranges or columns.",
          undefined,
          dataFix,
        ),
      );
      findings.push(failure("no-model-tests", "No tests of the model's predictions or metrics.", undefined, modelFix));
      return scored(0, findings);
    }
    if (!data)
      findings.push(
        warning(
          "no-data-validation",
          "No validation of the data: no schema, no checks on nulls, ranges or columns.",
          undefined,
          dataFix,
        ),
      );
    if (!strong && !weak)
      findings.push(warning("no-model-tests", "No tests of the model's predictions or metrics.", undefined, modelFix));
    const score = data ? (strong ? 1 : weak ? 0.6 : 0.5) : strong ? 0.5 : 0.35;
    return scored(score, findings);
  },
});
