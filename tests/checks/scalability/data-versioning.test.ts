import { describe, expect, it } from "vitest";
import { dataVersioning } from "../../../checks/scalability/data-versioning.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { frozenRequirements, notebook, plainTraining, plotCell } from "./fixtures.js";

const dvcYaml = `stages:
  prepare:
    cmd: python src/prepare.py data/raw data/prepared
    deps:
      - data/raw
      - src/prepare.py
    outs:
      - data/prepared
  train:
    cmd: python src/train.py data/prepared models/model.pkl
    deps:
      - data/prepared
    params:
      - train.n_estimators
    outs:
      - models/model.pkl
    metrics:
      - metrics.json:
          cache: false
`;

const dvcConfig = "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://churn-data/dvcstore\n";
const pointer =
  "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f.dir\n  size: 14445097\n  nfiles: 3\n  hash: md5\n  path: raw\n";

const cases: [string, Tree, CheckStatus, string[]][] = [
  [
    "a DVC pipeline with a remote",
    {
      "dvc.yaml": dvcYaml,
      "dvc.lock": "schema: '2.0'\n",
      ".dvc/config": dvcConfig,
      ".dvcignore": "",
      "src/train.py": plainTraining,
    },
    "pass",
    ["dvc-pipeline"],
  ],
  [
    "data tracked with a .dvc pointer, no remote",
    { "data/raw.dvc": pointer, ".dvc/config": "[core]\n    autostage = true\n", "train.py": plainTraining },
    "pass",
    ["dvc-tracked", "dvc-no-remote"],
  ],
  [
    "Git LFS for model weights",
    {
      ".gitattributes": "*.ipynb linguist-documentation\n*.pt filter=lfs diff=lfs merge=lfs -text\n",
      "models/resnet.pt": { mode: "file", size: 130 },
    },
    "pass",
    ["git-lfs"],
  ],
  [
    "Hugging Face's default .gitattributes in a Space that holds no weights",
    {
      ".gitattributes":
        "*.7z filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.pt filter=lfs diff=lfs merge=lfs -text\n*.safetensors filter=lfs diff=lfs merge=lfs -text\n*tfevents* filter=lfs diff=lfs merge=lfs -text\n",
      "app.py": "import gradio as gr\n",
      "examples/pizza.jpg": { mode: "file", size: 48211 },
    },
    "partial",
    ["git-lfs", "lfs-tracks-nothing"],
  ],
  [
    "an LFS pattern with a folder, relative to its .gitattributes",
    {
      "app/.gitattributes": "artifacts/*.pkl filter=lfs diff=lfs merge=lfs -text\n",
      "app/artifacts/similarity.pkl": "version https://git-lfs.github.com/spec/v1\noid sha256:9c0f\nsize 184321065\n",
      "artifacts/other.pkl": { mode: "file", size: 10 },
    },
    "pass",
    ["git-lfs"],
  ],
  [
    "an anchored LFS pattern matching nothing at the root",
    {
      ".gitattributes": "/weights/*.pt filter=lfs diff=lfs merge=lfs -text\n",
      "src/weights/model.pt": { mode: "file", size: 10 },
    },
    "partial",
    ["git-lfs", "lfs-tracks-nothing"],
  ],
  [
    "versioned data read through dvc.api",
    {
      "src/data.py":
        'import dvc.api\n\nwith dvc.api.open("data/raw/churn.csv", rev="v1.0") as f:\n    text = f.read()\n',
    },
    "pass",
    ["data-api"],
  ],
  [
    "DVC initialised but nothing tracked",
    { ".dvc/config": "[core]\n", ".dvcignore": "# ignore\n" },
    "partial",
    ["dvc-initialised-only"],
  ],
  [
    "a dvc.yaml that is not YAML is reported with its line",
    { "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n   outs: [model.pkl\n" },
    "partial",
    ["dvc-yaml-invalid"],
  ],
  ["nothing versioned", { "train.py": plainTraining, "data/churn.csv": "a,b\n1,2\n" }, "fail", ["no-data-versioning"]],
  [
    '"dvc" in a notebook image and in a frozen environment is not evidence',
    { "requirements.txt": frozenRequirements, "eda.ipynb": notebook([plotCell]), ".gitattributes": "* text=auto\n" },
    "fail",
    ["no-data-versioning"],
  ],
];

describe("scalability.data_versioning", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(dataVersioning, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("gives the line of a broken dvc.yaml and of an LFS pattern", () => {
    const broken = runCheck(dataVersioning, {
      "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n   outs: [model.pkl\n",
    });
    expect(broken.findings[0]).toMatchObject({ path: "dvc.yaml", line: expect.any(Number) });
    const lfs = runCheck(dataVersioning, {
      ".gitattributes": "# weights\n*.onnx filter=lfs diff=lfs merge=lfs -text\n",
    });
    expect(lfs.findings[0]).toMatchObject({ path: ".gitattributes", line: 2 });
  });
});
