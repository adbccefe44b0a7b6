/**
 * What a Python test file really tests, read through the tokenizer (strings and comments never
 * count): its test functions and whether each is a placeholder, and the ML-testing signals in
 * its statements (data checks on frames, metric gates, behavioural tests, prediction shapes).
 */
import { type LogicalLine, type Token, type Tokenized, tokenizePython } from "../lib/python-tokenize.js";

/** One `def test*` (a pytest function or a unittest method). */
export interface PythonTestFunction {
  readonly name: string;
  readonly line: number;
  /** Its body only passes, asserts literals (`assert True`) or holds a docstring. */
  readonly trivial: boolean;
}

/** Kinds of ML testing evidence. Data: validation of datasets. Model: strong (gates, behavioural) or weak. */
export type MlSignalKind =
  | "data-library"
  | "data-assertion"
  | "metric-gate"
  | "behavioural"
  | "prediction-shape"
  | "model-call"
  | "service-test";

/** One piece of ML testing evidence at a line. */
export interface MlSignal {
  readonly kind: MlSignalKind;
  readonly line: number;
  readonly detail: string;
}

/** The facts of one Python test file. */
export interface PythonTestFacts {
  readonly functions: readonly PythonTestFunction[];
  /** Top-level modules imported ("pytest", "unittest", "sklearn"). */
  readonly imports: ReadonlySet<string>;
  readonly signals: readonly MlSignal[];
  readonly error?: { readonly message: string; readonly line: number };
}

const LITERAL_NAMES = new Set(["True", "False", "None", "not", "and", "or", "is", "in"]);
const DATA_LIBRARIES = new Set([
  "great_expectations",
  "pandera",
  "deepchecks",
  "tensorflow_data_validation",
  "pandas_schema",
  "soda",
  "evidently",
]);
/** Names that, inside an assertion, check a dataset's nulls, ranges, types or schema. */
const DATA_CHECK_NAMES =
  /^(isnull|isna|notnull|notna|hasnans|between|dtype|dtypes|columns|duplicated|is_unique|is_numeric_dtype|is_string_dtype|is_datetime64_any_dtype|is_categorical_dtype|assert_frame_equal|assert_series_equal|validate|schema)$/;
const METRIC =
  /^(acc|accuracy|balanced_accuracy|f1|f1_score|auc|roc_auc|roc_auc_score|pr_auc|precision|recall|r2|r2_score|rmse|mse|mae|mape|loss|val_loss|map|ndcg|bleu|rouge|iou|dice|perplexity|score|[a-z_]*(accuracy|_score|_f1|_auc|_rmse|_mae|_mse|_r2|_loss|_precision|_recall))$/i;
const BEHAVIOURAL =
  /invarian|directional|minimum_functionality|\bmft\b|perturb|robust|counterfactual|monoton|fairness/i;
const PREDICTION =
  /^(pred|preds|prediction|predictions|y_pred|y_hat|yhat|output|outputs|logits|proba|probs|probas|probabilities|embedding|embeddings|forecast|recommendations|recommended|recs)$/i;
const COMPARE = new Set([">=", ">", "<=", "<", "=="]);
const ASSERT_COMPARE = /^assert(Greater|GreaterEqual|Less|LessEqual|AlmostEqual)$/;

