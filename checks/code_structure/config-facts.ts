/**
 * Facts for code_structure.configuration: where settings live (config files, Hydra, pydantic
 * settings, environment variables, command-line options) and where they are hard-coded
 * instead (machine-specific absolute paths, hyper-parameters assigned at module level).
 * Python is read through the shared tokenizer, so a path in a comment never counts.
 */
import type { RepoView } from "../../src/engine/check.js";
import { jsSources } from "../lib/javascript.js";
import { isOwnCode, isTestPath, NOTEBOOK_GLOBS, PYTHON_GLOBS } from "../lib/languages.js";
import { notebookCode, pythonSources, pythonTokens } from "../lib/python.js";
import type { Tokenized } from "../lib/python-tokenize.js";
import { jsEnvRead } from "./js-env.js";
import { isToolingPath } from "./layout.js";
import { isWork } from "./work.js";

/** A place in a file. */
export interface Site {
  readonly path: string;
  readonly line: number;
  readonly detail: string;
}

/** Everything the configuration check weighs. */
export interface ConfigFacts {
  readonly configFiles: readonly string[];
  readonly envTemplates: readonly string[];
  readonly hydra: readonly Site[];
  readonly settingsClasses: readonly Site[];
  readonly configLoads: readonly Site[];
  readonly envReads: readonly Site[];
  readonly cliOptions: readonly Site[];
  /** config.py, settings.py, constants.py...: settings in one module of their own. */
  readonly configModules: readonly string[];
  readonly hardPaths: readonly Site[];
  /** Files with two or more hyper-parameters written as literals (module-level assignments, call arguments). */
  readonly hardParams: readonly Site[];
  /** Where the code runs work of its own (a notebook, a main guard, a script's top level, a server): what settings serve. */
  readonly runs: readonly Site[];
  /** Own, non-test Python files and notebooks looked at. */
  readonly codeFiles: number;
}

const CONFIG_DIR = /(^|\/)(conf|config|configs|configuration|settings|params|hparams)\//i;
const CONFIG_EXT = /\.(ya?ml|toml|json|jsonc|ini|cfg|conf)$/i;
const CONFIG_NAME =
  /(^|\/)(params?|hparams?|hyperparams?|hyperparameters?|config|settings|[\w-]+[_.-](config|conf|params|settings))\.(ya?ml|toml|json|ini|cfg)$/i;
/** Files named like config that configure a tool, not the project. */
const TOOL_CONFIG =
  /(^|\/)(\.github|\.devcontainer|\.vscode|\.idea|node_modules|docs?)\/|(^|\/)(\.pre-commit-config|\.?codecov|mkdocs|\.readthedocs|docker-compose[\w.-]*|compose|environment|dvc|tsconfig[\w.-]*|jsconfig|package|package-lock|renovate|\.?eslintrc[\w.-]*|\.?prettierrc[\w.-]*|biome|app|vercel|netlify|firebase|\.?babelrc|turbo|nx|lerna|components)\.(ya?ml|json|jsonc|toml)$/i;
/** Weights and tokenizers: the folder that holds them is a saved model. */
const MODEL_FILES = ["**/*.{safetensors,bin,pt,pth,ckpt,h5,onnx,msgpack,tflite}", "**/tokenizer.json"];
/** Files transformers saves with a model, whatever folder they are in. */
const HF_MODEL_CONFIG =
  /(^|\/)(tokenizer_config|generation_config|preprocessor_config|adapter_config|special_tokens_map)\.json$/;
/** Every file CONFIG_EXT or CONFIG_NAME can match has one of these extensions. */
const CONFIG_EXT_GLOBS = ["**/*.{yml,yaml,toml,json,jsonc,ini,cfg,conf}"];
/** The base names ENV_TEMPLATE matches. */
const ENV_TEMPLATE_GLOBS = [
  "**/.env.{example,sample,template,dist,default,defaults,local.example}",
  "**/{example,sample}.env",
];
/** The base names CONFIG_MODULE matches. */
const CONFIG_MODULE_GLOBS = [
  "**/{config,configs,settings,conf,constants,params,parameters,hparams,hyperparams,hyperparameters}.py",
  "**/{params,parameters}/*.py",
];
const ENV_TEMPLATE =
  /(^|\/)\.env\.(example|sample|template|dist|defaults?|local\.example)$|(^|\/)(example|sample)\.env$/i;
