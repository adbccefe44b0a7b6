import { describe, expect, it } from "vitest";
import { configurationCheck } from "../../../checks/code_structure/configuration.js";
import { jsEnvRead } from "../../../checks/code_structure/js-env.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { FASTAPI_SERVICE, KAGGLE, notebook } from "./fixtures.js";

const HYDRA: Tree = {
  "conf/config.yaml":
    "defaults:\n  - model: xgb\n  - _self_\n\ndata:\n  path: data/processed/train.parquet\nseed: 42\n",
  "conf/model/xgb.yaml": "n_estimators: 400\nmax_depth: 6\nlearning_rate: 0.05\n",
  "src/churn/__init__.py": "",
  "src/churn/train.py":
    'import hydra\nfrom omegaconf import DictConfig\n\n\n@hydra.main(version_base=None, config_path="../../conf", config_name="config")\ndef main(cfg: DictConfig) -> None:\n    print(cfg.model.n_estimators)\n\n\nif __name__ == "__main__":\n    main()\n',
};

const YAML_LOADED: Tree = {
  "configs/train.yaml": "epochs: 20\nbatch_size: 64\nlr: 0.001\n",
  "train.py":
    'import yaml\n\n\ndef load(path="configs/train.yaml"):\n    with open(path) as f:\n        return yaml.safe_load(f)\n',
  "model.py": "import torch\n\nclass Net(torch.nn.Module):\n    pass\n",
};

