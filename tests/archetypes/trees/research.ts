/**
 * (j) A research repository: a long README (abstract, figure, results tables, BibTeX) with no
 * setup or usage, PyTorch DDP training with TensorBoard, YAML configs, a conda `env export`, and
 * a TensorBoard run directory committed.
 */

import { apache2 } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";

const readme = `# SCARF-Tab: Self-Supervised Contrastive Pre-training for Tabular Data at Scale

**Anonymous authors** · NeurIPS 2024 (under review) · [[paper]](https://openreview.net/forum?id=XXXX) · [[poster]](docs/poster.pdf)

<p align="center"><img src="docs/overview.png" width="720"></p>

## Abstract

Self-supervised learning has transformed vision and language, but tabular data, the most common
modality in industry, still relies on gradient-boosted trees. We introduce SCARF-Tab, a
contrastive pre-training objective that corrupts a random subset of features by sampling from
their empirical marginals, and a feature-wise transformer encoder that scales to thousands of
columns. Pre-trained on 1.2M tables from OpenML and Kaggle, SCARF-Tab improves linear-probe
accuracy by 4.1 points on average over the strongest self-supervised baseline across 69 datasets,
and closes 63% of the gap to tuned XGBoost in the low-label regime (10% of labels).

## Method

Given a row *x*, we sample a mask *m* over features with corruption rate *c* and replace the
masked entries by draws from each feature's marginal. The encoder *f* maps the original and the
corrupted views to embeddings trained with the InfoNCE loss at temperature τ = 0.1.

## Results

### Linear probe accuracy (%), mean over 69 OpenML-CC18 datasets

| method | 1% labels | 10% labels | 100% labels |
| --- | --- | --- | --- |
| Supervised MLP | 61.2 | 72.8 | 81.4 |
| VIME | 63.0 | 73.9 | 81.1 |
| SubTab | 64.4 | 74.6 | 81.9 |
| SCARF | 66.1 | 75.3 | 82.0 |
| **SCARF-Tab (ours)** | **70.2** | **78.9** | **83.6** |

### Ablations

| corruption rate | 0.2 | 0.4 | 0.6 | 0.8 |
| --- | --- | --- | --- | --- |
| accuracy | 76.4 | 78.1 | 78.9 | 77.2 |

| encoder | params | accuracy |
| --- | --- | --- |
| MLP | 1.1M | 75.8 |
| FT-Transformer | 3.4M | 78.0 |
| feature-wise transformer (ours) | 3.2M | 78.9 |

## Citation

\`\`\`bibtex
@inproceedings{anonymous2024scarftab,
  title     = {SCARF-Tab: Self-Supervised Contrastive Pre-training for Tabular Data at Scale},
  author    = {Anonymous},
  booktitle = {Submitted to NeurIPS},
  year      = {2024}
}
\`\`\`

## Acknowledgements

We thank the OpenML team. Compute was provided by the university HPC cluster.
`;

const train = `import argparse
import os

import torch
import torch.distributed as dist
import yaml
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler
from torch.utils.tensorboard import SummaryWriter

from datasets.openml import OpenMLTables
from models.encoder import FeatureTransformer
from models.losses import info_nce
from utils import corrupt, set_seed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/pretrain.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    dist.init_process_group("nccl")
    rank = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(rank)
    set_seed(cfg["seed"] + rank)

    data = OpenMLTables(cfg["data_root"], max_features=cfg["max_features"])
    loader = DataLoader(data, batch_size=cfg["batch_size"], sampler=DistributedSampler(data), num_workers=8)
    model = DDP(FeatureTransformer(**cfg["encoder"]).cuda(rank), device_ids=[rank])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    writer = SummaryWriter() if rank == 0 else None

    step = 0
    for epoch in range(cfg["epochs"]):
        loader.sampler.set_epoch(epoch)
        for x in loader:
            x = x.cuda(rank, non_blocking=True)
            loss = info_nce(model(x), model(corrupt(x, cfg["corruption_rate"])), cfg["temperature"])
            opt.zero_grad()
            loss.backward()
            opt.step()
            if rank == 0 and step % 100 == 0:
                writer.add_scalar("loss/train", loss.item(), step)
                print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
            step += 1
        if rank == 0:
            torch.save(model.module.state_dict(), f"checkpoints/epoch{epoch}.pt")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;

const encoder = `import torch
from torch import nn


