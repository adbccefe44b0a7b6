/**
 * (b) A Kaggle-style competition repository: numbered notebooks, a `src/` of helpers with the
 * classic Kaggle `get_logger`, a CFG module, W&B logging, `requirements.txt` from `pip freeze` of a
 * whole conda Jupyter environment, pickled fold models and `.ipynb_checkpoints` committed.
 * Traps: the frozen environment names prometheus_client, sentry-sdk and wandb; plots hold "dvc".
 */
import type { Archetype } from "../archetype.js";
import { binary, large, notebook } from "../content.js";
import { JUPYTER_FREEZE } from "../freeze.js";

const eda = notebook([
  { md: "# Playground S4E1: EDA\n" },
  {
    code: "import pandas as pd\nimport matplotlib.pyplot as plt\nimport seaborn as sns\ntrain = pd.read_csv('../data/train.csv')\ntest = pd.read_csv('../data/test.csv')\nprint(train.shape, test.shape)\n",
    stdout: "(165034, 14) (110023, 13)\n",
  },
  {
    code: "train['Exited'].value_counts(normalize=True)\n",
    result: "0    0.788401\n1    0.211599\nName: Exited, dtype: float64\n",
  },
  {
    code: "fig, axes = plt.subplots(2, 3, figsize=(15, 8))\nfor ax, col in zip(axes.flat, ['CreditScore', 'Age', 'Balance', 'EstimatedSalary', 'Tenure', 'NumOfProducts']):\n    sns.kdeplot(data=train, x=col, hue='Exited', ax=ax)\nplt.tight_layout()\n",
    plot: 31,
  },
]);

const features = notebook([
  { md: "# Feature engineering experiments\n" },
  {
    code: "import sys\nsys.path.append('..')\nfrom src.features import add_features, target_encode\nfrom src.utils import reduce_mem_usage\nimport pandas as pd\ntrain = reduce_mem_usage(pd.read_csv('../data/train.csv'))\ntrain = add_features(train)\nprint(train.columns.tolist())\n",
    stdout:
      "Mem. usage decreased to 9.45 Mb (52.3% reduction)\n['id', 'CustomerId', 'Surname', 'CreditScore', 'Geography', 'Gender', 'Age', ...]\n",
  },
]);

const lgbm = notebook([
  { md: "# LightGBM + Optuna\nCV 0.8921 / public LB 0.8907\n" },
  {
    code: "import optuna\nimport lightgbm as lgb\nfrom sklearn.model_selection import StratifiedKFold\nfrom sklearn.metrics import roc_auc_score\n\ndef objective(trial):\n    params = {\n        'learning_rate': trial.suggest_float('learning_rate', 0.01, 0.1, log=True),\n        'num_leaves': trial.suggest_int('num_leaves', 16, 256),\n        'subsample': trial.suggest_float('subsample', 0.5, 1.0),\n    }\n    model = lgb.LGBMClassifier(**params, n_estimators=2000, verbose=-1)\n    model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], callbacks=[lgb.early_stopping(100)])\n    return roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])\n\nstudy = optuna.create_study(direction='maximize')\nstudy.optimize(objective, n_trials=50)\nprint(study.best_params)\n",
    stdout:
      "[I 2024-01-14 10:12:03,114] Trial 49 finished with value: 0.8921\n{'learning_rate': 0.0213, 'num_leaves': 48, 'subsample': 0.81}\n",
  },
  { code: "lgb.plot_importance(model, max_num_features=20)\n", plot: 32 },
]);

