import { describe, expect, it } from "vitest";
import { distributed } from "../../../checks/scalability/distributed.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import { frozenRequirements, notebook, plainTraining, plotCell } from "./fixtures.js";

const rayTuning = `import ray


@ray.remote
def evaluate(params):
    return params["lr"] * 2


def main():
    ray.init()
    print(ray.get([evaluate.remote({"lr": lr}) for lr in (0.1, 0.01)]))
`;

const ddpTraining = `import os

import torch
from torch.nn.parallel import DistributedDataParallel as DDP


def main():
    torch.distributed.init_process_group("nccl")
    local_rank = int(os.environ["LOCAL_RANK"])
    model = DDP(build_model().to(local_rank), device_ids=[local_rank])
    train(model)
`;

const lightningDdp = `import lightning as L

from .model import LitModel

trainer = L.Trainer(accelerator="gpu", devices=4, strategy="ddp", num_nodes=2)
trainer.fit(LitModel())
`;

const cases: [string, Tree, CheckStatus, string[]][] = [
  ["Ray tasks", { "src/tune.py": rayTuning }, "pass", ["distributed-used"]],
  [
    "DistributedDataParallel through `import torch`",
    { "train.py": ddpTraining },
    "pass",
    ["distributed-used", "distributed-used"],
  ],
  ["a Lightning strategy", { "src/train.py": lightningDdp }, "pass", ["distributed-used"]],
  [
    "a Lightning strategy chosen in a Hydra trainer config (lightning-hydra-template's trainer=ddp)",
    {
      "src/train.py":
        'import hydra\nimport lightning as L\n\n\n@hydra.main(config_path="../configs", config_name="train")\ndef main(cfg):\n    trainer = hydra.utils.instantiate(cfg.trainer)\n    trainer.fit(hydra.utils.instantiate(cfg.model))\n',
      "configs/trainer/default.yaml": "_target_: lightning.pytorch.trainer.Trainer\ndevices: 1\n",
      "configs/trainer/ddp.yaml":
        "defaults:\n  - default\n\nstrategy: ddp\naccelerator: gpu\ndevices: 4\nnum_nodes: 1\n",
    },
    "pass",
    ["distributed-used"],
  ],
  [
    "a single-device strategy in a config is not distributed",
    {
      "src/train.py": 'import lightning as L\n\ntrainer = L.Trainer(accelerator="gpu")\n',
      "configs/trainer/gpu.yaml": "strategy: single_device\naccelerator: gpu\n",
    },
    "fail",
    ["not-distributed"],
  ],
  [
    "PySpark in a Databricks-style notebook",
    {
      "notebooks/etl.ipynb": notebook([
        "from pyspark.sql import SparkSession\n",
        "spark = SparkSession.builder.getOrCreate()\ndf = spark.read.parquet('s3://bucket/events')\n",
      ]),
    },
    "pass",
    ["distributed-used"],
  ],
  [
    "an Accelerate launch configuration",
    {
      "configs/accelerate_config.yaml":
        "compute_environment: LOCAL_MACHINE\ndistributed_type: MULTI_GPU\nnum_processes: 4\n",
      "train.py": plainTraining,
    },
    "pass",
    ["distributed-config"],
  ],
  [
    "Ray imported but never used",
    { "train.py": `import ray\n\n${plainTraining}` },
    "partial",
    ["distributed-used", "distributed-imported-only"],
  ],
  [
    "DataParallel on one machine",
    { "train.py": "import torch\n\nmodel = torch.nn.DataParallel(build_model())\n" },
    "partial",
    ["partial-parallelism", "not-distributed"],
  ],
  [
    "multiprocessing only",
    { "prep.py": "from multiprocessing import Pool\n\nwith Pool(8) as pool:\n    pool.map(clean, files)\n" },
    "fail",
    ["local-parallelism", "not-distributed"],
  ],
  [
    "frameworks only in a frozen environment and a plot",
    { "requirements.txt": frozenRequirements, "eda.ipynb": notebook([plotCell]), "train.py": plainTraining },
    "fail",
    ["not-distributed"],
  ],
];

describe("scalability.distributed", () => {
  it.each(cases)("%s", (_name, tree, status, ids) => {
    const result = runCheck(distributed, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
  });

  it("points at the first call", () => {
    const { findings } = runCheck(distributed, { "src/tune.py": rayTuning });
    expect(findings[0]).toMatchObject({ path: "src/tune.py", line: 4 });
  });
});
