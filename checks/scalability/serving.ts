import { defineCheck, type Finding, info, scored, warning } from "../../src/engine/check.js";
import { JS_SOURCE_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { type Sighting, servingFacts } from "./serving-detect.js";
import { where } from "./usage.js";

const DOCS = "https://fastapi.tiangolo.com/tutorial/body/";

function seen(id: string, what: string, s: Sighting): Finding {
  return info(id, `${what}: ${s.what} (${where(s.path, s.line)})`, { path: s.path, line: s.line });
}

/**
 * `scalability.serving`: the model is served behind an HTTP API with request validation.
 *
 * Pass: an API (FastAPI, Flask, Django, Ray Serve, BentoML, TorchServe, KServe, a Lambda handler;
 * Express/Fastify/Next.js API routes in JS) that loads a model (or calls a hosted one) within the
 * API's own modules, and validates requests (pydantic, marshmallow, zod... or a model server's
 * typed inputs). Partial: an API without validation or without a model; a Streamlit/Gradio demo.
 */
const servingRules = defineCheck({
  id: "scalability.serving",
  title: "Model serving API",
  criterion: "scalability",
  weight: 1,
  looksFor:
    "An HTTP API serving the model (FastAPI, Flask, Django, Ray Serve, BentoML, TorchServe, KServe, a cloud function " +
    "handler; Express/Fastify in JS) that loads a model and validates requests; Streamlit/Gradio demos count partly.",
  why:
    "A model creates value when other systems can call it: a validated prediction endpoint shows the author can take " +
    "a model past the notebook.",
  remediation:
    "Serve the model with FastAPI: load it once at start-up, declare the request body as a pydantic model, and expose " +
    "`POST /predict` (plus `GET /health`).",
  effort: "high",
  docs: DOCS,
  reads: [PYTHON_SOURCE_READ, JS_SOURCE_READ],
  evaluate(repo) {
    const facts = servingFacts(repo);
    const findings: Finding[] = [];
    const api = facts.apis[0];
    const model = facts.models[0];
    const validation = facts.validation[0];

    if (api) {
      findings.push(seen("api", "HTTP API", api));
      if (model) findings.push(seen("model-loaded", "Model served", model));
      if (validation) findings.push(seen("request-validation", "Request validation", validation));
      if (!validation)
        findings.push(
          warning(
            "no-request-validation",
            `The API (${where(api.path, api.line)}) does not validate its requests with a schema`,
            { path: api.path, line: api.line },
            {
              remediation:
                "Declare the request body as a schema (a pydantic `BaseModel` in FastAPI, marshmallow or flask-pydantic in Flask, zod in Express) so bad input gets a 422, not a stack trace.",
              docs: DOCS,
            },
          ),
        );
      if (!model)
        findings.push(
          warning(
            "api-without-model",
            "The API does not load a model (no joblib/pickle/torch/from_pretrained/mlflow load in its modules)",
            { path: api.path, line: api.line },
            {
              remediation:
                "Load the trained model once at start-up (e.g. `joblib.load`, `mlflow.pyfunc.load_model`) and serve its predictions.",
              docs: "https://mlflow.org/docs/latest/ml/deployment/",
            },
          ),
        );
      if (model && validation) return scored(1, findings);
      if (model) return scored(0.6, findings);
      return scored(validation ? 0.5 : 0.4, findings);
    }

    const demo = facts.demos[0];
    if (demo)
      return scored(0.5, [
        seen("demo", "Interactive demo", demo),
        warning(
          "demo-only",
          `Only an interactive demo (${demo.what}) serves the model: other services cannot call it`,
          { path: demo.path, line: demo.line },
          {
            remediation:
              "Add an HTTP API beside the demo (FastAPI with a pydantic request model and `POST /predict`), and let the demo call it.",
            docs: DOCS,
          },
        ),
      ]);

    const loaded = facts.anyModel[0];
    return scored(loaded ? 0.1 : 0, [
      ...(loaded ? [seen("model-loaded", "Model loaded in a script", loaded)] : []),
      warning(
        "no-serving",
        loaded ? "The model is loaded by scripts but not served behind an API" : "No API or demo serves a model",
        undefined,
        {
          remediation:
            "Wrap the model in a small FastAPI service: load it at start-up, validate the input with a pydantic model, return predictions from `POST /predict`.",
          docs: DOCS,
        },
      ),
    ]);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const serving = codeDependent(servingRules, "model serving");
