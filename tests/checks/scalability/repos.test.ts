import { describe, expect, it } from "vitest";
import { scalabilityChecks } from "../../../checks/scalability/index.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { frozenRequirements, notebook, plotCell } from "./fixtures.js";

/** A Kaggle-style repository: notebooks, a frozen environment, a CSV. Nothing to scale. */
const kaggle: Tree = {
  "README.md": "# Titanic\n\nMy solution to the Kaggle Titanic competition.\n",
  "requirements.txt": frozenRequirements,
  "data/train.csv": "PassengerId,Survived\n1,0\n",
  "titanic.ipynb": notebook([
    "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n",
    "df = pd.read_csv('data/train.csv')\nmodel = RandomForestClassifier().fit(df[['PassengerId']], df['Survived'])\n",
    plotCell,
  ]),
};

/** An MLOps template: tracked training, DVC pipeline, a FastAPI service, Ray tuning, Kubernetes. */
const mlopsTemplate: Tree = {
  "README.md": "# Churn platform\n",
  "dvc.yaml":
    "stages:\n  train:\n    cmd: python -m churn.train\n    deps: [data/raw]\n    outs: [models/model.joblib]\n",
  ".dvc/config": "[core]\n    remote = s3\n['remote \"s3\"']\n    url = s3://churn/dvc\n",
  "data/raw.dvc": "outs:\n- md5: 0f3e\n  path: raw\n",
  "src/churn/__init__.py": "",
  "src/churn/train.py":
    "import mlflow\nimport ray\nfrom ray import tune\n\n\ndef main():\n    ray.init()\n    mlflow.autolog()\n    tune.run(objective, config={'lr': tune.loguniform(1e-4, 1e-1)})\n",
  "src/churn/api.py":
    'import joblib\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\n\napp = FastAPI()\nmodel = joblib.load("models/model.joblib")\n\n\nclass Features(BaseModel):\n    tenure: int\n\n\n@app.post("/predict")\ndef predict(features: Features) -> dict:\n    return {"churn": int(model.predict([[features.tenure]])[0])}\n',
  "deploy/k8s/deployment.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: churn\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/churn:1.0.0\n",
};

const statuses = (tree: Tree): Record<string, CheckStatus> =>
  Object.fromEntries(scalabilityChecks.map((check) => [check.id, runCheck(check, tree).status]));

describe("scalability on whole repositories", () => {
  it("a Kaggle notebook repository has no scalability evidence", () => {
    expect(statuses(kaggle)).toEqual({
      "scalability.experiment_tracking": "fail",
      "scalability.data_versioning": "fail",
      "scalability.serving": "fail",
      "scalability.distributed": "fail",
      "scalability.deployment": "fail",
    });
  });

  it("an MLOps template passes every scalability check", () => {
    expect(statuses(mlopsTemplate)).toEqual({
      "scalability.experiment_tracking": "pass",
      "scalability.data_versioning": "pass",
      "scalability.serving": "pass",
      "scalability.distributed": "pass",
      "scalability.deployment": "pass",
    });
  });

  it("every shortfall says how to fix it, with a link", () => {
    for (const check of scalabilityChecks)
      for (const finding of runCheck(check, kaggle).findings.filter((f) => f.level !== "info")) {
        expect(finding.remediation, `${check.id}/${finding.id}`).toBeTruthy();
        expect(finding.docs, `${check.id}/${finding.id}`).toMatch(/^https:\/\//);
      }
  });
});
