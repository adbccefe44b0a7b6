/**
 * From a Python import to the distribution a manifest must declare: the standard library is
 * left out, and the packages whose import name differs from their PyPI name are mapped.
 */
import { normalizeName } from "../lib/requirements.js";

/** `sys.stdlib_module_names` of CPython 3.12, plus Python 2 names old tutorials still import. */
const STDLIB = new Set(
  (
    "__future__ __main__ _thread abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 " +
    "bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections " +
    "colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses " +
    "dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler " +
    "fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib " +
    "grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json " +
    "keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib " +
    "msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev " +
    "pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty " +
    "pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter " +
    "runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver " +
    "spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau " +
    "symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit " +
    "tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata " +
    "unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp " +
    "zipfile zipimport zlib zoneinfo urllib2 urlparse httplib ConfigParser cPickle StringIO Queue commands"
  ).split(" "),
);

/** True for a standard-library top-level module. */
export function isStdlib(root: string): boolean {
  return STDLIB.has(root);
}

/** Import names whose distribution has another name (lower-cased import root -> distributions). */
const DISTRIBUTIONS: Record<string, readonly string[]> = {
  sklearn: ["scikit-learn"],
  skimage: ["scikit-image"],
  cv2: ["opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"],
  pil: ["pillow"],
  yaml: ["pyyaml"],
  dotenv: ["python-dotenv"],
  bs4: ["beautifulsoup4"],
  dateutil: ["python-dateutil"],
  jwt: ["pyjwt"],
  jose: ["python-jose"],
  multipart: ["python-multipart"],
  attr: ["attrs"],
  google: ["protobuf", "google-cloud-storage", "google-cloud-bigquery", "google-api-python-client", "google-auth"],
  googleapiclient: ["google-api-python-client"],
  rest_framework: ["djangorestframework"],
  rest_framework_simplejwt: ["djangorestframework-simplejwt"],
  corsheaders: ["django-cors-headers"],
  django_filters: ["django-filter"],
  environ: ["django-environ"],
  decouple: ["python-decouple"],
  yaml_include: ["pyyaml-include"],
  tensorflow: ["tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos", "tf-nightly"],
  torch: ["torch", "pytorch"],
  faiss: ["faiss-cpu", "faiss-gpu"],
  mpl_toolkits: ["matplotlib"],
  pkg_resources: ["setuptools"],
  setuptools: ["setuptools"],
  sentence_transformers: ["sentence-transformers"],
  umap: ["umap-learn"],
  hdbscan: ["hdbscan"],
  fitz: ["pymupdf"],
  docx: ["python-docx"],
  pptx: ["python-pptx"],
  magic: ["python-magic"],
  serial: ["pyserial"],
  usb: ["pyusb"],
  crypto: ["pycryptodome", "pycrypto"],
  cryptodome: ["pycryptodomex"],
  openssl: ["pyopenssl"],
  zmq: ["pyzmq"],
  psycopg2: ["psycopg2", "psycopg2-binary"],
  mysqldb: ["mysqlclient"],
  pymysql: ["pymysql"],
  sqlalchemy: ["sqlalchemy"],
  lightgbm: ["lightgbm"],
  catboost: ["catboost"],
  xgboost: ["xgboost"],
  speech_recognition: ["speechrecognition"],
  telegram: ["python-telegram-bot"],
  discord: ["discord-py", "py-cord"],
  gi: ["pygobject"],
  win32api: ["pywin32"],
  win32com: ["pywin32"],
  websocket: ["websocket-client"],
  socketio: ["python-socketio"],
  engineio: ["python-engineio"],
  slugify: ["python-slugify"],
  levenshtein: ["python-levenshtein", "levenshtein"],
  ruamel: ["ruamel-yaml"],
  typing_extensions: ["typing-extensions"],
  pydantic_settings: ["pydantic-settings"],
  lxml: ["lxml"],
  tesserocr: ["tesserocr"],
  pytesseract: ["pytesseract"],
  wandb: ["wandb"],
  mlflow: ["mlflow", "mlflow-skinny"],
  prometheus_client: ["prometheus-client"],
  opentelemetry: [
    "opentelemetry-api",
    "opentelemetry-sdk",
    "opentelemetry-distro",
    "opentelemetry-instrumentation-fastapi",
  ],
  sentry_sdk: ["sentry-sdk"],
  pyspark: ["pyspark"],
  tf_keras: ["tf-keras"],
  keras: ["keras", "tensorflow"],
  huggingface_hub: ["huggingface-hub"],
  llama_index: ["llama-index", "llama-index-core"],
  langchain_community: ["langchain-community"],
  langchain_openai: ["langchain-openai"],
  gym: ["gym", "gymnasium"],
  imblearn: ["imbalanced-learn"],
  category_encoders: ["category-encoders"],
  statsmodels: ["statsmodels"],
  pandas_profiling: ["pandas-profiling", "ydata-profiling"],
  ydata_profiling: ["ydata-profiling"],
  great_expectations: ["great-expectations"],
  skopt: ["scikit-optimize"],
  yellowbrick: ["yellowbrick"],
  nltk: ["nltk"],
  spacy: ["spacy"],
  gensim: ["gensim"],
  git: ["gitpython"],
  github: ["pygithub"],
  dns: ["dnspython"],
  markdown: ["markdown"],
  ldap: ["python-ldap"],
  memcache: ["python-memcached"],
  nacl: ["pynacl"],
  osgeo: ["gdal"],
  pylab: ["matplotlib"],
  tensorboardx: ["tensorboardx"],
  torchvision: ["torchvision"],
  simple_parsing: ["simple-parsing"],
  streamlit_option_menu: ["streamlit-option-menu"],
};

