/**
 * (o) A Flask model app deployed to Heroku: an HTML form and a JSON endpoint reading
 * `request.get_json()` with no validation, a pickled model, a Procfile, a venv `pip freeze`
 * (curated enough: only what the app installs), templates and static files.
 */
import type { Archetype } from "../archetype.js";
import { binary } from "../content.js";

const app = `import logging
import pickle

import numpy as np
from flask import Flask, jsonify, render_template, request

app = Flask(__name__)
logging.basicConfig(level=logging.INFO)
log = logging.getLogger(__name__)

with open("model/diabetes_rf.pkl", "rb") as f:
    model = pickle.load(f)

FEATURES = ["Pregnancies", "Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI", "DiabetesPedigreeFunction", "Age"]


@app.route("/")
def home():
    return render_template("index.html", features=FEATURES)


@app.route("/predict", methods=["POST"])
def predict():
    values = [float(request.form[f]) for f in FEATURES]
    proba = model.predict_proba(np.array([values]))[0, 1]
    log.info("form prediction %.3f", proba)
    return render_template("index.html", features=FEATURES, result=f"Risk of diabetes: {proba:.0%}")


@app.route("/api/predict", methods=["POST"])
def api_predict():
    data = request.get_json()
    values = [data[f] for f in FEATURES]
    proba = float(model.predict_proba(np.array([values]))[0, 1])
    log.info("api prediction %.3f", proba)
    return jsonify({"probability": proba})


if __name__ == "__main__":
    app.run(debug=True)
`;

const train = `import pickle

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/diabetes.csv")
X, y = df.drop(columns=["Outcome"]), df["Outcome"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=7)
model = RandomForestClassifier(n_estimators=400, max_depth=8, random_state=7).fit(X_train, y_train)
print(classification_report(y_test, model.predict(X_test)))
with open("model/diabetes_rf.pkl", "wb") as f:
    pickle.dump(model, f)
`;

const freeze = `blinker==1.7.0
click==8.1.7
Flask==3.0.2
gunicorn==21.2.0
itsdangerous==2.1.2
Jinja2==3.1.3
joblib==1.3.2
MarkupSafe==2.1.5
numpy==1.26.4
packaging==23.2
pandas==2.2.1
python-dateutil==2.9.0.post0
pytz==2024.1
scikit-learn==1.4.1.post1
scipy==1.12.0
six==1.16.0
threadpoolctl==3.3.0
tzdata==2024.1
Werkzeug==3.0.1
`;

export const flaskHeroku: Archetype = {
  name: "flask-heroku",
  kind: "a Flask model app deployed to Heroku",
  tree: {
    "README.md":
      '# Diabetes Risk Predictor\n\nA Flask web app that predicts the risk of diabetes from eight clinical measurements (Pima Indians dataset) with a random forest (ROC AUC 0.83).\n\nLive demo: https://diabetes-risk-rf.herokuapp.com\n\n## Run locally\n\n```bash\npython -m venv venv && source venv/bin/activate\npip install -r requirements.txt\npython train.py\npython app.py\n```\n\n## API\n\n```bash\ncurl -X POST localhost:5000/api/predict -H \'Content-Type: application/json\' -d \'{"Pregnancies": 2, "Glucose": 138, "BloodPressure": 62, "SkinThickness": 35, "Insulin": 0, "BMI": 33.6, "DiabetesPedigreeFunction": 0.127, "Age": 47}\'\n```\n',
    ".gitignore": "venv/\n__pycache__/\n*.pyc\n.env\n",
    Procfile: "web: gunicorn app:app\n",
    "runtime.txt": "python-3.11.8\n",
    "requirements.txt": freeze,
    "app.py": app,
    "train.py": train,
    "model/diabetes_rf.pkl": binary(2_400_000, 6),
    "data/diabetes.csv":
      "Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome\n6,148,72,35,0,33.6,0.627,50,1\n1,85,66,29,0,26.6,0.351,31,0\n",
    "templates/index.html":
      '<!doctype html>\n<html>\n<head><link rel="stylesheet" href="{{ url_for(\'static\', filename=\'style.css\') }}"></head>\n<body>\n<form action="/predict" method="post">\n{% for f in features %}<label>{{ f }} <input name="{{ f }}" required></label>{% endfor %}\n<button>Predict</button>\n</form>\n{% if result %}<p>{{ result }}</p>{% endif %}\n</body>\n</html>\n',
    "static/style.css": "body { font-family: sans-serif; max-width: 40rem; margin: auto; }\n",
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": ["pass", "what, live demo, run commands, API example"],
    "documentation.docstrings": ["fail", "no docstrings"],
    "documentation.license": ["fail", "none"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": ["partial", "two flat scripts; model/ and data/ folders, templates"],
    "code_structure.dependencies": ["pass", "a venv freeze of only what the app installs: every pin, no Jupyter"],
    "code_structure.configuration": [
      "fail",
      "model path and hyper-parameters hard-coded, nothing read from config or env",
    ],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["pass", "venv, caches, .env ignored; a 2.4 MB model in model/ is not a large artefact"],
    "code_quality.secrets": ["pass", "none"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": ["pass", "basicConfig and a logger in the app; prints only in the training script"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["partial", "Flask serves the model, but request.get_json() and the form are not validated"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["pass", "Procfile + runtime.txt: Heroku deployment as code"],
  },
};
