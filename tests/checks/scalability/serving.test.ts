import { describe, expect, it } from "vitest";
import { serving } from "../../../checks/scalability/serving.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { plainTraining } from "./fixtures.js";

const fastapiMain = `"""Churn prediction service."""
from fastapi import FastAPI

from app.model import predict_proba
from app.schemas import Customer, Prediction

app = FastAPI(title="churn")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/predict", response_model=Prediction)
def predict(customer: Customer) -> Prediction:
    return Prediction(probability=predict_proba(customer))
`;

const schemas = `from pydantic import BaseModel, Field


class Customer(BaseModel):
    tenure: int = Field(ge=0)
    monthly_charges: float


class Prediction(BaseModel):
    probability: float
`;

const modelModule = `import joblib

_MODEL = joblib.load("models/model.joblib")


def predict_proba(customer) -> float:
    return float(_MODEL.predict_proba([[customer.tenure, customer.monthly_charges]])[0][1])
`;

const fastapiService: Tree = {
  "app/__init__.py": "",
  "app/main.py": fastapiMain,
  "app/schemas.py": schemas,
  "app/model.py": modelModule,
  "train.py": plainTraining,
};

const flaskNoValidation = `from flask import Flask, jsonify, request
import pickle

app = Flask(__name__)
model = pickle.load(open("model.pkl", "rb"))


@app.route("/predict", methods=["POST"])
def predict():
    features = request.get_json()["features"]
    return jsonify(prediction=model.predict([features]).tolist())
`;

const flaskHealthOnly = `from flask import Flask
from marshmallow import Schema, fields

app = Flask(__name__)


class Ping(Schema):
    message = fields.Str()


@app.get("/health")
def health():
    return {"status": "ok"}
`;

const streamlitApp = `import streamlit as st
import joblib

model = joblib.load("model.joblib")
st.title("Churn predictor")
tenure = st.slider("Tenure", 0, 72)
st.write(model.predict([[tenure]]))
`;

const bentoService = `import bentoml
from pydantic import BaseModel


@bentoml.service(resources={"cpu": "2"})
class Summarizer:
    def __init__(self) -> None:
        from transformers import pipeline

        self.pipe = pipeline("summarization")

    @bentoml.api
    def summarize(self, text: str) -> str:
        return self.pipe(text)[0]["summary_text"]
`;

const expressServer = `import express from "express";
import { z } from "zod";
import * as ort from "onnxruntime-node";

const session = await ort.InferenceSession.create("model.onnx");
const Body = z.object({ features: z.array(z.number()).length(8) });
const app = express();
app.post("/predict", async (req, res) => {
  const { features } = Body.parse(req.body);
  res.json(await session.run({ input: new ort.Tensor("float32", features, [1, 8]) }));
});
app.listen(3000);
`;

const cases: [string, Tree, CheckStatus, string[]][] = [
  [
    "FastAPI with a pydantic body and a joblib model",
    fastapiService,
    "pass",
    ["api", "model-loaded", "request-validation"],
  ],
  ["a BentoML service", { "service.py": bentoService }, "pass", ["api", "model-loaded", "request-validation"]],
  [
    "Express with zod and onnxruntime",
    { "server.js": expressServer, "package.json": '{"type": "module"}' },
    "pass",
    ["api", "model-loaded", "request-validation"],
  ],
  [
    "Flask with a pickled model and no validation",
    { "app.py": flaskNoValidation },
    "partial",
    ["api", "model-loaded", "no-request-validation"],
  ],
  [
    "an API serving no model",
    { "api/app.py": flaskHealthOnly, "train.py": plainTraining },
    "partial",
    ["api", "request-validation", "api-without-model"],
  ],
  ["a Streamlit-only app", { "streamlit_app.py": streamlitApp }, "partial", ["demo", "demo-only"]],
  [
    "a model loaded only by a batch script",
    { "predict.py": 'import joblib\n\nmodel = joblib.load("m.joblib")\n' },
    "fail",
    ["model-loaded", "no-serving"],
  ],
  ["nothing served", { "train.py": plainTraining }, "fail", ["no-serving"]],
  [
    "a FastAPI TestClient in tests is not a service",
    {
      "tests/test_api.py":
        "from fastapi import FastAPI\nfrom fastapi.testclient import TestClient\n\napp = FastAPI()\n",
      "train.py": plainTraining,
    },
    "fail",
    ["no-serving"],
  ],
  [
    "an AWS Lambda handler with a model and pydantic",
    {
      "handler.py":
        'import joblib\nfrom pydantic import BaseModel\n\nmodel = joblib.load("/opt/model.joblib")\n\n\nclass Event(BaseModel):\n    x: float\n\n\ndef lambda_handler(event, context):\n    return {"y": float(model.predict([[Event(**event).x]])[0])}\n',
    },
    "pass",
    ["api", "model-loaded", "request-validation"],
  ],
  [
    "a Serverless Framework function named in serverless.yml, reading raw JSON",
    {
      "serverless.yml":
        "service: churn\nprovider:\n  name: aws\n  runtime: python3.11\nfunctions:\n  predict:\n    handler: handler.predict\n    events:\n      - httpApi: { path: /predict, method: post }\n",
      "handler.py":
        'import json\nimport joblib\n\nmodel = joblib.load("model.joblib")\n\n\ndef predict(event, context):\n    body = json.loads(event["body"])\n    return {"statusCode": 200, "body": json.dumps({"y": int(model.predict([body["x"]])[0])})}\n',
    },
    "partial",
    ["api", "model-loaded", "no-request-validation"],
  ],
  [
    "an (event, context) function without any serverless config is not taken for a handler",
    {
      "events.py":
        'import joblib\n\nmodel = joblib.load("model.joblib")\n\n\ndef on_message(event, context):\n    return model.predict([event])\n',
    },
    "fail",
    ["model-loaded", "no-serving"],
  ],
];