class FeatureTransformer(nn.Module):
    """Embeds each feature as a token and mixes them with a transformer encoder."""

    def __init__(self, n_features, d_model=192, n_heads=8, n_layers=6, dropout=0.1):
        super().__init__()
        self.embed = nn.Parameter(torch.randn(n_features, d_model) * 0.02)
        self.bias = nn.Parameter(torch.zeros(n_features, d_model))
        layer = nn.TransformerEncoderLayer(d_model, n_heads, 4 * d_model, dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.cls = nn.Parameter(torch.zeros(1, 1, d_model))

    def forward(self, x):
        tokens = x.unsqueeze(-1) * self.embed + self.bias
        tokens = torch.cat([self.cls.expand(x.size(0), -1, -1), tokens], dim=1)
        return self.encoder(tokens)[:, 0]
`;

const losses = `import torch
import torch.nn.functional as F


def info_nce(z1, z2, temperature=0.1):
    z1, z2 = F.normalize(z1, dim=1), F.normalize(z2, dim=1)
    logits = z1 @ z2.t() / temperature
    labels = torch.arange(z1.size(0), device=z1.device)
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2
`;

const utils = `import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def corrupt(x, rate):
    mask = torch.rand_like(x) < rate
    shuffled = x[torch.randperm(x.size(0))]
    return torch.where(mask, shuffled, x)
`;

const openml = `import numpy as np
import torch
from torch.utils.data import Dataset


class OpenMLTables(Dataset):
    def __init__(self, root, max_features=512):
        self.data = np.load(f"{root}/pretrain_rows.npy", mmap_mode="r")[:, :max_features]

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return torch.from_numpy(np.asarray(self.data[i], dtype=np.float32))
`;

const environment = `name: scarf
channels:
  - pytorch
  - nvidia
  - conda-forge
  - defaults
dependencies:
  - _libgcc_mutex=0.1=conda_forge
  - _openmp_mutex=4.5=2_gnu
  - blas=1.0=mkl
  - bzip2=1.0.8=h7f98852_4
  - ca-certificates=2023.11.17=hbcca054_0
  - cuda-runtime=12.1.0=0
  - ld_impl_linux-64=2.40=h41732ed_0
  - libffi=3.4.2=h7f98852_5
  - libgcc-ng=13.2.0=h807b86a_3
  - mkl=2023.1.0=h213fc3f_46344
  - numpy=1.26.2=py311h64a7726_0
  - openssl=3.2.0=hd590300_1
  - python=3.11.6=hab00c5b_0_cpython
  - pytorch=2.1.2=py3.11_cuda12.1_cudnn8.9.2_0
  - pytorch-cuda=12.1=ha16c6d3_5
  - pyyaml=6.0.1=py311h459d7ec_1
  - tensorboard=2.15.1=pyhd8ed1ab_0
  - tk=8.6.13=noxft_h4845f30_101
  - xz=5.2.6=h166bdaf_0
  - zlib=1.2.13=hd590300_5
  - pip:
    - openml==0.14.1
    - scikit-learn==1.3.2
prefix: /home/jdoe/miniconda3/envs/scarf
`;

export const research: Archetype = {
  name: "research",
  kind: "a research repository with a long README and no setup or usage",
  tree: {
    "README.md": readme,
    LICENSE: apache2,
    ".gitignore": "__pycache__/\n*.pyc\n.ipynb_checkpoints/\ncheckpoints/\n*.pt\ndata/\n.env\n",
    "environment.yml": environment,
    "configs/pretrain.yaml":
      "seed: 0\ndata_root: /scratch/jdoe/openml\nmax_features: 512\nbatch_size: 1024\nepochs: 40\nlr: 0.0003\nweight_decay: 0.05\ncorruption_rate: 0.6\ntemperature: 0.1\nencoder:\n  n_features: 512\n  d_model: 192\n  n_heads: 8\n  n_layers: 6\n",
    "configs/probe.yaml": "seed: 0\nlabel_fraction: [0.01, 0.1, 1.0]\nC: [0.01, 0.1, 1.0, 10.0]\n",
    "train.py": train,
    "probe.py":
      "import sys\n\nimport numpy as np\nimport torch\nimport yaml\nfrom sklearn.linear_model import LogisticRegression\n\nfrom models.encoder import FeatureTransformer\n\ncfg = yaml.safe_load(open(sys.argv[1]))\nmodel = FeatureTransformer(512)\nmodel.load_state_dict(torch.load(sys.argv[2]))\nfor frac in cfg['label_fraction']:\n    print(frac, np.mean([LogisticRegression(C=c).fit(Z[:n], y[:n]).score(Zt, yt) for c in cfg['C']]))\n",
    "utils.py": utils,
    "models/__init__.py": "",
    "models/encoder.py": encoder,
    "models/losses.py": losses,
    "datasets/__init__.py": "",
    "datasets/openml.py": openml,
    "scripts/slurm_pretrain.sh":
      "#!/bin/bash\n#SBATCH --job-name=scarf\n#SBATCH --nodes=2\n#SBATCH --gres=gpu:4\n#SBATCH --time=48:00:00\nsrun torchrun --nnodes=2 --nproc_per_node=4 train.py --config configs/pretrain.yaml\n",
    "docs/overview.png": { mode: "file", size: 412_883 },
    "docs/poster.pdf": { mode: "file", size: 2_301_556 },
    "runs/Jan12_14-03-22_gpu01/events.out.tfevents.1705068202.gpu01.31337.0": { mode: "file", size: 1_848_213 },
    "runs/Jan14_09-41-07_gpu02/events.out.tfevents.1705221667.gpu02.4242.0": { mode: "file", size: 2_011_902 },
  },
  expected: {
    "testing.tests": ["fail", "no tests"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": ["fail", "none"],
    "documentation.readme": ["partial", "a paper report with results but no setup or usage"],
    "documentation.docstrings": ["fail", "1 of 8 public functions and classes documented"],
    "documentation.license": ["pass", "Apache-2.0 text"],
    "ci_cd.workflows": ["fail", "none"],
    "ci_cd.runs_tests": ["fail", "no CI"],
    "ci_cd.quality_gates": ["fail", "no CI"],
    "ci_cd.pinned_actions": ["not_applicable", "no actions"],
    "code_structure.modules": ["pass", "models/ and datasets/ packages, entry scripts beside them"],
    "code_structure.dependencies": ["partial", "a conda env export with build strings and a prefix"],
    "code_structure.configuration": ["pass", "YAML configs loaded by --config"],
    "code_quality.lint_format": ["fail", "none"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["partial", "good file, but TensorBoard run directories are committed"],
    "code_quality.secrets": ["pass", "none"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": ["fail", "print only"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["pass", "TensorBoard SummaryWriter in train.py"],
    "scalability.data_versioning": ["fail", "none"],
    "scalability.serving": ["fail", "no API"],
    "scalability.distributed": ["pass", "torch.distributed with DistributedDataParallel, torchrun on Slurm"],
    "scalability.deployment": ["fail", "a Slurm script is not deployment"],
  },
};
