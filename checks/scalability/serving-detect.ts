/**
 * What serves a model in a repository: HTTP APIs and model servers, interactive demos, request
 * validation and model loading, read from Python imports and resolved calls (and JS imports).
 */
import type { RepoView } from "../../src/engine/check.js";
import { jsImportsModule, jsSources } from "../lib/javascript.js";
import { type PythonFile, type PythonImport, pythonSources } from "../lib/python.js";
import { inPackage, resolvedCalls } from "./usage.js";

/** A place where something was seen. */
export interface Sighting {
  readonly path: string;
  readonly line: number;
  /** What it is, for messages: "FastAPI", "joblib.load", "pydantic". */
  readonly what: string;
}

/** Web frameworks: an app object or a route decorator must be seen, not just the import. */
const WEB_FRAMEWORKS: Readonly<Record<string, string>> = {
  fastapi: "FastAPI",
  flask: "Flask",
  starlette: "Starlette",
  litestar: "Litestar",
  sanic: "Sanic",
  quart: "Quart",
  "aiohttp.web": "aiohttp",
  "tornado.web": "Tornado",
  falcon: "Falcon",
  bottle: "Bottle",
  django: "Django",
  rest_framework: "Django REST framework",
  ninja: "Django Ninja",
  chalice: "Chalice",
};

/** Model servers and cloud function runtimes: their import is the serving set-up; they type their inputs. */
const MODEL_SERVERS: Readonly<Record<string, string>> = {
  "ray.serve": "Ray Serve",
  bentoml: "BentoML",
  "ts.torch_handler": "TorchServe",
  mlserver: "MLServer",
  kserve: "KServe",
  litserve: "LitServe",
  cog: "Cog",
  seldon_core: "Seldon Core",
  functions_framework: "Cloud Functions",
  "azure.functions": "Azure Functions",
  mangum: "AWS Lambda (Mangum)",
  aws_lambda_powertools: "AWS Lambda Powertools",
  modal: "Modal",
};

/** Interactive demos: useful, but not an API another service can call. */
const DEMOS: Readonly<Record<string, string>> = {
  streamlit: "Streamlit",
  gradio: "Gradio",
  dash: "Dash",
  panel: "Panel",
  shiny: "Shiny",
  nicegui: "NiceGUI",
};

/** Request validation libraries, per ecosystem. */
const PY_VALIDATION = [
  "pydantic",
  "sqlmodel",
  "marshmallow",
  "flask_pydantic",
  "flask_wtf",
  "wtforms",
  "webargs",
  "flask_smorest",
  "flask_restx",
  "apiflask",
  "spectree",
  "flask_openapi3",
  "jsonschema",
  "cerberus",
  "voluptuous",
  "rest_framework.serializers",
  "ninja",
  "django.forms",
  "aws_lambda_powertools.utilities.parser",
  "aws_lambda_powertools.utilities.validation",
];

const ROUTE_DECORATOR = /\.(get|post|put|patch|delete|route|api_route|websocket|api|endpoint)$/;
/** Constructors of web application objects, by their resolved dotted name. */
export const APP_CONSTRUCTORS =
  /^(fastapi\.(FastAPI|APIRouter)|flask\.(Flask|Blueprint)|starlette\.applications\.Starlette|litestar\.Litestar|sanic\.Sanic|quart\.Quart|falcon\.(App|API|asgi\.App)|aiohttp\.web\.Application|tornado\.web\.Application|bottle\.Bottle|chalice\.Chalice|ninja\.NinjaAPI)$/;

/** Calls that load a trained model (resolved through imports). */
const MODEL_LOADS =
  /^(joblib\.load|pickle\.loads?|cloudpickle\.loads?|dill\.loads?|torch\.(load|jit\.load)|onnxruntime\.InferenceSession|tensorflow\.saved_model\.load|tensorflow_hub\.load|spacy\.load|whisper\.load_model|ultralytics\.YOLO|sentence_transformers\.SentenceTransformer|skops\.io\.load|transformers\.pipeline)$|\.load_model$|\.from_pretrained$|^mlflow\.[a-z_.]*load_model$|^bentoml\.models\.get$|^(xgboost|lightgbm)\.Booster$/;

/** `from_pretrained` of what comes with a model but is not one: tokenizers, processors, configs. */
const NOT_A_MODEL = /(Tokenizer\w*|Processor|FeatureExtractor|Config)\.from_pretrained$/;