const WINDOWS_PATHS: Tree = {
  "train.py":
    'import pandas as pd\n\nEPOCHS = 50\nBATCH_SIZE = 32\nLEARNING_RATE = 0.001\n\ndf = pd.read_csv(r"C:\\Users\\maria\\Desktop\\churn\\train.csv")\n',
  "predict.py":
    'import joblib\n\nmodel = joblib.load("C:/Users/maria/Desktop/churn/model.pkl")\nTHRESHOLD = 0.5\nSEED = 7\nMAX_DEPTH = 4\n',
  "utils.py": "def clean(df):\n    return df.dropna()\n",
};

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["FastAPI service with pydantic settings and .env.example", FASTAPI_SERVICE, "pass", ["config-separate"]],
  ["Hydra project", HYDRA, "pass", ["config-separate"]],
  ["YAML config loaded by the code", YAML_LOADED, "pass", ["config-separate"]],
  [
    "environment variables read, no .env.example",
    {
      "app/__init__.py": "",
      "app/db.py": 'import os\n\nDATABASE_URL = os.environ["DATABASE_URL"]\n',
      "app/main.py":
        'import os\nfrom flask import Flask\n\napp = Flask(__name__)\nport = int(os.getenv("PORT", "8000"))\n',
    },
    "pass",
    ["config-partial", "env-undocumented"],
  ],
  [
    "argparse options and a config.py module",
    {
      "src/config.py": 'DATA_DIR = "data"\nMODEL_DIR = "models"\n',
      "src/train.py":
        'import argparse\n\n\ndef parse():\n    p = argparse.ArgumentParser()\n    p.add_argument("--epochs", type=int, default=10)\n    return p.parse_args()\n',
    },
    "pass",
    ["config-partial"],
  ],
  [
    "only a constants module",
    {
      "src/constants.py": 'DATA_DIR = "data"\nTARGET = "churn"\n',
      "src/train.py": "from src.constants import DATA_DIR\n\ndef train():\n    pass\n",
    },
    "partial",
    ["config-partial"],
  ],
  [
    "a parameters package imported by the entry script",
    {
      "house_prices/parameters/__init__.py": "",
      "house_prices/parameters/master.py": 'train_in = "data/train.csv"\ntarget = "SalePrice"\n',
      "house_prices/main.py":
        'from parameters.master import *\n\nif __name__ == "__main__":\n    print(train_in, target)\n',
    },
    "partial",
    ["config-partial"],
  ],
  [
    "a Django project's generated files: manage.py's DJANGO_SETTINGS_MODULE is no setting, urls.py no settings module",
    {
      "backend/manage.py":
        'import os\nimport sys\n\n\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n\n\nif __name__ == "__main__":\n    main()\n',
      "backend/config/settings.py": 'DEBUG = True\nINSTALLED_APPS = ["api"]\n',
      "backend/config/urls.py": "urlpatterns = []\n",
      "backend/config/wsgi.py":
        'import os\n\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\napplication = get_wsgi_application()\n',
    },
    "partial",
    ["config-partial"],
  ],
  [
    "a credentials file the code loads but the repository does not hold (gitignored), nothing else",
    {
      "db_utils.py":
        'import yaml\n\n\ndef load_credentials():\n    with open("credentials.yaml") as f:\n        return yaml.safe_load(f)\n\n\nif __name__ == "__main__":\n    print(load_credentials())\n',
      ".gitignore": "credentials.yaml\n",
    },
    "partial",
    ["config-partial"],
  ],
  [
    "hyper-parameters in hyperparam.ini read with configparser (a paper replication)",
    {
      "hyperparam.ini": "[Custom]\nepochs = 100\nbatch_size = 64\nlr = 5e-4\n",
      "main.py":
        'import argparse\nfrom configparser import ConfigParser\n\nCONFIG_FILE = "hyperparam.ini"\n\n\ndef main():\n    config = ConfigParser()\n    config.read(CONFIG_FILE)\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--epochs", default=config["Custom"]["epochs"])\n    return parser.parse_args()\n\n\nif __name__ == "__main__":\n    main()\n',
    },
    "pass",
    ["config-separate"],
  ],
  [
    "TensorFlow flags for every hyper-parameter (DCGAN-tensorflow)",
    {
      "main.py":
        'import tensorflow as tf\n\nflags = tf.app.flags\nflags.DEFINE_integer("epoch", 25, "Epochs to train")\nflags.DEFINE_float("learning_rate", 0.0002, "Learning rate")\nFLAGS = flags.FLAGS\n\n\ndef main(_):\n    print(FLAGS.epoch)\n\n\nif __name__ == "__main__":\n    tf.app.run()\n',
    },
    "pass",
    ["config-partial"],
  ],
  [
    "a Streamlit app with its model settings written in the script is judged, not 'nothing to configure'",
    {
      "streamlit_app.py":
        'import streamlit as st\nfrom llama_index.llms.openai import OpenAI\n\nst.title("Chat with the docs")\nllm = OpenAI(model="gpt-3.5-turbo", temperature=0.5)\nst.write(llm.complete(st.text_input("Ask")))\n',
    },
    "fail",
    ["no-configuration"],
  ],
  [
    "config files beside Windows paths hard-coded in several scripts",
    { ...WINDOWS_PATHS, "configs/train.yaml": "epochs: 20\n", "settings_loader.py": YAML_LOADED["train.py"] as string },
    "partial",
    ["config-separate", "hard-coded-paths", "hard-coded-parameters"],
  ],
  [
    "Windows paths and hyper-parameters hard-coded, no configuration",
    WINDOWS_PATHS,
    "fail",
    ["hard-coded-paths", "hard-coded-parameters", "no-configuration"],
  ],
  [
    "Kaggle notebook with /kaggle/input paths and constants",
    KAGGLE,
    "fail",
    ["hard-coded-paths", "hard-coded-parameters", "no-configuration"],
  ],
  [
    "Colab notebook reading from Google Drive",
    {
      "notebooks/train.ipynb": notebook(
        "from google.colab import drive\ndrive.mount('/content/drive')\n",
        "import pandas as pd\ndf = pd.read_csv('/content/drive/MyDrive/churn/train.csv')\n",
      ),
      "src/model.py": "def build():\n    pass\n",
    },
    "fail",
    ["hard-coded-paths", "no-configuration"],
  ],
  [
    "small library: nothing to configure and nothing hard-coded",
    {
      "src/slug/__init__.py": "",
      "src/slug/core.py": "def slug(s: str) -> str:\n    return s.lower()\n",
    },
    "not_applicable",
    ["no-settings-needed"],
  ],
  [
    "library whose only conf.py is Sphinx's",
    {
      "docs/conf.py": 'project = "probcal"\nextensions = ["sphinx.ext.autodoc"]\n',
      "src/probcal/__init__.py": "import logging\n\nlogging.getLogger(__name__).addHandler(logging.NullHandler())\n",
      "src/probcal/metrics.py": "import numpy as np\n\n\ndef brier(y, p):\n    return float(np.mean((p - y) ** 2))\n",
    },
    "not_applicable",
    ["no-settings-needed"],
  ],
  [
    "notebooks with hyper-parameters passed as literal arguments",
    {
      "Model.ipynb": notebook(
        "import pandas as pd\nfrom xgboost import XGBRegressor\ndf = pd.read_csv('train.csv')\n",
        "xgb = XGBRegressor(n_estimators=1000, learning_rate=0.05, max_depth=4)\nxgb.fit(X, y)\n",
      ),
    },
    "fail",
    ["hard-coded-parameters", "no-configuration"],
  ],
  [
    "a notebook that runs with nothing configurable in sight",
    { "EDA.ipynb": notebook("import pandas as pd\ndf = pd.read_csv('train.csv')\ndf.describe()\n") },
    "fail",
    ["no-configuration"],
  ],
  [
    "one token from a .env (load_dotenv + getenv is one habit), hyper-parameters literal in the training script",
    {
      "main.py":
        'import os\nimport pickle\nfrom dotenv import load_dotenv\nfrom fastapi import FastAPI\n\nload_dotenv()\nHF_TOKEN = os.getenv("HF_TOKEN")\napp = FastAPI()\nmodel = pickle.load(open("model.pkl", "rb"))\n',
      "train.py":
        "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.feature_extraction.text import TfidfVectorizer\n\ndf = pd.read_csv('reviews.csv')\nvec = TfidfVectorizer(max_features=50000, ngram_range=(1, 2))\nmodel = LogisticRegression(C=4, max_iter=1000).fit(vec.fit_transform(df.text), df.label)\n",
    },
    "partial",
    ["config-partial", "hard-coded-parameters", "env-undocumented"],
  ],
  [
    "a saved Hugging Face model's config.json is not project configuration",
    {
      "train.ipynb": notebook(
        "import pandas as pd\ndf = pd.read_csv('/content/drive/MyDrive/fake_news/train.csv')\n",
        "trainer.save_model('model/')\n",
      ),
      "model/config.json": '{ "architectures": ["DistilBertForSequenceClassification"], "model_type": "distilbert" }\n',
      "model/model.safetensors": { mode: "file", size: 267832560 },
      "tokenizer/tokenizer_config.json": '{ "do_lower_case": true }\n',
    },
    "fail",
    ["hard-coded-paths", "no-configuration"],
  ],
  [
    "setting PYTHONHASHSEED is not reading configuration",
    {
      "src/__init__.py": "",
      "src/utils.py":
        'import os\nimport random\n\n\ndef seed_everything(seed=42):\n    random.seed(seed)\n    os.environ["PYTHONHASHSEED"] = str(seed)\n',
      "src/train.py": "from src.utils import seed_everything\n\nif __name__ == '__main__':\n    seed_everything()\n",
    },
    "fail",
    ["no-configuration"],
  ],
];

