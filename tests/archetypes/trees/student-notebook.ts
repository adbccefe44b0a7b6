/**
 * (a) A notebook-only student project: two notebooks with outputs and plots, the data CSV, a
 * one-paragraph README, nothing else. Trap: the plots' base64 contains "dvc", "mlflow", "print".
 */
import type { Archetype } from "../archetype.js";
import { notebook } from "../content.js";

const eda = notebook([
  { md: "# House Prices: Exploratory Data Analysis\n\nDataset: Ames housing (Kaggle).\n" },
  {
    code: "!pip install xgboost seaborn\n",
    stdout: "Requirement already satisfied: xgboost in /usr/local/lib/python3.11/dist-packages (2.0.3)\n",
  },
  {
    code: "import pandas as pd\nimport numpy as np\nimport matplotlib.pyplot as plt\nimport seaborn as sns\n\ndf = pd.read_csv('train.csv')\nprint(df.shape)\ndf.head()\n",
    stdout: "(1460, 81)\n",
    result:
      "   Id  MSSubClass MSZoning  LotFrontage  LotArea  ...  SalePrice\n0   1          60       RL         65.0     8450  ...     208500\n",
  },
  {
    code: "df.isnull().sum().sort_values(ascending=False).head(10)\n",
    result: "PoolQC         1453\nMiscFeature    1406\nAlley          1369\n",
  },
  { md: "## Target distribution\nThe sale price is right-skewed, so we log-transform it.\n" },
  { code: "sns.histplot(df['SalePrice'], kde=True)\nplt.title('SalePrice')\nplt.show()\n", plot: 11 },
  {
    code: "corr = df.select_dtypes('number').corr()\nplt.figure(figsize=(12, 10))\nsns.heatmap(corr, cmap='coolwarm')\nplt.show()\n",
    plot: 12,
  },
  {
    code: "def fill_missing(df):\n    for col in ['LotFrontage', 'MasVnrArea']:\n        df[col] = df[col].fillna(df[col].median())\n    df = df.drop(columns=['PoolQC', 'MiscFeature', 'Alley', 'Fence'])\n    return df\n\ndf = fill_missing(df)\nprint('missing after cleaning:', df.isnull().sum().sum())\n",
    stdout: "missing after cleaning: 6617\n",
  },
]);

const model = notebook([
  { md: "# Model comparison\nLinear regression vs random forest vs XGBoost, 5-fold CV.\n" },
  {
    code: "import pandas as pd\nimport numpy as np\nfrom sklearn.model_selection import cross_val_score, train_test_split\nfrom sklearn.linear_model import LinearRegression\nfrom sklearn.ensemble import RandomForestRegressor\nfrom xgboost import XGBRegressor\n\ndf = pd.read_csv('train.csv')\nX = pd.get_dummies(df.drop(columns=['Id', 'SalePrice'])).fillna(0)\ny = np.log1p(df['SalePrice'])\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)\n",
  },
  {
    code: "def rmse_cv(model):\n    scores = cross_val_score(model, X_train, y_train, scoring='neg_root_mean_squared_error', cv=5)\n    return -scores.mean()\n\nfor name, m in [('linear', LinearRegression()), ('rf', RandomForestRegressor(n_estimators=300, random_state=42)), ('xgb', XGBRegressor(n_estimators=1000, learning_rate=0.05, max_depth=4))]:\n    print(name, rmse_cv(m))\n",
    stdout: "linear 0.1712\nrf 0.1436\nxgb 0.1281\n",
  },
  {
    code: "xgb = XGBRegressor(n_estimators=1000, learning_rate=0.05, max_depth=4)\nxgb.fit(X_train, y_train)\npred = xgb.predict(X_test)\nplt.scatter(y_test, pred, alpha=0.4)\nplt.xlabel('actual')\nplt.ylabel('predicted')\nplt.show()\n",
    plot: 21,
  },
  { md: "## Conclusion\nXGBoost wins with an RMSE of 0.128 on log prices.\n" },
]);

/** The student's data file, committed as downloaded. */
const csv = [
  "Id,MSSubClass,MSZoning,LotFrontage,LotArea,Street,SalePrice",
  "1,60,RL,65,8450,Pave,208500",
  "2,20,RL,80,9600,Pave,181500",
  "3,60,RL,68,11250,Pave,223500",
  "4,70,RL,60,9550,Pave,140000",
  "5,60,RL,84,14260,Pave,250000",
].join("\n");

export const studentNotebook: Archetype = {
  name: "student-notebook",
  kind: "notebook-only student project",
  tree: {
    "README.md":
      "# House Price Prediction\n\nThis is my final project for the Introduction to Machine Learning course. I explored the Ames housing dataset from Kaggle, cleaned the missing values and compared linear regression, random forest and XGBoost for predicting sale prices. XGBoost gave the best cross-validated RMSE (0.128 on log prices). The analysis is in `House_Prices_EDA.ipynb` and the models are in `Model_Comparison.ipynb`.\n",
    "House_Prices_EDA.ipynb": eda,
    "Model_Comparison.ipynb": model,
    "train.csv": `${csv}\n`,
  },
  expected: {
    "testing.tests": ["fail", "no test files at all"],
    "testing.coverage": ["fail", "no coverage anywhere"],
    "testing.ml_tests": ["fail", "no data or model tests"],
    "documentation.readme": ["partial", "a paragraph saying what it is, no setup or usage: a report without setup"],
    "documentation.docstrings": [["fail", "not_applicable"], "the notebooks' two helper functions have no docstring"],
    "documentation.license": ["fail", "no license anywhere"],
    "ci_cd.workflows": ["fail", "no workflows"],
    "ci_cd.runs_tests": ["fail", "no CI, so nothing runs tests"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions to pin"],
    "code_structure.modules": ["fail", "notebooks only"],
    "code_structure.dependencies": ["fail", "no manifest; `!pip install` in a notebook is not one"],
    "code_structure.configuration": ["fail", "parameters hard-coded in notebook cells, no config file"],
    "code_quality.lint_format": ["fail", "no linter or formatter"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["fail", "no .gitignore"],
    "code_quality.secrets": ["pass", "nothing secret committed"],
    "containerization.dockerfile": ["fail", "no Dockerfile"],
    "monitoring.logging": ["fail", "print only"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none; 'mlflow' in a plot's base64 is noise"],
    "scalability.data_versioning": ["fail", "none; 'dvc' in a plot's base64 is noise"],
    "scalability.serving": ["fail", "no API or demo"],
    "scalability.distributed": ["fail", "none; 'dask'/'ray' in base64 is noise"],
    "scalability.deployment": ["fail", "none"],
  },
};