/**
 * A settings module of its own (`config.py`, `parameters.py`), or a module of a parameters
 * package (`parameters/paths.py`). A `config/` package is not enough: Django projects keep
 * their urls.py and wsgi.py there.
 */
const CONFIG_MODULE =
  /(^|\/)(config|configs|settings|conf|constants|params|parameters|hparams|hyperparams|hyperparameters)\.py$|(^|\/)(params|parameters)\/(?!__init__\.py$)[^/]+\.py$/;

/** Files a framework generates, whose environment line (DJANGO_SETTINGS_MODULE) is no setting of the project's. */
const FRAMEWORK_BOILERPLATE = /(^|\/)(manage|wsgi|asgi)\.py$/;

const LOAD_CALLS =
  /^(yaml\.(safe_load|load|full_load)|(omegaconf\.)?OmegaConf\.(load|create)|tomllib\.load|tomli\.load|toml\.load|(configparser\.)?ConfigParser|(hydra\.)?compose|dvc\.api\.params_show|params_show)$/;
/** Reading the environment; loading a .env file is the same habit, not a second one. */
const ENV_CALLS =
  /^(os\.getenv|getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault|load_dotenv|dotenv\.load_dotenv|dotenv_values)$/;
const CLI_CALLS =
  /^(argparse\.ArgumentParser|ArgumentParser|typer\.Typer|fire\.Fire|click\.command|click\.option|jsonargparse\.\w+)$|^(absl\.flags|tensorflow\.(compat\.v1\.)?(app\.)?flags|tf\.(compat\.v1\.)?(app\.)?flags|flags)\.DEFINE_\w+$/;
const HYPER =
  /^(lr|learning_rate|epochs?|num_epochs|n_epochs|max_epochs|batch_size|n_estimators|max_depth|dropout(_rate)?|hidden_(size|dim|units)|num_layers|n_layers|weight_decay|momentum|patience|warmup_steps|max_len|max_length|seq_len|embed(ding)?_dim|num_heads|test_size|val_size|valid_size|random_state|seed|random_seed|num_classes|img_size|image_size|n_splits|k_folds|min_samples_split|min_samples_leaf)$/i;
/** Model hyper-parameters passed as literal keyword arguments (`LogisticRegression(C=4, max_iter=1000)`); seeds apart. */
const HYPER_KWARG =
  /^(lr|learning_rate|epochs?|num_epochs|n_epochs|max_epochs|batch_size|n_estimators|max_depth|dropout(_rate)?|hidden_(size|dim|units)|num_layers|n_layers|weight_decay|momentum|patience|warmup_steps|max_len|max_length|embed(ding)?_dim|num_heads|test_size|num_classes|n_splits|min_samples_split|min_samples_leaf|max_iter|max_features|C|alpha|num_leaves|n_neighbors|subsample|colsample_bytree|reg_lambda|reg_alpha|gamma)$/;
