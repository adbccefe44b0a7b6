/**
 * (n) A Colab student project: one notebook that mounts Google Drive and installs packages with
 * `!pip`, a README with a results table and an "Open in Colab" badge, an unpinned
 * requirements.txt, a Hugging Face token pasted in a cell, the model weights committed.
 */
import type { Archetype } from "../archetype.js";
import { large, notebook } from "../content.js";

const nb = notebook([
  {
    md: "# Fake news detection with DistilBERT\n\n[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/lina-k/fake-news-bert/blob/main/fake_news_bert.ipynb)\n",
  },
  {
    code: "from google.colab import drive\ndrive.mount('/content/drive')\n",
    stdout: "Mounted at /content/drive\n",
  },
  { code: "!pip install -q transformers datasets evaluate\n" },
  {
    // Built from parts so this source file holds no token: the project scans its own repository.
    code: `from huggingface_hub import login\nlogin(token='hf_${"Tq8Zr2Lm5Vx9"}Kp3Wn7Yb4Hs6Jd1Fg0Ce8AuVi')\n`,
    stdout: "Token is valid (permission: write).\nLogin successful\n",
  },
  {
    code: "import pandas as pd\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv('/content/drive/MyDrive/datasets/fake_news/train.csv')\ndf = df.dropna(subset=['text'])\nprint(df.shape)\ndf['label'].value_counts().plot(kind='bar')\n",
    stdout: "(20761, 5)\n",
    plot: 51,
  },
  {
    code: "from transformers import AutoTokenizer, AutoModelForSequenceClassification, TrainingArguments, Trainer\ntokenizer = AutoTokenizer.from_pretrained('distilbert-base-uncased')\nmodel = AutoModelForSequenceClassification.from_pretrained('distilbert-base-uncased', num_labels=2)\nargs = TrainingArguments(output_dir='/content/drive/MyDrive/fake_news_model', num_train_epochs=3, per_device_train_batch_size=16, learning_rate=2e-5, evaluation_strategy='epoch', report_to='none')\ntrainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds, compute_metrics=compute_metrics)\ntrainer.train()\n",
    stdout: "Epoch 1: eval_accuracy 0.981\nEpoch 2: eval_accuracy 0.987\nEpoch 3: eval_accuracy 0.989\n",
  },
  { code: "trainer.save_model('model/')\n" },
]);

export const colabStudent: Archetype = {
  name: "colab-student",
  kind: "a Colab notebook student project",
  tree: {
    "README.md":
      "# Fake News Detection with DistilBERT\n\n[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/lina-k/fake-news-bert/blob/main/fake_news_bert.ipynb)\n\nFine-tuning DistilBERT on the Kaggle *Fake News* dataset (20,800 articles) to classify articles as reliable or unreliable.\n\n## Results\n\n| model | accuracy | F1 |\n| --- | --- | --- |\n| TF-IDF + logistic regression | 0.952 | 0.951 |\n| DistilBERT (3 epochs) | 0.989 | 0.989 |\n\n## How to run\n\nOpen the notebook in Colab with the badge above and run all cells (a GPU runtime is recommended).\n",
    "fake_news_bert.ipynb": nb,
    "requirements.txt": "transformers\ndatasets\nevaluate\nscikit-learn\npandas\ntorch\n",
    "model/config.json":
      '{\n  "architectures": ["DistilBertForSequenceClassification"],\n  "model_type": "distilbert",\n  "num_labels": 2\n}\n',
    "model/model.safetensors": large(267_832_560),
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": [
      ["partial", "pass"],
      "what, results and a run instruction (open in Colab), no install commands",
    ],
    "documentation.docstrings": [["not_applicable", "fail"], "no functions defined"],
    "documentation.license": ["fail", "none"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": ["fail", "one notebook"],
    "code_structure.dependencies": ["partial", "requirements without any version"],
    "code_structure.configuration": ["fail", "Google Drive paths and hyper-parameters in cells"],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["fail", "no .gitignore, a 268 MB model committed"],
    "code_quality.secrets": ["fail", "a Hugging Face write token in a notebook cell"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": ["fail", "print only"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "report_to='none': nothing tracked"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["fail", "no API or demo"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["fail", "none"],
  },
};
