/**
 * Realistic repositories for the code_structure checks: the kinds of projects a hiring
 * reviewer sees (cookiecutter skeletons, Kaggle notebooks, FastAPI services, libraries).
 */
import type { Tree } from "../../helpers/tree.js";

/** An nbformat 4 notebook whose code cells are the given sources (with a markdown title cell). */
export function notebook(...cells: string[]): string {
  return JSON.stringify(
    {
      cells: [
        { cell_type: "markdown", metadata: {}, source: ["# Exploration\n"] },
        ...cells.map((src, i) => ({
          cell_type: "code",
          execution_count: i + 1,
          metadata: {},
          outputs: [],
          source: src.split(/(?<=\n)/),
        })),
      ],
      metadata: {
        kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
        language_info: { name: "python", version: "3.10.12" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

/** UTF-16LE with a BOM, as Windows PowerShell 5 writes `pip freeze > requirements.txt`. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** A binary blob of the given size (data and model files). */
export const blob = (size: number) => ({ mode: "file" as const, size });

const FREEZE_NAMES = (
  "absl-py aiohttp aiosignal alembic altair anyio appdirs appnope argon2-cffi argon2-cffi-bindings arrow asttokens " +
  "astunparse async-lru async-timeout attrs babel backcall beautifulsoup4 bleach blinker cachetools catboost certifi " +
  "cffi charset-normalizer click cloudpickle cmdstanpy colorama colorlog comm contourpy cryptography cycler cython " +
  "databricks-cli datasets debugpy decorator defusedxml dill distlib docker entrypoints et-xmlfile exceptiongroup " +
  "executing fastjsonschema filelock flask flatbuffers fonttools fqdn frozenlist fsspec gast gitdb gitpython " +
  "google-auth google-auth-oauthlib google-pasta graphviz greenlet grpcio gunicorn h11 h5py holidays httpcore httpx " +
  "huggingface-hub idna imageio imbalanced-learn importlib-metadata importlib-resources iniconfig ipykernel ipython " +
  "ipython-genutils ipywidgets isoduration itsdangerous jedi jinja2 joblib json5 jsonpointer jsonschema " +
  "jsonschema-specifications jupyter jupyter-client jupyter-console jupyter-core jupyter-events jupyter-lsp " +
  "jupyter-server jupyter-server-terminals jupyterlab jupyterlab-pygments jupyterlab-server jupyterlab-widgets keras " +
  "kiwisolver lazy-loader libclang lightgbm llvmlite mako markdown markdown-it-py markupsafe matplotlib " +
  "matplotlib-inline mdurl mistune ml-dtypes mlflow mpmath multidict multiprocess nbclient nbconvert nbformat " +
  "nest-asyncio networkx nltk notebook notebook-shim numba numpy oauthlib openpyxl opt-einsum optuna overrides " +
  "packaging pandas pandocfilters parso patsy pexpect pickleshare pillow platformdirs plotly pluggy prometheus-client " +
  "prompt-toolkit prophet protobuf psutil ptyprocess pure-eval pyarrow pyasn1 pyasn1-modules pycparser pydantic " +
  "pydantic-core pygments pyjwt pyparsing pytest python-dateutil python-dotenv python-json-logger pytz pywavelets " +
  "pyyaml pyzmq qtconsole qtpy querystring-parser referencing regex requests requests-oauthlib rfc3339-validator " +
  "rfc3986-validator rich rpds-py rsa safetensors scikit-image scikit-learn scipy seaborn send2trash shap six " +
  "slicer smmap sniffio soupsieve sqlalchemy sqlparse stack-data statsmodels sympy tabulate tenacity tensorboard " +
  "tensorboard-data-server tensorflow tensorflow-estimator tensorflow-io-gcs-filesystem termcolor terminado " +
  "threadpoolctl tifffile tinycss2 tokenizers tomli toolz torch torchvision tornado tqdm traitlets transformers " +
  "typing-extensions tzdata uri-template urllib3 wcwidth webcolors webencodings websocket-client werkzeug " +
  "widgetsnbextension wrapt xgboost xxhash yarl zipp aiofiles annotated-types bokeh colorcet datashader dask " +
  "distributed partd locket msgpack sortedcontainers tblib zict heapdict lz4 param panel pyviz-comms holoviews " +
  "hvplot xarray netcdf4 cftime numexpr tables bottleneck sqlite-utils"
).split(" ");

/** A `pip freeze` of a whole data-science environment: 250 pins, the Jupyter stack, macOS-only appnope. */
export const PIP_FREEZE = FREEZE_NAMES.slice(0, 250)
  .map((name, i) => `${name}==${1 + (i % 5)}.${(i * 7) % 23}.${i % 4}`)
  .join("\n");

/** `conda env export` on Linux: build strings, the runtime's own packages and a `prefix:`. */
export const CONDA_EXPORT = `name: ds
channels:
  - conda-forge
  - defaults
dependencies:
  - _libgcc_mutex=0.1=conda_forge
  - _openmp_mutex=4.5=2_gnu
  - bzip2=1.0.8=h7f98852_4
  - ca-certificates=2023.7.22=hbcca054_0
  - ipykernel=6.25.2=pyh2140261_0
  - ipython=8.15.0=pyh0d859eb_0
  - jupyter_client=8.3.1=pyhd8ed1ab_0
  - ld_impl_linux-64=2.40=h41732ed_0
  - libffi=3.4.2=h7f98852_5
  - libgcc-ng=13.2.0=h807b86a_2
  - libsqlite=3.43.0=h2797004_0
  - libzlib=1.2.13=hd590300_5
  - ncurses=6.4=hcb278e6_0
  - numpy=1.26.0=py311h64a7726_0
  - openssl=3.1.3=hd590300_0
  - pandas=2.1.1=py311h320fe9a_0
  - pip=23.2.1=pyhd8ed1ab_0
  - python=3.11.5=hab00c5b_0_cpython
  - readline=8.2=h8228510_1
  - scikit-learn=1.3.1=py311hc009520_0
  - tk=8.6.13=h2797004_0
  - xz=5.2.6=h166bdaf_0
  - pip:
      - xgboost==2.0.0
prefix: /home/maria/miniconda3/envs/ds
`;

/** The cookiecutter-data-science (v1) skeleton nobody filled in: the work is in the notebooks. */
export const CCDS_SKELETON: Tree = {
  "README.md": "ds-project\n==============================\n\nA short description of the project.\n",
  "setup.py":
    "from setuptools import find_packages, setup\n\nsetup(\n    name='src',\n    packages=find_packages(),\n    version='0.1.0',\n    description='A short description of the project.',\n    author='Maria',\n    license='MIT',\n)\n",
  "requirements.txt":
    "# local package\n-e .\n\n# external requirements\nclick\nSphinx\ncoverage\nawscli\nflake8\npython-dotenv>=0.5.1\n",
  Makefile:
    ".PHONY: data\n\ndata: requirements\n\t$(PYTHON_INTERPRETER) src/data/make_dataset.py data/raw data/processed\n",
  "data/raw/.gitkeep": "",
  "data/processed/.gitkeep": "",
  "models/.gitkeep": "",
  "notebooks/1.0-mk-initial-data-exploration.ipynb": notebook(
    "import pandas as pd\nimport seaborn as sns\nfrom sklearn.ensemble import RandomForestClassifier\n",
    'df = pd.read_csv("../data/raw/churn.csv")\ndf.head()\n',
    "model = RandomForestClassifier(n_estimators=300, random_state=42)\nmodel.fit(df.drop(columns=['churn']), df['churn'])\n",
  ),
  "src/__init__.py": "",
  "src/data/__init__.py": "",
  "src/data/make_dataset.py":
    "# -*- coding: utf-8 -*-\nimport click\nimport logging\nfrom pathlib import Path\nfrom dotenv import find_dotenv, load_dotenv\n\n\n@click.command()\n@click.argument('input_filepath', type=click.Path(exists=True))\n@click.argument('output_filepath', type=click.Path())\ndef main(input_filepath, output_filepath):\n    \"\"\" Runs data processing scripts to turn raw data from (../raw) into\n        cleaned data ready to be analyzed (saved in ../processed).\n    \"\"\"\n    logger = logging.getLogger(__name__)\n    logger.info('making final data set from raw data')\n\n\nif __name__ == '__main__':\n    log_fmt = '%(asctime)s - %(name)s - %(levelname)s - %(message)s'\n    logging.basicConfig(level=logging.INFO, format=log_fmt)\n    project_dir = Path(__file__).resolve().parents[2]\n    load_dotenv(find_dotenv())\n    main()\n",
  "src/features/__init__.py": "",
  "src/features/build_features.py": "",
  "src/models/__init__.py": "",
  "src/models/predict_model.py": "",
  "src/models/train_model.py": "",
  "src/visualization/__init__.py": "",
  "src/visualization/visualize.py": "",
  "tox.ini": "[flake8]\nmax-line-length = 79\nmax-complexity = 10\n",
};

/** A FastAPI model service with an `app/` package, pydantic settings and pinned requirements. */
export const FASTAPI_SERVICE: Tree = {
  "README.md":
    "# Churn API\n\nServes the churn model.\n\n```bash\npip install -r requirements.txt\nuvicorn app.main:app\n```\n",
  "requirements.txt":
    "fastapi==0.110.0\nuvicorn[standard]==0.29.0\npydantic-settings==2.2.1\nscikit-learn==1.4.1.post1\njoblib==1.3.2\nnumpy==1.26.4\n",
  "requirements-dev.txt": "-r requirements.txt\npytest==8.1.1\nhttpx==0.27.0\n",
  ".env.example": "MODEL_PATH=models/model.joblib\nLOG_LEVEL=INFO\n",
  Dockerfile: 'FROM python:3.11-slim\nCOPY . /app\nCMD ["uvicorn", "app.main:app"]\n',
  "app/__init__.py": "",
  "app/config.py":
    '"""Service settings, read from the environment."""\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass Settings(BaseSettings):\n    """Where the model lives and how loud to log."""\n\n    model_config = SettingsConfigDict(env_file=".env")\n    model_path: str = "models/model.joblib"\n    log_level: str = "INFO"\n\n\nsettings = Settings()\n',
  "app/main.py":
    '"""HTTP entry point."""\nimport logging\n\nimport joblib\nfrom fastapi import FastAPI\n\nfrom app.config import settings\nfrom app.schemas import Prediction, Customer\n\nlogger = logging.getLogger(__name__)\napp = FastAPI(title="churn")\nmodel = joblib.load(settings.model_path)\n\n\n@app.post("/predict", response_model=Prediction)\ndef predict(customer: Customer) -> Prediction:\n    """Score one customer."""\n    proba = model.predict_proba([customer.features()])[0][1]\n    return Prediction(churn_probability=float(proba))\n',
  "app/schemas.py":
    '"""Request and response bodies."""\nfrom pydantic import BaseModel, Field\n\n\nclass Customer(BaseModel):\n    tenure: int = Field(ge=0)\n    monthly_charges: float\n\n    def features(self) -> list[float]:\n        return [self.tenure, self.monthly_charges]\n\n\nclass Prediction(BaseModel):\n    churn_probability: float\n',
  "app/model.py":
    '"""Training the churn model."""\nimport joblib\nimport numpy as np\nfrom sklearn.linear_model import LogisticRegression\n\n\ndef train(x: np.ndarray, y: np.ndarray, path: str) -> LogisticRegression:\n    """Fit and save the model."""\n    model = LogisticRegression(max_iter=1000).fit(x, y)\n    joblib.dump(model, path)\n    return model\n',
  "tests/__init__.py": "",
  "tests/test_api.py":
    "from fastapi.testclient import TestClient\n\nfrom app.main import app\n\n\ndef test_predict():\n    client = TestClient(app)\n    r = client.post('/predict', json={'tenure': 3, 'monthly_charges': 70.5})\n    assert r.status_code == 200\n",
};

/** A Kaggle competition repo: one notebook and the competition's CSV files. */
export const KAGGLE: Tree = {
  "README.md": "# Titanic\n\nMy submission to the Titanic competition (0.78 public LB).\n",
  "train.csv": blob(61_194),
  "test.csv": blob(28_629),
  "submission.csv": blob(3_258),
  "titanic.ipynb": notebook(
    "import numpy as np\nimport pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n",
    "EPOCHS = 10\nN_ESTIMATORS = 500\nMAX_DEPTH = 7\n",
    "train = pd.read_csv('/kaggle/input/titanic/train.csv')\ntest = pd.read_csv('/kaggle/input/titanic/test.csv')\n",
    "model = RandomForestClassifier(n_estimators=N_ESTIMATORS, max_depth=MAX_DEPTH)\n",
  ),
};