/** Hosted models called through their SDKs: an API that wraps an LLM serves model output too. */
const HOSTED_MODELS = [
  "openai",
  "anthropic",
  "google.generativeai",
  "google.genai",
  "cohere",
  "langchain",
  "langchain_openai",
  "llama_index",
  "huggingface_hub",
  "replicate",
  "groq",
  "mistralai",
];

/** JS servers, model runtimes and validators. */
const JS_SERVERS = ["express", "fastify", "koa", "@hapi/hapi", "hono", "@nestjs/core", "restify"];
const JS_MODELS = [
  "onnxruntime-node",
  "onnxruntime-web",
  "@tensorflow/tfjs-node",
  "@tensorflow/tfjs",
  "@xenova/transformers",
  "@huggingface/transformers",
  "@huggingface/inference",
  "openai",
  "@anthropic-ai/sdk",
  "@google/generative-ai",
  "langchain",
  "@langchain/core",
  "@langchain/openai",
  "replicate",
  "ml5",
  "brain.js",
];
const JS_VALIDATION = [
  "zod",
  "joi",
  "@hapi/joi",
  "yup",
  "ajv",
  "express-validator",
  "class-validator",
  "celebrate",
  "@sinclair/typebox",
  "valibot",
  "superstruct",
];

/** Everything the serving check needs to decide. */
export interface ServingFacts {
  readonly apis: readonly Sighting[];
  readonly demos: readonly Sighting[];
  /** Validation seen in the API code's reach (or anywhere for JS). */
  readonly validation: readonly Sighting[];
  /** Model loads (or hosted-model clients) in the API code's reach. */
  readonly models: readonly Sighting[];
  /** Model loads anywhere in the project's code (batch scripts included). */
  readonly anyModel: readonly Sighting[];
}

function importOf(file: PythonFile, roots: readonly string[]): { root: string; line: number } | undefined {
  for (const imp of file.source.imports)
    for (const root of roots)
      if (inPackage(imp.module, root) || imp.names.some((n) => inPackage(`${imp.module}.${n}`, root)))
        return { root, line: imp.line };
  return undefined;
}

/** Names pydantic exports for settings, not for request bodies. */
const SETTINGS_NAMES = new Set(["BaseSettings", "SettingsConfigDict"]);

/** An import of pydantic that brings in settings classes only. */
function settingsOnly(imp: PythonImport): boolean {
  return imp.module === "pydantic" && imp.names.length > 0 && imp.names.every((n) => SETTINGS_NAMES.has(n));
}

function webApi(file: PythonFile): Sighting | undefined {
  const imp = importOf(file, Object.keys(WEB_FRAMEWORKS));
  if (!imp) return undefined;
  const what = WEB_FRAMEWORKS[imp.root] ?? imp.root;
  const app = resolvedCalls(file.source).find((c) => APP_CONSTRUCTORS.test(c.callee));
  const route = file.source.decorators.find((d) => ROUTE_DECORATOR.test(d.name));
  // Django and DRF declare views as classes and urls as lists: the import is the app.
  const line = app?.line ?? route?.line ?? (/^(django|rest_framework|ninja)$/.test(imp.root) ? imp.line : undefined);
  return line === undefined ? undefined : { path: file.path, line, what };
}

/** A top-level `def name(event, context)`: the signature AWS Lambda (and GCP background functions) call. */
const EVENT_CONTEXT = /^(?:async\s+)?def\s+(\w+)\s*\(\s*event\s*(?::[^,)]*)?,\s*context\s*(?::[^,)]*)?\)/gm;

function lambdaHandler(file: PythonFile, serverless: boolean, text: string | undefined): Sighting | undefined {
  const def = file.source.definitions.find(
    (d) =>
      d.kind === "function" && d.depth === 0 && (d.name === "lambda_handler" || (serverless && d.name === "handler")),
  );
  if (def) return { path: file.path, line: def.line, what: "an AWS Lambda handler" };
  // serverless.yml names any function (`handler: handler.predict`); the (event, context) signature gives it away.
  if (!serverless || text === undefined) return undefined;
  EVENT_CONTEXT.lastIndex = 0;
  for (let m = EVENT_CONTEXT.exec(text); m; m = EVENT_CONTEXT.exec(text)) {
    const name = m[1];
    const found = file.source.definitions.find((d) => d.kind === "function" && d.depth === 0 && d.name === name);
    if (found) return { path: file.path, line: found.line, what: "an AWS Lambda handler" };
  }
  return undefined;
}