/** Token text of a string literal without prefix and quotes. */
function stringBody(t: Token): string {
  return t.text.replace(/^[A-Za-z]*("""|'''|"|')/, "").replace(/("""|'''|"|')$/, "");
}

function isAssertion(tokens: readonly Token[]): boolean {
  const first = tokens[0];
  if (first?.text === "assert") return true;
  // self.assertX(...), np.testing.assert_x(...), pd.testing.assert_x(...)
  return tokens.some((t, i) => t.kind === "name" && /^assert/.test(t.text) && tokens[i + 1]?.text === "(");
}

function trivialStatement(tokens: readonly Token[]): boolean {
  const [first] = tokens;
  if (!first) return true;
  if (tokens.length === 1 && (first.text === "pass" || first.text === "..." || first.kind === "string")) return true;
  if (first.text === "return" && tokens.length === 1) return true;
  if (first.text === "assert") {
    const body = tokens.slice(1);
    const comma = body.findIndex((t) => t.text === ",");
    const cond = comma === -1 ? body : body.slice(0, comma);
    return cond.every((t) => t.kind !== "name" || LITERAL_NAMES.has(t.text)) && cond.length > 0;
  }
  // self.assertTrue(True), self.assertEqual(1, 1)
  if (
    first.text === "self" &&
    tokens[1]?.text === "." &&
    /^assert/.test(tokens[2]?.text ?? "") &&
    tokens[3]?.text === "("
  )
    return tokens.slice(4).every((t) => t.kind !== "name" || LITERAL_NAMES.has(t.text));
  return false;
}

/** Split a one-line `def f(): stmt` into the statement after its colon. */
function inlineBody(tokens: readonly Token[]): Token[] | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
    else if (t.text === ":" && depth === 0) return i + 1 < tokens.length ? tokens.slice(i + 1) : undefined;
  }
  return undefined;
}

/** `if f1 < 0.8: raise ...` / `sys.exit(1)`: a quality gate written as a condition. */
function gateCondition(tokens: readonly Token[], next: readonly Token[] | undefined): string | undefined {
  if (tokens[0]?.text !== "if") return undefined;
  const body = inlineBody(tokens) ?? next ?? [];
  const stops = body[0]?.text === "raise" || body.some((t) => t.text === "exit");
  if (!stops || !tokens.some((t) => t.kind === "number") || !tokens.some((t) => COMPARE.has(t.text))) return undefined;
  return tokens
    .filter((t) => t.kind === "name" || t.kind === "string")
    .map((t) => (t.kind === "string" ? stringBody(t) : t.text))
    .find((n) => METRIC.test(n));
}

/** Inference entry points: sklearn/torch names, and the verbs recommenders, classifiers and generators use. */
const MODEL_CALLS = new Set([
  "predict",
  "predict_proba",
  "predict_log_proba",
  "decision_function",
  "forward",
  "infer",
  "recommend",
  "classify",
  "generate",
  "detect",
  "segment",
]);

function signalsOf(tokens: readonly Token[], line: number, out: MlSignal[], next?: readonly Token[]): void {
  const gate = gateCondition(tokens, next);
  if (gate) out.push({ kind: "metric-gate", line, detail: gate });
  const call = tokens.find((t, i) => t.kind === "name" && MODEL_CALLS.has(t.text) && tokens[i + 1]?.text === "(");
  if (call) out.push({ kind: "model-call", line, detail: call.text });
  if (!isAssertion(tokens)) return;
  const names = tokens.filter((t) => t.kind === "name").map((t) => t.text);
  const strings = tokens.filter((t) => t.kind === "string").map(stringBody);
  const dataName = names.find((n) => DATA_CHECK_NAMES.test(n));
  if (dataName) out.push({ kind: "data-assertion", line, detail: dataName });
  const hasNumber = tokens.some((t) => t.kind === "number");
  const compares =
    tokens.some((t) => t.kind === "op" && COMPARE.has(t.text)) || names.some((n) => ASSERT_COMPARE.test(n));
  const metric = [...names, ...strings].find((n) => METRIC.test(n));
  if (metric && hasNumber && compares) out.push({ kind: "metric-gate", line, detail: metric });
  else if (names.some((n) => n === "shape" || n === "len") && names.some((n) => PREDICTION.test(n)))
    out.push({ kind: "prediction-shape", line, detail: "shape of predictions" });
}

/** Analyse one Python test file (its tokens may be passed when already made). Never throws. */
export function analysePythonTests(text: string, tokenized: Tokenized = tokenizePython(text)): PythonTestFacts {
  const lines = tokenized.lines;
  const functions: PythonTestFunction[] = [];
  const imports = new Set<string>();
  const signals: MlSignal[] = [];
  for (let i = 0; i < lines.length; i++) {
    const logical = lines[i] as LogicalLine;
    const tokens = logical.tokens;
    const first = tokens[0];
    if (!first) continue;
    const line = first.line;
    if (first.text === "import" || first.text === "from") {
      const module = tokens[1]?.text ?? "";
      if (!module.startsWith(".")) imports.add(module);
      for (let j = 2; first.text === "import" && j < tokens.length; j++)
        if (tokens[j - 1]?.text === "," && tokens[j]?.kind === "name") imports.add(tokens[j]?.text ?? "");
      if (DATA_LIBRARIES.has(module)) signals.push({ kind: "data-library", line, detail: module });
      if (module === "fastapi" || module === "starlette" || module === "flask")
        if (tokens.some((t) => t.text === "testclient" || t.text === "TestClient"))
          signals.push({ kind: "service-test", line, detail: "TestClient" });
      continue;
    }
    if (first.text === "class" && BEHAVIOURAL.test(tokens[1]?.text ?? ""))
      signals.push({ kind: "behavioural", line, detail: tokens[1]?.text ?? "" });
    const defAt = first.text === "async" ? 1 : 0;
    if (tokens[defAt]?.text === "def" && tokens[defAt + 1]?.kind === "name") {
      const name = tokens[defAt + 1]?.text ?? "";
      if (BEHAVIOURAL.test(name) && /^test/.test(name)) signals.push({ kind: "behavioural", line, detail: name });
      const decorated = i > 0 && lines[i - 1]?.tokens.some((t) => t.text === "fixture");
      if (!/^test/.test(name) || decorated) continue;
      const inline = inlineBody(tokens);
      const body: (readonly Token[])[] = inline ? [inline] : [];
      for (let j = i + 1; j < lines.length && (lines[j]?.indent ?? 0) > logical.indent; j++)
        body.push(lines[j]?.tokens ?? []);
      functions.push({ name, line, trivial: body.every(trivialStatement) });
      if (inline) signalsOf(inline, line, signals);
      continue;
    }
    signalsOf(tokens, line, signals, lines[i + 1]?.tokens);
  }
  if (imports.has("checklist")) signals.push({ kind: "behavioural", line: 1, detail: "checklist" });
  return tokenized.error ? { functions, imports, signals, error: tokenized.error } : { functions, imports, signals };
}