describe("scalability.serving", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(serving, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("names the API, the model load and the schema with their lines", () => {
    const { findings } = runCheck(serving, fastapiService);
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ["app/main.py", 7],
      ["app/model.py", 3],
      ["app/schemas.py", 1],
    ]);
  });

  it("follows `from . import model` into the package", () => {
    const tree = {
      "service/__init__.py": "",
      "service/api.py": fastapiMain
        .replace("from app.model import predict_proba", "from . import model")
        .replace("from app.schemas", "from .schemas"),
      "service/schemas.py": schemas,
      "service/inference/model.py": modelModule,
      "service/model.py": "from .inference.model import predict_proba\n",
    };
    expect(runCheck(serving, tree).ids).toEqual(["api", "model-loaded", "request-validation"]);
  });

  it("does not count a model loaded outside the API's modules", () => {
    const tree = {
      "api/app.py": flaskHealthOnly,
      "scripts/evaluate.py": 'import joblib\nm = joblib.load("m.joblib")\n',
    };
    expect(runCheck(serving, tree).ids).toContain("api-without-model");
  });
});

describe("scalability.serving model loads", () => {
  it("names the model a service loads, not the tokenizer it loads first", () => {
    const tree = {
      "app/main.py":
        'from fastapi import FastAPI\nfrom transformers import AutoModelForSequenceClassification, AutoTokenizer\n\napp = FastAPI()\ntokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")\nmodel = AutoModelForSequenceClassification.from_pretrained("models/sentiment")\n\n\n@app.post("/predict")\ndef predict(text: str) -> dict:\n    return {"label": int(model(**tokenizer(text, return_tensors="pt")).logits.argmax())}\n',
    };
    const loaded = runCheck(serving, tree).findings.find((f) => f.id === "model-loaded");
    expect(loaded?.message).toContain("AutoModelForSequenceClassification.from_pretrained");
    expect(loaded?.line).toBe(6);
  });
});

describe("scalability.serving request validation", () => {
  it("does not take pydantic settings for request validation", () => {
    const tree = {
      "api/config.py":
        "from pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    model_path: str = 'models/yolo.pt'\n",
      "api/main.py":
        'from fastapi import FastAPI\nfrom ultralytics import YOLO\n\nfrom .config import Settings\n\napp = FastAPI()\nmodel = YOLO(Settings().model_path)\n\n\n@app.get("/detect")\ndef detect(url):\n    return model(url)[0].tojson()\n',
    };
    const ids = runCheck(serving, tree).ids;
    expect(ids).toContain("model-loaded");
    expect(ids).not.toContain("request-validation");
  });
});

describe("scalability.serving with Flask-WTF", () => {
  it("counts a validated Flask-WTF form as request validation", () => {
    const tree = {
      "forms.py":
        'from flask_wtf import FlaskForm\nfrom wtforms import SelectField\nfrom wtforms.validators import DataRequired\n\n\nclass InputForm(FlaskForm):\n    company = SelectField("Company", choices=["Dell", "HP"], validators=[DataRequired()])\n',
      "app.py":
        'import joblib\nfrom flask import Flask, render_template\n\nfrom forms import InputForm\n\napp = Flask(__name__)\nmodel = joblib.load("model.joblib")\n\n\n@app.route("/", methods=["GET", "POST"])\ndef home():\n    form = InputForm()\n    if form.validate_on_submit():\n        return render_template("result.html", price=model.predict([[form.company.data]])[0])\n    return render_template("home.html", form=form)\n',
    };
    expect(runCheck(serving, tree).ids).toEqual(["api", "model-loaded", "request-validation"]);
  });
});