function modelLoads(file: PythonFile): Sighting[] {
  const loads = resolvedCalls(file.source)
    .filter((c) => MODEL_LOADS.test(c.callee) && !NOT_A_MODEL.test(c.callee))
    .map((c) => ({ path: file.path, line: c.line, what: c.callee }));
  const hosted = importOf(file, HOSTED_MODELS);
  if (hosted) loads.push({ path: file.path, line: hosted.line, what: `a hosted model (${hosted.root})` });
  return loads;
}

// Files an API module can reach: itself, its folder, and the project modules it imports.
function reach(api: PythonFile, files: readonly PythonFile[]): PythonFile[] {
  const dir = api.path.slice(0, api.path.lastIndexOf("/") + 1);
  // `from app import model` may name a module, not an attribute: try both.
  const modules = api.source.imports
    .flatMap((i) => {
      const base = i.module.replace(/^\.+/, "").replace(/\./g, "/");
      return [base, ...i.names.map((n) => (base === "" ? n : `${base}/${n}`))];
    })
    .filter((m) => m !== "" && m !== "*");
  return files.filter((f) => {
    if (f.path === api.path || (f.path.startsWith(dir) && !f.path.slice(dir.length).includes("/"))) return true;
    const stem = f.path.replace(/(\/__init__)?\.py$/, "");
    return modules.some((m) => stem === m || stem.endsWith(`/${m}`));
  });
}

/** Gather the serving facts of a repository (Python scripts and JS sources; notebooks do not serve). */
export function servingFacts(repo: RepoView): ServingFacts {
  const files = pythonSources(repo).filter((f) => !f.test);
  const serverless = repo.glob(["**/serverless.{yml,yaml}", "**/template.{yml,yaml}", "**/samconfig.toml"]).length > 0;
  const apis: Sighting[] = [];
  const demos: Sighting[] = [];
  const apiFiles: PythonFile[] = [];
  for (const file of files) {
    const server = importOf(file, Object.keys(MODEL_SERVERS));
    const sighting =
      webApi(file) ??
      lambdaHandler(file, serverless, serverless ? repo.text(file.path) : undefined) ??
      (server ? { path: file.path, line: server.line, what: MODEL_SERVERS[server.root] ?? server.root } : undefined);
    if (sighting) {
      apis.push(sighting);
      apiFiles.push(file);
    }
    const demo = importOf(file, Object.keys(DEMOS));
    if (demo) demos.push({ path: file.path, line: demo.line, what: DEMOS[demo.root] ?? demo.root });
  }
  const reachable = [...new Set(apiFiles.flatMap((api) => reach(api, files)))];
  const validation: Sighting[] = [];
  for (const file of reachable) {
    // `from pydantic import BaseSettings` reads the app's settings: it validates no request.
    const requests = {
      ...file,
      source: { ...file.source, imports: file.source.imports.filter((i) => !settingsOnly(i)) },
    };
    const v = importOf(requests, PY_VALIDATION);
    if (v) validation.push({ path: file.path, line: v.line, what: v.root });
  }
  // Model servers type their inputs (BentoML IO descriptors, KServe/MLServer's V2 protocol, Cog's Input).
  for (const api of apis)
    if (Object.values(MODEL_SERVERS).includes(api.what) && !/Lambda|Functions|Modal/.test(api.what))
      validation.push({ ...api, what: `${api.what}'s typed inputs` });
  const models = reachable.flatMap(modelLoads);
  const anyModel = files.flatMap(modelLoads);

  // JavaScript: a server in the project's code, a model runtime or LLM SDK, a schema validator.
  const jsServers = jsImportsModule(repo, JS_SERVERS);
  const nextRoutes = jsSources(repo).filter(
    (f) => !f.test && /(^|\/)(pages\/api\/|app\/(.*\/)?route\.[cm]?[jt]s$)/.test(f.path),
  );
  for (const s of jsServers) apis.push({ path: s.path, line: s.line, what: s.module });
  for (const f of nextRoutes) apis.push({ path: f.path, line: 1, what: "a Next.js API route" });
  if (jsServers.length > 0 || nextRoutes.length > 0) {
    for (const s of jsImportsModule(repo, JS_MODELS)) models.push({ path: s.path, line: s.line, what: s.module });
    for (const s of jsImportsModule(repo, JS_VALIDATION))
      validation.push({ path: s.path, line: s.line, what: s.module });
  }
  const jsModels = jsImportsModule(repo, JS_MODELS).map((s) => ({ path: s.path, line: s.line, what: s.module }));
  return { apis, demos, validation, models, anyModel: [...anyModel, ...jsModels] };
}
