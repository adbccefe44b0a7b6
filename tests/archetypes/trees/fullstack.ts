/**
 * (f) A full-stack app: React/Vite frontend + FastAPI backend serving a PyTorch image classifier.
 * Tests only in the frontend; the backend Dockerfile runs as root; Compose ties both together;
 * the license is only a README section. Traps: a Vite template README in frontend/, a training
 * notebook whose plots contain "mlflow".
 */
import type { Archetype } from "../archetype.js";
import { notebook } from "../content.js";
import * as fe from "./fullstack-frontend.js";

const mainPy = `"""FastAPI backend: upload a leaf photo, get the disease class."""
import logging

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.middleware.cors import CORSMiddleware

from app.config import settings
from app.model import Classifier
from app.schemas import Diagnosis

logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logger = logging.getLogger("plantdoc")

app = FastAPI(title="PlantDoc API")
app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["POST"])
classifier = Classifier(settings.model_path, settings.labels_path)

ALLOWED = {"image/jpeg", "image/png"}


@app.post("/predict", response_model=Diagnosis)
async def predict(file: UploadFile = File(...)) -> Diagnosis:
    """Classify one uploaded image."""
    if file.content_type not in ALLOWED:
        raise HTTPException(status_code=415, detail="Upload a JPEG or PNG image")
    data = await file.read()
    if len(data) > settings.max_upload_bytes:
        raise HTTPException(status_code=413, detail="Image too large")
    diagnosis = classifier.predict(data)
    logger.info("predicted %s (%.2f)", diagnosis.label, diagnosis.confidence)
    return diagnosis


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
`;

const modelPy = `import io
import json
from pathlib import Path

import torch
from PIL import Image
from torchvision import models, transforms

from app.schemas import Diagnosis, Score

TRANSFORM = transforms.Compose([
    transforms.Resize(256),
    transforms.CenterCrop(224),
    transforms.ToTensor(),
    transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])


class Classifier:
    """A fine-tuned ResNet-18 and its class names."""

    def __init__(self, weights: Path, labels: Path) -> None:
        self.labels = json.loads(labels.read_text())
        self.net = models.resnet18(num_classes=len(self.labels))
        self.net.load_state_dict(torch.load(weights, map_location="cpu"))
        self.net.eval()

    def predict(self, data: bytes, k: int = 3) -> Diagnosis:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        with torch.no_grad():
            probs = torch.softmax(self.net(TRANSFORM(image).unsqueeze(0)), dim=1)[0]
        top = torch.topk(probs, k)
        scores = [Score(label=self.labels[i], confidence=float(p)) for p, i in zip(top.values, top.indices)]
        return Diagnosis(label=scores[0].label, confidence=scores[0].confidence, top_k=scores)
`;

const schemasPy = `from pydantic import BaseModel, Field


class Score(BaseModel):
    label: str
    confidence: float = Field(ge=0, le=1)


class Diagnosis(BaseModel):
    """The predicted class and the top-k alternatives."""

    label: str
    confidence: float = Field(ge=0, le=1)
    top_k: list[Score]
`;

const configPy = `"""Backend settings from the environment."""
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Everything deployment-specific, with local defaults."""

    model_path: Path = Path(os.getenv("MODEL_PATH", "models/resnet18_plantvillage.pt"))
    labels_path: Path = Path(os.getenv("LABELS_PATH", "models/labels.json"))
    log_level: str = os.getenv("LOG_LEVEL", "INFO")
    max_upload_bytes: int = int(os.getenv("MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))
    cors_origins: list[str] = field(default_factory=lambda: os.getenv("CORS_ORIGINS", "http://localhost:5173").split(","))


settings = Settings()
`;

const training = notebook([
  { md: "# Fine-tune ResNet-18 on PlantVillage\n" },
  {
    code: "import torch\nfrom torchvision import datasets, models, transforms\nds = datasets.ImageFolder('data/plantvillage', transform=transforms.ToTensor())\nprint(len(ds), len(ds.classes))\n",
    stdout: "54305 38\n",
  },
  {
    code: "net = models.resnet18(weights='IMAGENET1K_V1')\nnet.fc = torch.nn.Linear(512, 38)\nfor epoch in range(5):\n    loss = train_one_epoch(net, loader, opt)\n    print(epoch, loss)\ntorch.save(net.state_dict(), '../models/resnet18_plantvillage.pt')\n",
    stdout: "0 0.412\n1 0.151\n2 0.093\n3 0.071\n4 0.058\n",
  },
  { code: "plot_confusion_matrix(net, val_loader)\n", plot: 41 },
]);

const requirements = `fastapi==0.110.2
uvicorn[standard]==0.29.0
python-multipart==0.0.9
pydantic==2.7.1
torch==2.3.0
torchvision==0.18.0
pillow==10.3.0
`;

const readme = `# PlantDoc

Upload a photo of a plant leaf and get the likely disease. A ResNet-18 fine-tuned on PlantVillage
(38 classes, 97.8% validation accuracy) served by FastAPI, with a React front end.

![screenshot](docs/screenshot.png)

## Running locally

\`\`\`bash
docker compose up --build
# frontend on http://localhost:5173, API on http://localhost:8000/docs
\`\`\`

Without Docker:

\`\`\`bash
cd backend && pip install -r requirements.txt && uvicorn app.main:app --reload
cd frontend && npm install && npm run dev
\`\`\`

## Tests

\`\`\`bash
cd frontend && npm test
\`\`\`

## Training

See \`backend/notebooks/train_resnet18.ipynb\`.

## License

MIT
`;

