/**
 * (d) A FastAPI service done quickly: prints for logging, `FROM python` as root with `--reload`,
 * no tests, unpinned requirements, `.env` committed with a real-looking key, a pickled model and
 * the training CSV beside the scripts. Trap: `import logging` only in a comment.
 */
import type { Archetype } from "../archetype.js";
import { binary } from "../content.js";

const main = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
import pickle
import os
from dotenv import load_dotenv
# import logging  (TODO: use logging instead of print)
from preprocess import clean_text

load_dotenv()
HF_TOKEN = os.getenv("HF_TOKEN")

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"], allow_headers=["*"])

model = pickle.load(open("model.pkl", "rb"))
vectorizer = pickle.load(open("vectorizer.pkl", "rb"))
print("Model loaded!!")


@app.get("/")
def home():
    return {"message": "Sentiment API is running"}


@app.post("/predict")
async def predict(request: Request):
    data = await request.json()
    text = data["text"]
    print("Got text:", text)
    cleaned = clean_text(text)
    X = vectorizer.transform([cleaned])
    pred = model.predict(X)[0]
    proba = model.predict_proba(X)[0].max()
    print(f"Prediction: {pred} ({proba})")
    return {"sentiment": "positive" if pred == 1 else "negative", "confidence": float(proba)}
`;

const preprocess = `import re
import nltk
from nltk.corpus import stopwords

nltk.download("stopwords")
STOP = set(stopwords.words("english"))


def clean_text(text):
    text = text.lower()
    text = re.sub(r"<.*?>", " ", text)
    text = re.sub(r"[^a-z\\s]", "", text)
    return " ".join(w for w in text.split() if w not in STOP)
`;

const train = `import pandas as pd
import pickle
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, classification_report
from preprocess import clean_text

df = pd.read_csv("IMDB Dataset.csv")
df["review"] = df["review"].apply(clean_text)
df["label"] = (df["sentiment"] == "positive").astype(int)

X_train, X_test, y_train, y_test = train_test_split(df["review"], df["label"], test_size=0.2, random_state=42)

vectorizer = TfidfVectorizer(max_features=50000, ngram_range=(1, 2))
X_train_vec = vectorizer.fit_transform(X_train)
X_test_vec = vectorizer.transform(X_test)

model = LogisticRegression(C=4, max_iter=1000)
model.fit(X_train_vec, y_train)

pred = model.predict(X_test_vec)
print("Accuracy:", accuracy_score(y_test, pred))
print(classification_report(y_test, pred))

pickle.dump(model, open("model.pkl", "wb"))
pickle.dump(vectorizer, open("vectorizer.pkl", "wb"))
print("saved!")
`;

export const fastapiQuick: Archetype = {
  name: "fastapi-quick",
  kind: "FastAPI model service done quickly",
  tree: {
    "README.md":
      "# Sentiment Analysis API\n\nA FastAPI app that predicts if a movie review is positive or negative.\n\n## Run\n\n```\npip install -r requirements.txt\nuvicorn main:app --reload\n```\n",
    "requirements.txt": "fastapi\nuvicorn\nscikit-learn\npandas\nnltk\npython-dotenv\n",
    ".gitignore": "__pycache__/\nvenv/\n",
    // Built from parts so this source file holds no token: the project scans its own repository.
    ".env": `HF_TOKEN=hf_${"QmXvTzRkLpWnYbHs"}JdFgCeAuViOtNyBrKwZx\nDEBUG=True\n`,
    Dockerfile:
      'FROM python\n\nWORKDIR /app\n\nCOPY . .\n\nRUN pip install -r requirements.txt\n\nEXPOSE 8000\n\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000", "--reload"]\n',
    "main.py": main,
    "preprocess.py": preprocess,
    "train.py": train,
    "model.pkl": binary(30_000, 4),
    "vectorizer.pkl": binary(80_000, 5),
    "IMDB Dataset.csv":
      'review,sentiment\n"One of the other reviewers has mentioned that after watching just 1 Oz episode you\'ll be hooked.",positive\n"A wonderful little production.",positive\n"Basically there\'s a family where a little boy (Jake) thinks there\'s a zombie in his closet.",negative\n',
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "no coverage"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": ["partial", "a sentence and two commands"],
    "documentation.docstrings": ["fail", "no docstrings"],
    "documentation.license": ["fail", "none"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": [
      "partial",
      "flat folder of scripts with the CSV and pickles; train.py and preprocess.py run work at import",
    ],
    "code_structure.dependencies": ["partial", "a manifest with no versions at all"],
    "code_structure.configuration": [
      ["partial", "fail"],
      "one token read from the environment; paths and hyperparameters hard-coded",
    ],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": [
      ["fail", "partial"],
      "one `request: Request` that FastAPI needs for injection; no real hints, no checker",
    ],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["partial", "minimal, no .env; .env and pickles committed"],
    "code_quality.secrets": ["fail", "a Hugging Face token in the committed .env"],
    "containerization.dockerfile": [
      "partial",
      "untagged base, root, --reload, COPY . . with the .env, no .dockerignore",
    ],
    "monitoring.logging": ["fail", "print only; `import logging` is in a comment"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["partial", "FastAPI serves the model but reads raw JSON without validation"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["fail", "a Dockerfile alone is not deployment as code"],
  },
};
