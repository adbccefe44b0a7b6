import { describe, expect, it } from "vitest";
import { experimentTracking } from "../../../checks/scalability/experiment-tracking.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { frozenRequirements, notebook, plainTraining, plotCell } from "./fixtures.js";

const mlflowTraining = `import mlflow
import mlflow.sklearn
from sklearn.linear_model import LogisticRegression


def train(X, y, C: float = 1.0):
    """Train and log one run."""
    with mlflow.start_run():
        mlflow.log_param("C", C)
        model = LogisticRegression(C=C).fit(X, y)
        mlflow.log_metric("train_accuracy", model.score(X, y))
        mlflow.sklearn.log_model(model, "model")
    return model
`;

const lightningTraining = `import lightning as L
from lightning.pytorch.loggers import WandbLogger

from .model import LitClassifier


def main():
    logger = WandbLogger(project="cifar10")
    trainer = L.Trainer(max_epochs=10, logger=logger)
    trainer.fit(LitClassifier())
`;

const kerasTraining = `import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
tb = tf.keras.callbacks.TensorBoard(log_dir="logs")
model.fit(x, y, callbacks=[tb])
`;

const cases: [string, Tree, CheckStatus, string[]][] = [
  [
    "Transformers' Trainer reporting to W&B through report_to",
    {
      "train.py":
        'from transformers import Trainer, TrainingArguments\n\nargs = TrainingArguments(\n    output_dir="out",\n    report_to="wandb",\n)\nTrainer(model=model, args=args).train()\n',
    },
    "pass",
    ["tracker-integration"],
  ],
  [
    "report_to as a list in a notebook",
    { "finetune.ipynb": notebook(["args = TrainingArguments('out', report_to=['tensorboard', 'mlflow'])\n"]) },
    "pass",
    ["tracker-integration"],
  ],
  [
    "report_to='none' logs nowhere",
    { "finetune.ipynb": notebook(["args = TrainingArguments('out', report_to='none')\n"]) },
    "fail",
    ["no-experiment-tracking"],
  ],
  ["MLflow runs logged from the training code", { "src/train.py": mlflowTraining }, "pass", ["tracker-used"]],
  [
    "Weights & Biases in a notebook code cell",
    {
      "notebooks/train.ipynb": notebook([
        "import wandb\n",
        "run = wandb.init(project='churn')\nwandb.log({'auc': 0.91})\n",
      ]),
    },
    "pass",
    ["tracker-used"],
  ],
  ["a Lightning WandbLogger", { "src/train.py": lightningTraining }, "pass", ["tracker-integration"]],
  ["Keras' TensorBoard callback", { "train.py": kerasTraining }, "pass", ["tracker-integration"]],
  [
    "PyTorch SummaryWriter",
    {
      "train.py":
        "from torch.utils.tensorboard import SummaryWriter\n\nwriter = SummaryWriter()\nwriter.add_scalar('loss', 0.1, 1)\n",
    },
    "pass",
    ["tracker-used"],
  ],
  [
    "an MLflow project file",
    { MLproject: "name: churn\n\nentry_points:\n  main:\n    command: python train.py\n", "train.py": plainTraining },
    "pass",
    ["tracker-config"],
  ],
  [
    "MLflow imported but never called",
    { "train.py": `import mlflow\n\n${plainTraining}` },
    "partial",
    ["tracker-imported-only"],
  ],
  [
    "committed mlruns/ with no tracking code",
    { "train.py": plainTraining, "mlruns/0/meta.yaml": "name: Default\n" },
    "partial",
    ["tracker-runs-only"],
  ],
  ["plain training script", { "train.py": plainTraining }, "fail", ["no-experiment-tracking"]],
  [
    "trackers only in a frozen environment and a plot's base64",
    { "requirements.txt": frozenRequirements, "eda.ipynb": notebook([plotCell]), "train.py": plainTraining },
    "fail",
    ["no-experiment-tracking"],
  ],
  [
    "a tracker used only by tests",
    {
      "train.py": plainTraining,
      "tests/test_logging.py": "import mlflow\n\n\ndef test_log():\n    mlflow.log_metric('x', 1)\n",
    },
    "fail",
    ["no-experiment-tracking"],
  ],
  [
    "mlflow named only in a docstring",
    { "train.py": '"""We could log to mlflow: mlflow.log_metric(...)."""\nimport json\n' },
    "fail",
    ["no-experiment-tracking"],
  ],
];

describe("scalability.experiment_tracking", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(experimentTracking, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("points at the call and offers a concrete fix when absent", () => {
    const used = runCheck(experimentTracking, { "src/train.py": mlflowTraining });
    expect(used.findings[0]).toMatchObject({ path: "src/train.py", line: 8 });
    const absent = runCheck(experimentTracking, { "train.py": plainTraining });
    expect(absent.findings[0]?.remediation).toMatch(/mlflow\.autolog|wandb/);
    expect(absent.findings[0]?.docs).toMatch(/^https:\/\/mlflow\.org\//);
  });
});