/**
 * Packages that install these import roots as their own dependencies: a repository that
 * declares pandas and imports numpy is not missing numpy in any way a reader would care about.
 */
const PROVIDED_BY: Record<string, readonly string[]> = {
  wtforms: ["flask-wtf"],
  numpy: [
    "pandas",
    "scipy",
    "scikit-learn",
    "matplotlib",
    "torch",
    "tensorflow",
    "tensorflow-cpu",
    "opencv-python",
    "opencv-python-headless",
    "xgboost",
    "lightgbm",
    "seaborn",
    "statsmodels",
    "transformers",
    "keras",
    "jax",
    "scikit-image",
    "catboost",
  ],
  scipy: ["scikit-learn", "statsmodels", "xgboost", "lightgbm", "scikit-image", "seaborn"],
  joblib: ["scikit-learn"],
  pandas: ["seaborn", "statsmodels", "mlflow", "ydata-profiling", "pandas-profiling"],
  matplotlib: ["seaborn"],
  pil: ["matplotlib", "torchvision", "scikit-image"],
  dateutil: ["pandas", "matplotlib"],
  pytz: ["pandas"],
  pydantic: ["fastapi", "pydantic-settings"],
  starlette: ["fastapi"],
  click: ["flask", "uvicorn", "typer", "mlflow"],
  jinja2: ["flask", "mlflow"],
  werkzeug: ["flask"],
  requests: ["mlflow", "transformers", "huggingface-hub", "wandb", "kaggle", "streamlit"],
  tqdm: ["transformers", "huggingface-hub", "datasets", "nltk"],
  yaml: ["transformers", "huggingface-hub", "mlflow", "omegaconf", "hydra-core", "wandb"],
  keras: ["tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos"],
  tensorboard: ["tensorflow", "tensorflow-cpu"],
  google: ["tensorflow", "tensorflow-cpu", "google-cloud-storage", "google-cloud-bigquery"],
  huggingface_hub: ["transformers", "datasets", "sentence-transformers"],
  tokenizers: ["transformers"],
  safetensors: ["transformers"],
  omegaconf: ["hydra-core"],
  typing_extensions: ["pydantic", "torch", "fastapi"],
  six: ["python-dateutil", "pandas"],
  packaging: ["matplotlib", "transformers", "pytest"],
  setuptools: ["torch"],
  pkg_resources: ["torch"],
  anyio: ["starlette", "httpx", "fastapi"],
  h11: ["uvicorn"],
  sqlalchemy: ["mlflow", "optuna", "alembic"],
  torch: ["torchvision", "pytorch-lightning", "lightning", "sentence-transformers"],
  filelock: ["torch", "transformers"],
  regex: ["transformers", "nltk"],
  fsspec: ["datasets", "torch"],
};

/** The distributions that satisfy an import root, normalised; the import name itself by default. */
export function distributionsFor(root: string): readonly string[] {
  // Own keys only: `import constructor` must not find Object.prototype's.
  const mapped = Object.hasOwn(DISTRIBUTIONS, root)
    ? DISTRIBUTIONS[root]
    : Object.hasOwn(DISTRIBUTIONS, root.toLowerCase())
      ? DISTRIBUTIONS[root.toLowerCase()]
      : undefined;
  return mapped ? mapped.map(normalizeName) : [normalizeName(root)];
}

/**
 * True when the declared distributions cover an import root: by name, by the mapping above,
 * as a namespace (`import azure` and `azure-storage-blob`, `google` and `google-cloud-storage`),
 * or installed by a declared package as its own dependency.
 */
export function isDeclared(root: string, declared: ReadonlySet<string>): boolean {
  const names = distributionsFor(root);
  if (names.some((d) => declared.has(d))) return true;
  const prefix = `${normalizeName(root)}-`;
  for (const d of declared) if (d.startsWith(prefix)) return true;
  const key = root.toLowerCase();
  return (Object.hasOwn(PROVIDED_BY, key) ? (PROVIDED_BY[key] ?? []) : []).some((d) => declared.has(normalizeName(d)));
}