describe("code_structure.configuration", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const run = runCheck(configurationCheck, tree);
    expect({ status: run.status, ids: run.ids }).toEqual({ status, ids });
  });

  it("does not count paths in comments or docstrings", () => {
    const run = runCheck(configurationCheck, {
      ...YAML_LOADED,
      "data.py":
        '"""Data lives in C:\\Users\\maria\\data when run locally."""\n# df = pd.read_csv("/home/maria/data/train.csv")\n\ndef load(path):\n    return open(path)\n',
    });
    expect(run.ids).toEqual(["config-separate"]);
  });

  it("points at the file and line of a hard-coded path", () => {
    const run = runCheck(configurationCheck, WINDOWS_PATHS);
    const f = run.findings.find((x) => x.id === "hard-coded-paths");
    expect(f).toMatchObject({ path: "predict.py", line: 3, level: "warning" });
    expect(f?.docs).toMatch(/^https:\/\//);
  });

  it("does not take tool configs for project configuration", () => {
    const run = runCheck(configurationCheck, {
      ".pre-commit-config.yaml": "repos: []\n",
      "docker-compose.yml": "services: {}\n",
      "mkdocs.yml": "site_name: x\n",
      ".github/workflows/ci.yml": "on: push\n",
      "src/pkg/__init__.py": "",
      "src/pkg/core.py": "def f():\n    return 1\n",
    });
    expect(run.ids).toEqual(["no-settings-needed"]);
  });

  it("reads process.env and dotenv in JavaScript", () => {
    const run = runCheck(configurationCheck, {
      ".env.example": "PORT=3000\n",
      "src/server.js": "require('dotenv').config();\nconst port = process.env.PORT;\n",
      "src/app.js": "module.exports = {};\n",
    });
    expect(run.ids).toEqual(["config-separate"]);
  });

  it("is not applicable without code", () => {
    expect(runCheck(configurationCheck, { "README.md": "# x\n" }).status).toBe("not_applicable");
  });
});

describe("jsEnvRead", () => {
  it.each([
    ["const port = process.env.PORT;\n", "a.js", { line: 1, detail: "process.env" }],
    ["const url: string = import.meta.env.VITE_API;\n", "a.ts", { line: 1, detail: "import.meta.env" }],
    [
      "// process.env.PORT is read elsewhere\nconst re = /process\\.env/;\nconst s = 'process.env';\n",
      "a.js",
      undefined,
    ],
    [
      "export const App = () => <div>{process.env.NEXT_PUBLIC_URL}</div>;\n",
      "a.tsx",
      { line: 1, detail: "process.env" },
    ],
  ])("%s", (text, path, expected) => {
    expect(jsEnvRead(text, path)).toEqual(expected);
  });
});
