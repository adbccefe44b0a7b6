/**
 * Whether a repository is a machine-learning project: ML libraries imported in its own code or
 * notebooks, declared in its manifests or requirements, or notebooks at all. Decides whether
 * ML-specific testing applies, and which part of a full-stack repo is "the main part".
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { declaredDependencies } from "../lib/project.js";
import { importsModule } from "../lib/python.js";
import { requirementsFiles } from "../lib/requirements.js";

/** Top-level modules of model-building libraries. */
export const ML_MODULES = [
  "sklearn",
  "torch",
  "tensorflow",
  "keras",
  "xgboost",
  "lightgbm",
  "catboost",
  "transformers",
  "jax",
  "flax",
  "pytorch_lightning",
  "lightning",
  "statsmodels",
  "prophet",
  "spacy",
  "fastai",
  "sentence_transformers",
  "timm",
  "onnxruntime",
  "ultralytics",
  // Retrieval-augmented and LLM applications: embeddings, vector indexes and model chains.
  "langchain",
  "langchain_core",
  "langchain_community",
  "langchain_openai",
  "langchain_huggingface",
  "langchain_chroma",
  "llama_index",
  "faiss",
  "chromadb",
  "haystack",
  "dspy",
] as const;

/** Distribution names (PEP 503) of the same libraries. */
const ML_DISTRIBUTIONS = new Set([
  "scikit-learn",
  "sklearn",
  "torch",
  "tensorflow",
  "tensorflow-cpu",
  "tensorflow-gpu",
  "keras",
  "xgboost",
  "lightgbm",
  "catboost",
  "transformers",
  "jax",
  "flax",
  "pytorch-lightning",
  "lightning",
  "statsmodels",
  "prophet",
  "spacy",
  "fastai",
  "sentence-transformers",
  "timm",
  "onnxruntime",
  "ultralytics",
  "langchain",
  "langchain-core",
  "langchain-community",
  "langchain-openai",
  "langchain-huggingface",
  "langchain-chroma",
  "llama-index",
  "llama-index-core",
  "faiss-cpu",
  "faiss-gpu",
  "chromadb",
  "haystack-ai",
  "farm-haystack",
  "dspy-ai",
]);

/** Why a repository counts as an ML project. */
export interface MlEvidence {
  readonly path: string;
  readonly line?: number;
  readonly detail: string;
}

const cache = new WeakMap<RepoView, readonly MlEvidence[]>();

/**
 * Evidence that the repository builds or uses models (memoised per view). A check that calls it
 * reads PYTHON_SOURCE_READ, NOTEBOOK_READ, PROJECT_READ and REQUIREMENTS_READ.
 */
export function mlEvidence(repo: RepoView): readonly MlEvidence[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: MlEvidence[] = [];
  for (const i of importsModule(repo, ML_MODULES, { notebooks: true, tests: true }))
    out.push({ path: i.path, line: i.line, detail: `imports ${i.module}` });
  for (const d of declaredDependencies(repo))
    if (d.ecosystem === "python" && ML_DISTRIBUTIONS.has(d.name))
      out.push({ path: d.path, ...(d.line ? { line: d.line } : {}), detail: `depends on ${d.name}` });
  for (const file of requirementsFiles(repo))
    for (const r of file.entries)
      if (ML_DISTRIBUTIONS.has(r.key)) out.push({ path: file.path, line: r.line, detail: `requires ${r.key}` });
  const notebook = repo.glob("**/*.ipynb").find((f) => isOwnCode(f));
  if (notebook) out.push({ path: notebook.path, detail: "Jupyter notebooks" });
  cache.set(repo, out);
  return out;
}