/** Absolute paths that only exist on one machine or one hosted notebook. */
const MACHINE_PATH =
  /^(?:[rRuUbBfF]{0,2})(['"]{1,3})(?:[A-Za-z]:(?:\\\\|\\|\/)|\/home\/[A-Za-z_][\w.-]*\/|\/Users\/[\w. -]+\/|\/content\/drive\/|\/content\/gdrive\/|\/kaggle\/(?:input|working)\b|\/mnt\/[a-z]\/Users\/)/;

interface Tokens {
  paths: Site[];
  params: { line: number; name: string }[];
  environ: number | undefined;
}

/** True when `environ` at index i is assigned to (`os.environ["X"] = ...`): setting, not reading. */
function environWrite(t: readonly { text: string }[], i: number): boolean {
  if (t[i + 1]?.text !== "[") return false;
  let depth = 0;
  for (let j = i + 1; j < t.length; j++) {
    const text = t[j]?.text;
    if (text === "[") depth++;
    else if (text === "]" && --depth === 0) return t[j + 1]?.text === "=";
  }
  return false;
}

function scanTokens(tokenized: Tokenized, at: (line: number) => number): Tokens {
  const out: Tokens = { paths: [], params: [], environ: undefined };
  for (const line of tokenized.lines) {
    const t = line.tokens;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i];
      if (!tok) continue;
      if ((tok.kind === "string" || tok.kind === "fstring") && MACHINE_PATH.test(tok.text))
        out.paths.push({ path: "", line: at(tok.line), detail: tok.text.slice(0, 60) });
      if (tok.kind === "name" && tok.text === "environ" && out.environ === undefined && !environWrite(t, i))
        out.environ = at(tok.line);
    }
    // Literal hyper-parameters passed to calls; a def's defaults are parameters, not settings.
    if (t[0]?.text !== "def" && t[0]?.text !== "async" && t[0]?.text !== "class") {
      let depth = 0;
      for (let i = 0; i < t.length; i++) {
        const text = t[i]?.text;
        if (text === "(") depth++;
        else if (text === ")") depth--;
        else if (depth > 0 && t[i]?.kind === "name" && t[i + 1]?.text === "=" && HYPER_KWARG.test(text ?? "")) {
          const value = t[i + 2]?.text === "-" ? t[i + 3] : t[i + 2];
          const next = t[i + (t[i + 2]?.text === "-" ? 4 : 3)]?.text;
          if (value?.kind === "number" && (next === "," || next === ")"))
            out.params.push({ line: at(t[i]?.line ?? 1), name: text ?? "" });
        }
      }
    }
    // `EPOCHS = 50`, `lr: float = 1e-3` at module level (a notebook cell's top level too).
    if (line.indent === 0 && t[0]?.kind === "name" && HYPER.test(t[0].text)) {
      const eq = t[1]?.text === "=" ? 2 : t[1]?.text === ":" && t[3]?.text === "=" ? 4 : -1;
      const value = t[eq]?.text === "-" ? t[eq + 1] : t[eq];
      if (eq > 0 && value?.kind === "number" && t.length <= eq + 2)
        out.params.push({ line: at(t[0].line), name: t[0].text });
    }
  }
  return out;
}

const cache = new WeakMap<RepoView, ConfigFacts>();

