import { defineCheck, type Finding, info, type RepoView, scored, warning } from "../../src/engine/check.js";
import { isOwnCode, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { parseYaml } from "../lib/parse.js";
import { pythonSources } from "../lib/python.js";
import { inPackage, packageUses, resolvedCalls, where } from "./usage.js";

const DOCS = "https://docs.ray.io/en/latest/ray-overview/getting-started.html";

/** Frameworks that spread work over processes, GPUs or machines. */
const DISTRIBUTED: Readonly<Record<string, string>> = {
  ray: "Ray",
  dask: "Dask",
  pyspark: "Spark",
  "databricks.connect": "Databricks Connect",
  "torch.distributed": "torch.distributed",
  "torch.nn.parallel.DistributedDataParallel": "DistributedDataParallel",
  accelerate: "Accelerate",
  horovod: "Horovod",
  deepspeed: "DeepSpeed",
  "tensorflow.distribute": "tf.distribute",
  fairscale: "FairScale",
  colossalai: "Colossal-AI",
  mpi4py: "MPI",
  modin: "Modin",
};

/** Partial signals: single-machine multi-GPU, or work spread through a task queue. */
const PARTIAL: Readonly<Record<string, string>> = {
  "torch.nn.DataParallel": "DataParallel (one machine)",
  celery: "Celery workers",
  rq: "RQ workers",
  dramatiq: "Dramatiq workers",
};

/** Local parallelism only: not distributed, but the place to start. */
const LOCAL = ["multiprocessing", "concurrent.futures", "joblib.Parallel"];

const LIGHTNING = ["lightning", "pytorch_lightning"];
/** Keyword arguments of Lightning's Trainer that scale it out. */
const LIGHTNING_SCALE = ["strategy", "num_nodes"];

/** Config trees where Hydra-style projects keep the Trainer's settings. */
const CONFIG_YAML_READ = { globs: ["**/{configs,config,conf}/**/*.{yml,yaml}"], maxFiles: 120, priority: 4 } as const;
/** Lightning strategies that spread training over devices or nodes (a string, or a `_target_` class). */
const DISTRIBUTED_STRATEGY =
  /^(ddp\w*|deepspeed\w*|fsdp\w*|horovod|hpu_parallel|xla\w*)$|(DDP|DeepSpeed|FSDP|XLA)Strategy$/;

/** The first `strategy:` in a config file that names a distributed strategy, with where it is. */
function yamlStrategy(repo: RepoView): { path: string; line?: number; strategy: string } | undefined {
  for (const f of repo.read(CONFIG_YAML_READ.globs)) {
    if (!isOwnCode(f.path) || !/(^|\n)\s*strategy\s*:/.test(f.text)) continue;
    const parsed = parseYaml(f.text);
    if (!parsed.ok) continue;
    const found = findStrategy(parsed.value.value, []);
    if (found) {
      const line = parsed.value.lineOf(found.at);
      return { path: f.path, strategy: found.strategy, ...(line !== undefined ? { line } : {}) };
    }
  }
  return undefined;
}

function findStrategy(
  node: unknown,
  at: (string | number)[],
): { strategy: string; at: (string | number)[] } | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const hit = findStrategy(node[i], [...at, i]);
      if (hit) return hit;
    }
    return undefined;
  }
  if (!node || typeof node !== "object") return undefined;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === "strategy") {
      const name =
        typeof value === "string"
          ? value
          : value && typeof value === "object" && typeof (value as { _target_?: unknown })._target_ === "string"
            ? ((value as { _target_: string })._target_.split(".").pop() ?? "")
            : "";
      if (DISTRIBUTED_STRATEGY.test(name)) return { strategy: name, at: [...at, key] };
    }
    const hit = findStrategy(value, [...at, key]);
    if (hit) return hit;
  }
  return undefined;
}

/** Launcher configurations, by file name: their presence is a distributed set-up. */
const CONFIGS: readonly [RegExp, string][] = [
  [/accelerate[^/]*config[^/]*\.ya?ml$/i, "an Accelerate launch configuration"],
  [/(^|\/)(ds_config|deepspeed)[^/]*\.json$/i, "a DeepSpeed configuration"],
  [/ray[^/]*cluster[^/]*\.ya?ml$/i, "a Ray cluster configuration"],
  [/(spark|emr|dataproc)[^/]*\.ya?ml$/i, "a Spark job configuration"],
];