const utils = `import os
import random
from logging import INFO, FileHandler, Formatter, StreamHandler, getLogger

import numpy as np
import pandas as pd


def get_logger(filename="train"):
    logger = getLogger(__name__)
    logger.setLevel(INFO)
    handler1 = StreamHandler()
    handler1.setFormatter(Formatter("%(message)s"))
    handler2 = FileHandler(filename=f"{filename}.log")
    handler2.setFormatter(Formatter("%(message)s"))
    logger.addHandler(handler1)
    logger.addHandler(handler2)
    return logger


def seed_everything(seed=42):
    """Seed python, numpy and the hash seed so folds are reproducible."""
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)


def reduce_mem_usage(df: pd.DataFrame, verbose: bool = True) -> pd.DataFrame:
    """Downcast numeric columns to the smallest dtype that holds them."""
    start_mem = df.memory_usage().sum() / 1024**2
    for col in df.columns:
        col_type = df[col].dtype
        if col_type != object:
            c_min, c_max = df[col].min(), df[col].max()
            if str(col_type)[:3] == "int" and c_min > np.iinfo(np.int8).min and c_max < np.iinfo(np.int8).max:
                df[col] = df[col].astype(np.int8)
            elif str(col_type)[:5] == "float" and c_min > np.finfo(np.float32).min and c_max < np.finfo(np.float32).max:
                df[col] = df[col].astype(np.float32)
    end_mem = df.memory_usage().sum() / 1024**2
    if verbose:
        print(f"Mem. usage decreased to {end_mem:5.2f} Mb ({100 * (start_mem - end_mem) / start_mem:.1f}% reduction)")
    return df
`;

const featuresPy = `import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df["IsSenior"] = (df["Age"] >= 60).astype(int)
    df["IsActive_by_CreditCard"] = df["HasCrCard"] * df["IsActiveMember"]
    df["Products_Per_Tenure"] = df["Tenure"] / (df["NumOfProducts"] + 1)
    df["ZeroBalance"] = (df["Balance"] == 0).astype(int)
    df["AgeCat"] = np.round(df.Age / 20).astype(int)
    return df


def target_encode(train, test, col, target="Exited", n_splits=5, seed=42):
    """Out-of-fold mean target encoding of \`col\`; the test set gets the full-train means."""
    oof = np.zeros(len(train))
    for tr_idx, va_idx in KFold(n_splits, shuffle=True, random_state=seed).split(train):
        means = train.iloc[tr_idx].groupby(col)[target].mean()
        oof[va_idx] = train.iloc[va_idx][col].map(means).fillna(train[target].mean())
    test[f"{col}_te"] = test[col].map(train.groupby(col)[target].mean())
    train[f"{col}_te"] = oof
    return train, test
`;

const config = `class CFG:
    seed = 42
    n_folds = 10
    target = "Exited"
    data_dir = "data"
    model_dir = "models"
    wandb_project = "ps-s4e1"
    lgb_params = {
        "objective": "binary",
        "learning_rate": 0.0213,
        "num_leaves": 48,
        "subsample": 0.81,
        "colsample_bytree": 0.42,
        "reg_lambda": 3.1,
        "n_estimators": 5000,
    }
`;

const train = `import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from src.config import CFG
from src.features import add_features
from src.utils import get_logger, seed_everything

LOGGER = get_logger("train")


def train_fold(fold, X, y, tr_idx, va_idx):
    model = lgb.LGBMClassifier(**CFG.lgb_params, random_state=CFG.seed, verbose=-1)
    model.fit(X.iloc[tr_idx], y.iloc[tr_idx], eval_set=[(X.iloc[va_idx], y.iloc[va_idx])],
              callbacks=[lgb.early_stopping(200, verbose=False)])
    preds = model.predict_proba(X.iloc[va_idx])[:, 1]
    joblib.dump(model, f"{CFG.model_dir}/lgbm_fold{fold}.pkl")
    return preds


def main():
    seed_everything(CFG.seed)
    wandb.init(project=CFG.wandb_project, config=CFG.lgb_params)
    train = add_features(pd.read_csv(f"{CFG.data_dir}/train.csv"))
    X = train.drop(columns=["id", "CustomerId", "Surname", CFG.target])
    y = train[CFG.target]
    oof = np.zeros(len(train))
    skf = StratifiedKFold(n_splits=CFG.n_folds, shuffle=True, random_state=CFG.seed)
    for fold, (tr_idx, va_idx) in enumerate(skf.split(X, y)):
        oof[va_idx] = train_fold(fold, X, y, tr_idx, va_idx)
        score = roc_auc_score(y.iloc[va_idx], oof[va_idx])
        LOGGER.info(f"fold {fold}: auc {score:.5f}")
        wandb.log({"fold": fold, "auc": score})
        print(f"Fold {fold} done")
    cv = roc_auc_score(y, oof)
    LOGGER.info(f"CV auc {cv:.5f}")
    wandb.summary["cv_auc"] = cv


if __name__ == "__main__":
    main()
`;

