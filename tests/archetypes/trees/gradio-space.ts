/**
 * (p) A Gradio demo on Hugging Face Spaces: README with Spaces front matter, app.py building a
 * gr.Interface around a transformers pipeline, an unpinned requirements.txt, nothing else.
 */
import type { Archetype } from "../archetype.js";

const app = `import gradio as gr
from transformers import pipeline

classifier = pipeline("image-classification", model="nateraw/food")


def predict(image):
    """Top-5 dishes for a photo."""
    predictions = classifier(image, top_k=5)
    return {p["label"]: p["score"] for p in predictions}


demo = gr.Interface(
    fn=predict,
    inputs=gr.Image(type="pil"),
    outputs=gr.Label(num_top_classes=5),
    title="Food-101 classifier",
    examples=["examples/pizza.jpg", "examples/sushi.jpg"],
)

if __name__ == "__main__":
    demo.launch()
`;

export const gradioSpace: Archetype = {
  name: "gradio-space",
  kind: "a Gradio demo on Hugging Face Spaces",
  tree: {
    "README.md":
      "---\ntitle: Food 101 Classifier\nemoji: 🍕\ncolorFrom: yellow\ncolorTo: red\nsdk: gradio\nsdk_version: 4.19.2\napp_file: app.py\npinned: false\nlicense: apache-2.0\n---\n\nCheck out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference\n",
    "app.py": app,
    "requirements.txt": "transformers\ntorch\n",
    "examples/pizza.jpg": { mode: "file", size: 48_211 },
    "examples/sushi.jpg": { mode: "file", size: 51_904 },
    ".gitattributes":
      "*.7z filter=lfs diff=lfs merge=lfs -text\n*.arrow filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.ckpt filter=lfs diff=lfs merge=lfs -text\n*.h5 filter=lfs diff=lfs merge=lfs -text\n*.onnx filter=lfs diff=lfs merge=lfs -text\n*.pt filter=lfs diff=lfs merge=lfs -text\n*.safetensors filter=lfs diff=lfs merge=lfs -text\n",
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": [
      ["partial", "fail"],
      "the unmodified Hugging Face Spaces template: front matter and one sentence",
    ],
    "documentation.docstrings": ["pass", "the one public function is documented"],
    "documentation.license": ["partial", "license declared only in the README front matter"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": ["fail", "one script"],
    "code_structure.dependencies": ["partial", "unpinned"],
    "code_structure.configuration": [["fail", "partial"], "model name and examples hard-coded"],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["fail", "no .gitignore"],
    "code_quality.secrets": ["pass", "none"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": [["fail", "not_applicable"], "no logging, no output"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none"],
    "scalability.data_versioning": [
      ["fail", "partial"],
      "Hugging Face's default .gitattributes: LFS patterns for weights the repo does not hold, not data versioning",
    ],
    "scalability.serving": ["partial", "an interactive Gradio demo only"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["pass", "Hugging Face Spaces configuration (sdk: gradio) in the README"],
  },
};