export const fullstack: Archetype = {
  name: "fullstack",
  kind: "full-stack app: React/Vite frontend + FastAPI ML backend",
  tree: {
    "README.md": readme,
    ".gitignore":
      "node_modules/\ndist/\n__pycache__/\n*.pyc\n.venv/\nvenv/\n.env\n.env.local\nbackend/models/*.pt\n.DS_Store\n",
    "docker-compose.yml":
      'services:\n  backend:\n    build: ./backend\n    ports: ["8000:8000"]\n    volumes: ["./backend/models:/app/models:ro"]\n    environment:\n      CORS_ORIGINS: http://localhost:5173\n  frontend:\n    image: node:20.14-alpine\n    working_dir: /app\n    command: sh -c "npm ci && npm run dev -- --host"\n    volumes: ["./frontend:/app"]\n    ports: ["5173:5173"]\n    environment:\n      VITE_API_URL: http://localhost:8000\n',
    ".github/workflows/frontend.yml":
      "name: frontend\n\non:\n  push:\n    paths: ['frontend/**']\n  pull_request:\n    paths: ['frontend/**']\n\njobs:\n  build:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: frontend\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: npm\n          cache-dependency-path: frontend/package-lock.json\n      - run: npm ci\n      - run: npm run lint\n      - run: npm test\n      - run: npm run build\n",
    "docs/screenshot.png": { mode: "file", size: 182_344 },
    "backend/requirements.txt": requirements,
    "backend/Dockerfile":
      'FROM python:3.11-slim\n\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY app ./app\nEXPOSE 8000\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    "backend/.dockerignore": "__pycache__\n.venv\nnotebooks\nmodels\n",
    "backend/app/__init__.py": "",
    "backend/app/main.py": mainPy,
    "backend/app/model.py": modelPy,
    "backend/app/schemas.py": schemasPy,
    "backend/app/config.py": configPy,
    "backend/models/labels.json": '["Apple___Apple_scab", "Apple___Black_rot", "Tomato___Late_blight"]\n',
    "backend/notebooks/train_resnet18.ipynb": training,
    "frontend/README.md": fe.viteReadme,
    "frontend/package.json": fe.packageJson,
    "frontend/package-lock.json": fe.packageLock,
    "frontend/vite.config.ts": fe.viteConfig,
    "frontend/tsconfig.json": fe.tsconfig,
    "frontend/eslint.config.js": fe.eslintConfig,
    "frontend/index.html":
      '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>PlantDoc</title></head>\n  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>\n</html>\n',
    "frontend/.env.example": "VITE_API_URL=http://localhost:8000\n",
    "frontend/src/main.tsx":
      "import React from 'react'\nimport ReactDOM from 'react-dom/client'\nimport App from './App'\n\nReactDOM.createRoot(document.getElementById('root')!).render(\n  <React.StrictMode>\n    <App />\n  </React.StrictMode>,\n)\n",
    "frontend/src/App.tsx": fe.appTsx,
    "frontend/src/App.css": "main { max-width: 40rem; margin: 2rem auto; font-family: system-ui; }\n",
    "frontend/src/api.ts": fe.apiTs,
    "frontend/src/setupTests.ts": "import '@testing-library/jest-dom/vitest'\n",
    "frontend/src/components/UploadForm.tsx": fe.uploadForm,
    "frontend/src/components/UploadForm.test.tsx": fe.uploadFormTest,
    "frontend/src/components/ResultCard.tsx": fe.resultCard,
  },
  expected: {
    "testing.tests": ["partial", "Vitest tests for the frontend only; the Python ML backend has none"],
    "testing.coverage": ["fail", "no coverage configured anywhere"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": ["pass", "what, screenshot, run, tests, training; the nested Vite README does not matter"],
    "documentation.docstrings": ["partial", "backend half documented, frontend exports not at all"],
    "documentation.license": ["partial", "only a README section"],
    "ci_cd.workflows": ["pass", "frontend.yml on push and pull_request (path-filtered)"],
    "ci_cd.runs_tests": ["pass", "npm test runs the tests there are"],
    "ci_cd.quality_gates": ["pass", "npm run lint (ESLint) in CI"],
    "ci_cd.pinned_actions": [
      "pass",
      "only GitHub's own actions/*, on tags: the rubric asks SHAs of third-party actions",
    ],
    "code_structure.modules": ["pass", "backend/app package split by responsibility, frontend/src components"],
    "code_structure.dependencies": ["pass", "backend == pins, frontend package-lock.json"],
    "code_structure.configuration": ["pass", "settings from the environment, .env.example for the frontend"],
    "code_quality.lint_format": ["partial", "ESLint for the frontend only; no formatter; nothing for Python"],
    "code_quality.types": ["partial", "strict tsc for the frontend; Python hints with no checker"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["pass", "node_modules, caches, venv, .env; nothing contradicts it"],
    "code_quality.secrets": ["pass", ".env.example only"],
    "containerization.dockerfile": ["partial", "pinned slim base and .dockerignore, but runs as root"],
    "monitoring.logging": ["pass", "backend configures logging and uses a logger; console in a browser app is fine"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none ('mlflow' only in a plot's base64)"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["pass", "FastAPI serving the classifier with upload validation and a pydantic response"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["pass", "docker-compose.yml"],
  },
};
