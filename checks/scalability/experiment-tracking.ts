import { defineCheck, type Finding, info, scored, warning } from "../../src/engine/check.js";
import { jsImportsModule } from "../lib/javascript.js";
import { isOwnCode, JS_SOURCE_READ, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { notebookCode, pythonSources, pythonTokens } from "../lib/python.js";
import type { Tokenized } from "../lib/python-tokenize.js";
import { inPackage, packageUses, resolvedCalls, where } from "./usage.js";

const DOCS = "https://mlflow.org/docs/latest/ml/tracking/";

/** Tracking packages, by import root, with the name shown to the user. */
const TRACKERS: Readonly<Record<string, string>> = {
  mlflow: "MLflow",
  wandb: "Weights & Biases",
  neptune: "Neptune",
  "neptune.new": "Neptune",
  comet_ml: "Comet",
  clearml: "ClearML",
  aim: "Aim",
  dvclive: "DVCLive",
  tensorboardX: "TensorBoard",
  "torch.utils.tensorboard": "TensorBoard",
  "tensorflow.summary": "TensorBoard",
  sacred: "Sacred",
  guild: "Guild AI",
  polyaxon: "Polyaxon",
};

/** Framework integrations imported by name: Lightning and Keras loggers/callbacks. */
const INTEGRATIONS: readonly [RegExp, string][] = [
  [
    /^(lightning\.pytorch|pytorch_lightning|lightning)\.loggers\.(MLFlow|Wandb|Neptune|Comet|TensorBoard|Aim)Logger$/,
    "a Lightning logger",
  ],
  [/^(tensorflow\.keras|keras|tf\.keras)\.callbacks\.TensorBoard$/, "Keras' TensorBoard callback"],
  [
    /^transformers\.integrations\.(WandbCallback|MLflowCallback|TensorBoardCallback|CometCallback)$/,
    "a Transformers callback",
  ],
];

/** Trackers Hugging Face's `TrainingArguments(report_to=...)` logs to. */
const REPORT_TO = /^(wandb|mlflow|tensorboard|comet_ml|neptune|clearml|aim|dvclive|azure_ml|all)$/;

/** `report_to="wandb"` (or a list of them) in a call: the Trainer logs every run to that tracker. */
function reportTo(tokenized: Tokenized): { line: number; tracker: string } | undefined {
  for (const line of tokenized.lines) {
    const t = line.tokens;
    for (let i = 0; i + 2 < t.length; i++) {
      if (t[i]?.text !== "report_to" || t[i + 1]?.text !== "=") continue;
      for (let j = i + 2; j < t.length && t[j]?.text !== ")" && t[j]?.text !== "="; j++) {
        const tok = t[j];
        const value = tok?.kind === "string" ? tok.text.replace(/^[rRuU]?(["']{1,3})|(["']{1,3})$/g, "") : "";
        if (tok && REPORT_TO.test(value)) return { line: tok.line, tracker: value };
      }
    }
  }
  return undefined;
}

/** Configuration files that are tracking set-ups in themselves. */
const CONFIG_FILES: readonly [string, string][] = [
  ["**/MLproject", "an MLflow project file"],
  ["**/clearml.conf", "a ClearML configuration"],
  ["**/.aim/**", "an Aim repository"],
];

/** Run folders written by trackers: their presence says a tracker ran, not that the code still uses it. */
const RUN_FOLDERS = /(^|\/)(mlruns|wandb|\.neptune|runs|lightning_logs|tb_logs|dvclive)\//;

/** `scalability.experiment_tracking`: experiments are logged to a tracker from code or configuration. */
const experimentTrackingRules = defineCheck({
  id: "scalability.experiment_tracking",
  title: "Experiment tracking",
  criterion: "scalability",
  weight: 1,
  looksFor:
    "MLflow, Weights & Biases, Neptune, Comet, ClearML, Aim, DVCLive or TensorBoard used from the project's code " +
    "(imports and calls, notebooks included) or configured (MLproject).",
  why:
    "Logged parameters, metrics and artefacts make results reproducible and comparable: a reviewer sees how a model " +
    "was chosen, not only its final score.",
  remediation:
    "Log parameters, metrics and the model of each training run, e.g. `mlflow.autolog()` or `wandb.init(config=...)` " +
    "then `wandb.log({...})`, and say in the README where runs are recorded.",
  effort: "low",
  docs: DOCS,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ, JS_SOURCE_READ],
  evaluate(repo) {
    const findings: Finding[] = [];
    const uses = packageUses(repo, Object.keys(TRACKERS));
    const called = uses.filter((u) => u.called);
    for (const u of called.slice(0, 5))
      findings.push(
        info("tracker-used", `${TRACKERS[u.root]} used in ${where(u.path, u.callLine)}`, {
          path: u.path,
          line: u.callLine,
        }),
      );

    const integrations: Finding[] = [];
    for (const file of pythonSources(repo, { notebooks: true })) {
      if (file.test) continue;
      for (const imp of file.source.imports)
        for (const name of imp.names) {
          const full = `${imp.module}.${name}`;
          const hit = INTEGRATIONS.find(([re]) => re.test(full));
          if (hit)
            integrations.push(
              info("tracker-integration", `${hit[1]} (${name}) in ${where(file.path, imp.line)}`, {
                path: file.path,
                line: imp.line,
              }),
            );
        }
      for (const call of resolvedCalls(file.source)) {
        const full = call.callee;
        const hit = INTEGRATIONS.find(([re]) => re.test(full));
        if (hit && !integrations.some((f) => f.path === file.path))
          integrations.push(
            info("tracker-integration", `${hit[1]} in ${where(file.path, call.line)}`, {
              path: file.path,
              line: call.line,
            }),
          );
        if (inPackage(full, "tensorflow.summary") || inPackage(full, "tf.summary"))
          integrations.push(
            info("tracker-integration", `TensorBoard summaries in ${where(file.path, call.line)}`, {
              path: file.path,
              line: call.line,
            }),
          );
      }
    }
    // Only files that name `report_to` in code are tokenised again.
    for (const file of pythonSources(repo, { notebooks: true })) {
      if (file.test || !file.source.names.has("report_to") || integrations.length >= 5) continue;
      const text = repo.text(file.path) ?? "";
      const nb = file.notebook ? notebookCode(text) : undefined;
      const code = nb ? (nb.ok ? nb.value.code : "") : text;
      const hit = reportTo(pythonTokens(repo, code));
      if (!hit) continue;
      const line = nb?.ok ? nb.value.fileLines[hit.line - 1] || 1 : hit.line;
      integrations.push(
        info("tracker-integration", `Transformers' Trainer reports to ${hit.tracker} in ${where(file.path, line)}`, {
          path: file.path,
          line,
        }),
      );
    }
    findings.push(...integrations.slice(0, 5));

    const configs = CONFIG_FILES.flatMap(([glob, what]) =>
      repo
        .glob(glob)
        .filter((f) => isOwnCode(f))
        .slice(0, 1)
        .map((f) => info("tracker-config", `${what}: ${f.path}`, { path: f.path })),
    );
    findings.push(...configs);

    const js = jsImportsModule(repo, ["@wandb/sdk", "wandb", "comet-ml", "neptune-client"]);
    for (const s of js.slice(0, 3))
      findings.push(info("tracker-used", `${s.module} imported in ${where(s.path, s.line)}`, s));

    if (called.length > 0 || integrations.length > 0 || configs.length > 0 || js.length > 0) return scored(1, findings);

    const imported = uses[0];
    if (imported)
      return scored(0.5, [
        warning(
          "tracker-imported-only",
          `${TRACKERS[imported.root]} is imported in ${where(imported.path, imported.line)} but never called`,
          { path: imported.path, line: imported.line },
          {
            remediation: "Log the runs: start a run and log parameters, metrics and the model (or enable autologging).",
            docs: DOCS,
          },
        ),
      ]);

    const runs = repo.files.find((f) => RUN_FOLDERS.test(f.path) && isOwnCode(f));
    if (runs)
      return scored(0.4, [
        warning(
          "tracker-runs-only",
          `Tracker run output is committed (${runs.path}) but no code logs to a tracker`,
          { path: runs.path },
          {
            remediation:
              "Keep the logging code in the repository and the run folders out of git (log to a tracking server or ignore `mlruns/`).",
            docs: DOCS,
          },
        ),
      ]);

    return scored(0, [
      warning(
        "no-experiment-tracking",
        "No experiment tracker is used: runs, parameters and metrics are not recorded",
        undefined,
        {
          remediation:
            "Add MLflow (`mlflow.autolog()` before training) or Weights & Biases (`wandb.init(project=...)`, `wandb.log(...)`) to the training code.",
          docs: DOCS,
        },
      ),
    ]);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const experimentTracking = codeDependent(experimentTrackingRules, "experiment tracking");