/** The configuration facts of a repository (memoised per view). */
export function configFacts(repo: RepoView): ConfigFacts {
  const hit = cache.get(repo);
  if (hit) return hit;
  // The index narrows each family to its extension or names first; the patterns decide.
  const own = (globs: readonly string[]) =>
    repo
      .glob(globs, { nocase: true })
      .map((f) => f.path)
      .filter((p) => isOwnCode(p) && !isTestPath(p));
  // A saved model's config.json (Hugging Face writes one beside the weights) describes the model, not the project.
  const modelDirs = new Set(repo.glob(MODEL_FILES).map((f) => f.path.slice(0, f.path.lastIndexOf("/") + 1)));
  const configFiles = own(CONFIG_EXT_GLOBS)
    .filter((p) => ((CONFIG_DIR.test(p) && CONFIG_EXT.test(p)) || CONFIG_NAME.test(p)) && !TOOL_CONFIG.test(p))
    .filter((p) => !HF_MODEL_CONFIG.test(p) && !modelDirs.has(p.slice(0, p.lastIndexOf("/") + 1)));
  const envTemplates = repo
    .glob(ENV_TEMPLATE_GLOBS, { nocase: true })
    .filter((f) => ENV_TEMPLATE.test(f.path) && isOwnCode(f))
    .map((f) => f.path);
  // docs/conf.py configures Sphinx, not the project.
  const configModules = own(CONFIG_MODULE_GLOBS).filter((p) => CONFIG_MODULE.test(p) && !isToolingPath(p));

  const hydra: Site[] = [];
  const settingsClasses: Site[] = [];
  const configLoads: Site[] = [];
  const envReads: Site[] = [];
  const cliOptions: Site[] = [];
  const hardPaths: Site[] = [];
  const hardParams: Site[] = [];
  const runs: Site[] = [];
  let codeFiles = 0;
  for (const f of pythonSources(repo, { notebooks: true })) {
    if (f.test) continue;
    codeFiles++;
    const s = f.source;
    const work = s.topLevelCalls.find((c) => isWork(c.callee));
    if (f.notebook) runs.push({ path: f.path, line: 1, detail: "notebook" });
    else if (s.hasMainGuard) runs.push({ path: f.path, line: 1, detail: "main guard" });
    else if (work) runs.push({ path: f.path, line: work.line, detail: `${work.callee}() at import` });
    // A Streamlit or Gradio app is a script its framework runs top to bottom.
    else if (s.imports.some((i) => /^(streamlit|gradio)(\.|$)/.test(i.module)))
      runs.push({ path: f.path, line: 1, detail: "a Streamlit/Gradio app" });
    for (const imp of s.imports) {
      if (imp.module === "hydra" || imp.module.startsWith("hydra."))
        hydra.push({ path: f.path, line: imp.line, detail: "import hydra" });
      if ((imp.module === "pydantic_settings" || imp.module === "pydantic") && imp.names.includes("BaseSettings"))
        settingsClasses.push({ path: f.path, line: imp.line, detail: `from ${imp.module} import BaseSettings` });
      if (imp.module === "environs" || imp.module === "decouple" || imp.module === "dynaconf")
        configLoads.push({ path: f.path, line: imp.line, detail: imp.module });
    }
    for (const d of s.decorators) {
      if (d.name === "hydra.main") hydra.push({ path: f.path, line: d.line, detail: "@hydra.main" });
      if (/^(click\.(command|option)|app\.command)$/.test(d.name))
        cliOptions.push({ path: f.path, line: d.line, detail: `@${d.name}` });
    }
    for (const c of s.calls) {
      if (LOAD_CALLS.test(c.callee)) configLoads.push({ path: f.path, line: c.line, detail: `${c.callee}()` });
      else if (ENV_CALLS.test(c.callee) && !FRAMEWORK_BOILERPLATE.test(f.path))
        envReads.push({ path: f.path, line: c.line, detail: `${c.callee}()` });
      else if (CLI_CALLS.test(c.callee)) cliOptions.push({ path: f.path, line: c.line, detail: `${c.callee}()` });
    }
  }

  // Literal strings and module-level assignments need the tokens themselves.
  const scan = (path: string, code: string, at: (line: number) => number) => {
    const t = scanTokens(pythonTokens(repo, code), at);
    for (const p of t.paths) hardPaths.push({ ...p, path });
    if (t.environ !== undefined && !FRAMEWORK_BOILERPLATE.test(path))
      envReads.push({ path, line: t.environ, detail: "os.environ" });
    if (t.params.length >= 2 && !CONFIG_MODULE.test(path))
      hardParams.push({
        path,
        line: t.params[0]?.line ?? 1,
        detail: t.params
          .map((p) => p.name)
          .slice(0, 5)
          .join(", "),
      });
  };
  for (const f of repo.read(PYTHON_GLOBS)) if (isOwnCode(f.path) && !isTestPath(f.path)) scan(f.path, f.text, (l) => l);
  for (const f of repo.read(NOTEBOOK_GLOBS)) {
    if (!isOwnCode(f.path) || isTestPath(f.path)) continue;
    const nb = notebookCode(f.text);
    if (!nb.ok) continue;
    const map = nb.value.fileLines;
    scan(f.path, nb.value.code, (l) => map[l - 1] || 1);
  }

  for (const f of jsSources(repo)) {
    if (f.test) continue;
    const dotenv = f.source.imports.find((i) =>
      /^(dotenv|dotenv\/config|config|convict|envalid|env-var|@nestjs\/config|@t3-oss\/env-\w+)$/.test(i.module),
    );
    if (dotenv) configLoads.push({ path: f.path, line: dotenv.line, detail: `import ${dotenv.module}` });
    const env = jsEnvRead(repo.text(f.path) ?? "", f.path);
    if (env) envReads.push({ path: f.path, ...env });
    const listen = f.source.calls.find((c) => /(^|\.)(listen|createServer|serve)$/.test(c.callee));
    if (listen) runs.push({ path: f.path, line: listen.line, detail: `${listen.callee}()` });
  }

  const facts: ConfigFacts = {
    configFiles,
    envTemplates,
    hydra,
    settingsClasses,
    configLoads,
    envReads: dedupeByFile(envReads),
    cliOptions,
    configModules,
    hardPaths,
    hardParams,
    runs,
    codeFiles,
  };
  cache.set(repo, facts);
  return facts;
}

function dedupeByFile(sites: readonly Site[]): Site[] {
  const seen = new Set<string>();
  return sites.filter((s) => !seen.has(s.path) && seen.add(s.path));
}