export const kaggle: Archetype = {
  name: "kaggle",
  kind: "Kaggle-style competition repository",
  tree: {
    "README.md": `# Kaggle Playground Series S4E1: Bank Customer Churn

Binary classification of bank customer churn (competition metric: ROC AUC).

## Approach

- EDA in \`notebooks/01_eda.ipynb\`
- Feature engineering (ratios, target encoding of \`Surname\`) in \`src/features.py\`
- LightGBM tuned with Optuna, 10-fold stratified CV, runs logged to Weights & Biases

## Results

| model | CV AUC | public LB | private LB |
| --- | --- | --- | --- |
| LightGBM baseline | 0.8884 | 0.8871 | 0.8893 |
| LightGBM + Optuna | 0.8921 | 0.8907 | 0.8929 |
| CatBoost | 0.8915 | 0.8902 | 0.8924 |

## How to run

\`\`\`bash
pip install -r requirements.txt
kaggle competitions download -c playground-series-s4e1 -p data/
python -m src.train
\`\`\`

Then open the notebooks in order.
`,
    ".gitignore": "data/\n__pycache__/\n*.log\nwandb/\n",
    "requirements.txt": JUPYTER_FREEZE,
    "notebooks/01_eda.ipynb": eda,
    "notebooks/02_feature_engineering.ipynb": features,
    "notebooks/03_lgbm_optuna.ipynb": lgbm,
    "notebooks/.ipynb_checkpoints/01_eda-checkpoint.ipynb": eda,
    "notebooks/.ipynb_checkpoints/03_lgbm_optuna-checkpoint.ipynb": lgbm,
    "src/__init__.py": "",
    "src/config.py": config,
    "src/utils.py": utils,
    "src/features.py": featuresPy,
    "src/train.py": train,
    "models/lgbm_fold0.pkl": binary(4096, 1),
    "models/lgbm_fold1.pkl": binary(4096, 2),
    "models/catboost_full.cbm": large(58_000_000),
    "submission.csv": "id,Exited\n165034,0.0312\n165035,0.8127\n165036,0.0291\n",
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "no coverage"],
    "testing.ml_tests": ["fail", "no data or model tests"],
    "documentation.readme": ["pass", "what it is, approach, results, install and run commands"],
    "documentation.docstrings": ["partial", "3 of 8 public functions and classes documented"],
    "documentation.license": ["fail", "no license"],
    "ci_cd.workflows": ["fail", "no workflows"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": ["pass", "src/ package of helpers and a training entry point, notebooks beside the code"],
    "code_structure.dependencies": ["partial", "a pip freeze of a whole conda Jupyter environment"],
    "code_structure.configuration": [["partial", "fail"], "parameters gathered in a CFG class module, but still code"],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": ["partial", "some annotations, no type checker"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["partial", "exists but .ipynb_checkpoints and a 58 MB model are committed"],
    "code_quality.secrets": ["pass", "nothing secret"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": [
      ["pass", "partial"],
      "get_logger configured and used for the fold scores; prints are half the scripts' output, notebook displays apart",
    ],
    "monitoring.observability": ["fail", "prometheus_client/sentry-sdk only in the frozen environment"],
    "scalability.experiment_tracking": ["pass", "wandb.init/log in src/train.py"],
    "scalability.data_versioning": ["fail", "none; 'dvc' only in base64 plots"],
    "scalability.serving": ["fail", "no API"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["fail", "none"],
  },
};