/** `scalability.distributed`: training or processing can scale beyond one process. */
const distributedRules = defineCheck({
  id: "scalability.distributed",
  title: "Distributed compute",
  criterion: "scalability",
  weight: 1,
  looksFor:
    "Ray, Dask, Spark, torch.distributed/DistributedDataParallel, Accelerate, DeepSpeed, Horovod, tf.distribute or " +
    "Lightning strategies used in code (notebooks included), or a launcher configuration.",
  why: "Data and models outgrow one machine; code that already runs on Ray, Spark or DDP shows the author can scale it.",
  remediation:
    "Where data or training is heavy, scale it out: Dask or Spark for data processing, Ray for parallel jobs and tuning, " +
    'Accelerate/DDP or a Lightning `strategy="ddp"` for multi-GPU training.',
  effort: "high",
  docs: DOCS,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ, CONFIG_YAML_READ],
  evaluate(repo) {
    const findings: Finding[] = [];
    const uses = packageUses(repo, Object.keys(DISTRIBUTED));
    const called = uses.filter((u) => u.called);
    for (const u of (called.length > 0 ? called : uses).slice(0, 5))
      findings.push(
        info("distributed-used", `${DISTRIBUTED[u.root]} in ${where(u.path, u.callLine ?? u.line)}`, {
          path: u.path,
          line: u.callLine ?? u.line,
        }),
      );

    let lightning = false;
    let lightningImported = false;
    let partial: Finding | undefined;
    let local: Finding | undefined;
    for (const file of pythonSources(repo, { notebooks: true })) {
      if (file.test) continue;
      const imp = file.source.imports.find((i) => LIGHTNING.some((root) => inPackage(i.module, root)));
      if (imp) lightningImported = true;
      if (imp && LIGHTNING_SCALE.some((name) => file.source.names.has(name))) {
        lightning = true;
        findings.push(
          info("distributed-used", `Lightning Trainer with a strategy in ${where(file.path, imp.line)}`, {
            path: file.path,
            line: imp.line,
          }),
        );
      }
      for (const call of resolvedCalls(file.source)) {
        const hit = Object.keys(PARTIAL).find((root) => inPackage(call.callee, root));
        if (hit && !partial)
          partial = info("partial-parallelism", `${PARTIAL[hit]} in ${where(file.path, call.line)}`, {
            path: file.path,
            line: call.line,
          });
        if (!local && LOCAL.some((root) => inPackage(call.callee, root)))
          local = info(
            "local-parallelism",
            `Local parallelism only (${call.callee}) in ${where(file.path, call.line)}`,
            { path: file.path, line: call.line },
          );
      }
      const queue = file.source.imports.find((i) =>
        ["celery", "rq", "dramatiq"].some((root) => inPackage(i.module, root)),
      );
      if (queue && !partial)
        partial = info(
          "partial-parallelism",
          `${PARTIAL[queue.module.split(".")[0] ?? ""]} in ${where(file.path, queue.line)}`,
          { path: file.path, line: queue.line },
        );
    }
    // Hydra-style projects choose the Trainer's strategy in YAML (`configs/trainer/ddp.yaml`).
    if (!lightning && lightningImported) {
      const chosen = yamlStrategy(repo);
      if (chosen) {
        lightning = true;
        findings.push(
          info(
            "distributed-used",
            `Lightning strategy \`${chosen.strategy}\` configured in ${where(chosen.path, chosen.line)}`,
            {
              path: chosen.path,
              ...(chosen.line !== undefined ? { line: chosen.line } : {}),
            },
          ),
        );
      }
    }
    // One pass over the listing, not one glob per kind (repositories reach 100,000 files).
    const configs: Finding[] = [];
    const found = new Set<string>();
    for (const f of repo.files) {
      if (!/\.(ya?ml|json)$/i.test(f.path)) continue;
      const base = f.path.slice(f.path.lastIndexOf("/") + 1);
      const hit = CONFIGS.find(([re, what]) => !found.has(what) && re.test(base));
      if (!hit || !isOwnCode(f)) continue;
      found.add(hit[1]);
      configs.push(info("distributed-config", `${hit[1]}: ${f.path}`, { path: f.path }));
    }
    findings.push(...configs);

    if (called.length > 0 || lightning) return scored(1, findings);
    if (configs.length > 0) return scored(0.8, findings);
    if (uses.length > 0)
      return scored(0.6, [
        ...findings,
        warning(
          "distributed-imported-only",
          "A distributed framework is imported but never called",
          { path: uses[0]?.path, line: uses[0]?.line },
          {
            remediation:
              "Use it, or drop the import: start the cluster/client (e.g. `ray.init()`, `Client()`, `SparkSession.builder`) and run the heavy step on it.",
            docs: DOCS,
          },
        ),
      ]);
    const fix = {
      remediation:
        "Move the heaviest step to a distributed framework: Dask or Spark for data, Ray for parallel training and tuning, DDP/Accelerate for multi-GPU.",
      docs: DOCS,
    };
    if (partial)
      return scored(0.5, [
        partial,
        warning("not-distributed", "Work runs on one machine only", { path: partial.path, line: partial.line }, fix),
      ]);
    return scored(local ? 0.15 : 0, [
      ...(local ? [local] : []),
      warning(
        "not-distributed",
        "No distributed compute (Ray, Dask, Spark, torch.distributed, Accelerate)",
        undefined,
        fix,
      ),
    ]);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const distributed = codeDependent(distributedRules, "distributed compute");
