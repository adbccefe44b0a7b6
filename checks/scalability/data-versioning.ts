import { defineCheck, type Finding, info, type RepoView, scored, warning } from "../../src/engine/check.js";
import { isOwnCode, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { codeDependent } from "../lib/no-source.js";
import { parseYaml } from "../lib/parse.js";
import { packageUses, where } from "./usage.js";

const DOCS = "https://dvc.org/doc/start";

/** DVC's and Git LFS's own files: small, and the whole verdict hangs on them. */
const VERSIONING_READ = {
  globs: ["**/dvc.yaml", "**/*.dvc", ".dvc/config", "**/.gitattributes"],
  maxFiles: 60,
  priority: 1,
} as const;

// A `.dvc` pointer lists what it tracks under `outs` (or `deps` for an import).
function dvcPointerOuts(text: string): number | undefined {
  const parsed = parseYaml(text);
  if (!parsed.ok) return undefined;
  const value = parsed.value.value as { outs?: unknown; deps?: unknown } | null;
  if (!value || typeof value !== "object") return undefined;
  const outs = Array.isArray(value.outs) ? value.outs.length : 0;
  return outs + (Array.isArray(value.deps) ? value.deps.length : 0);
}

function dvcPipelines(repo: RepoView, findings: Finding[]): number {
  let stages = 0;
  for (const file of repo.read("**/dvc.yaml")) {
    if (!isOwnCode(file.path)) continue;
    const parsed = parseYaml(file.text);
    if (!parsed.ok) {
      findings.push(
        warning(
          "dvc-yaml-invalid",
          `${file.path} is not valid YAML: ${parsed.error}`,
          { path: file.path, line: parsed.line },
          {
            remediation: "Fix the YAML so that `dvc repro` can read the pipeline.",
            docs: "https://dvc.org/doc/user-guide/project-structure/dvcyaml-files",
          },
        ),
      );
      continue;
    }
    const value = parsed.value.value as { stages?: unknown } | null;
    const count = value?.stages && typeof value.stages === "object" ? Object.keys(value.stages).length : 0;
    if (count > 0) {
      stages += count;
      findings.push(info("dvc-pipeline", `DVC pipeline with ${count} stage(s) in ${file.path}`, { path: file.path }));
    }
  }
  return stages;
}

function dvcPointers(repo: RepoView, findings: Finding[]): number {
  const pointers = repo.glob("**/*.dvc").filter((f) => isOwnCode(f) && f.mode === "file");
  let tracked = 0;
  for (const f of pointers) {
    const text = repo.text(f.path);
    // An unread pointer (over budget) still says DVC tracks something there.
    const outs = text === undefined ? 1 : dvcPointerOuts(text);
    if (outs) tracked++;
  }
  if (tracked > 0) {
    const first = pointers[0]?.path;
    findings.push(
      info("dvc-tracked", `${tracked} file(s) or folder(s) tracked by DVC (e.g. ${first})`, { path: first }),
    );
  }
  return tracked;
}

/** A .gitattributes pattern as a glob over the listing, relative to the file's folder. */
function attributeGlob(dir: string, pattern: string): string {
  const anchored = pattern.startsWith("/");
  const body = anchored ? pattern.slice(1) : pattern;
  return anchored || body.replace(/\/$/, "").includes("/") ? `${dir}${body}` : `${dir}**/${body}`;
}

/** Git LFS patterns, and whether any committed file falls under one (Hugging Face writes thirty by default). */
function lfsPatterns(repo: RepoView): { patterns: number; first?: Finding; used?: Finding } {
  let patterns = 0;
  let first: Finding | undefined;
  let used: Finding | undefined;
  for (const file of repo.read("**/.gitattributes")) {
    if (!isOwnCode(file.path)) continue;
    const dir = file.path.slice(0, file.path.lastIndexOf("/") + 1);
    file.text.split(/\r?\n/).forEach((line, i) => {
      const fields = line.trim().split(/\s+/);
      const pattern = fields[0];
      if (!pattern || pattern.startsWith("#") || !fields.slice(1).includes("filter=lfs")) return;
      const at = { path: file.path, line: i + 1 };
      patterns++;
      first ??= info("git-lfs", `Git LFS tracks \`${pattern}\` (${file.path}:${i + 1})`, at);
      if (used) return;
      const hit = repo.glob(attributeGlob(dir, pattern)).find((f) => !f.path.endsWith(".gitattributes"));
      if (hit) used = info("git-lfs", `Git LFS tracks \`${pattern}\` (${file.path}:${i + 1}), e.g. ${hit.path}`, at);
    });
  }
  return { patterns, ...(first ? { first } : {}), ...(used ? { used } : {}) };
}

function dvcRemote(repo: RepoView): boolean {
  const config = repo.text(".dvc/config");
  return config !== undefined && /^\s*\[\s*['"]?remote\b/m.test(config);
}

/** `scalability.data_versioning`: datasets and models versioned with DVC or Git LFS. */
const dataVersioningRules = defineCheck({
  id: "scalability.data_versioning",
  title: "Data versioning",
  criterion: "scalability",
  weight: 1,
  looksFor:
    "DVC (dvc.yaml pipelines, *.dvc pointer files, .dvc/config) or Git LFS (.gitattributes with filter=lfs); never the " +
    "letters 'dvc' in a notebook output or a frozen environment.",
  why:
    "A model is only reproducible with the exact data it was trained on; versioned data lets a reviewer rerun the " +
    "pipeline rather than trust a number.",
  remediation:
    "Track datasets and model files with DVC (`dvc init`, `dvc add data/raw`, a `dvc.yaml` pipeline and a remote) or, " +
    "for a few large files, Git LFS (`git lfs track '*.pt'`).",
  effort: "low",
  docs: DOCS,
  reads: [VERSIONING_READ, PYTHON_SOURCE_READ, NOTEBOOK_READ],
  evaluate(repo) {
    const findings: Finding[] = [];
    const stages = dvcPipelines(repo, findings);
    const tracked = dvcPointers(repo, findings);
    const lfs = lfsPatterns(repo);
    if (lfs.used ?? lfs.first) findings.push((lfs.used ?? lfs.first) as Finding);
    // A dvc.yaml that does not parse still shows DVC in use, as a bare `dvc init` does.
    const broken = findings.some((f) => f.id === "dvc-yaml-invalid");
    const initialised = repo.has(".dvc/config") || repo.has(".dvcignore");
    const api = packageUses(repo, ["dvc", "lakefs", "lakefs_client", "deltalake", "datalad"]).filter((u) => u.called);
    for (const u of api.slice(0, 3))
      findings.push(
        info("data-api", `${u.root} used in ${where(u.path, u.callLine)} to read versioned data`, {
          path: u.path,
          line: u.callLine,
        }),
      );

    if (stages > 0 || tracked > 0) {
      if (!dvcRemote(repo) && initialised)
        findings.push(
          info("dvc-no-remote", "No DVC remote in .dvc/config: others cannot `dvc pull` the data", {
            path: ".dvc/config",
          }),
        );
      return scored(1, findings);
    }
    if (lfs.used || api.length > 0) return scored(lfs.used ? 1 : 0.8, findings);
    if (lfs.patterns > 0)
      return scored(0.4, [
        ...findings,
        warning(
          "lfs-tracks-nothing",
          "Git LFS patterns match no file in the repository: nothing is versioned through them (Hugging Face writes such a .gitattributes by default)",
          { path: lfs.first?.path ?? ".gitattributes" },
          {
            remediation:
              "Commit the datasets or weights through the LFS patterns (`git lfs track`, then add the files), or version them with DVC.",
            docs: "https://git-lfs.com/",
          },
        ),
      ]);
    if (broken) return scored(0.4, findings);
    if (initialised)
      return scored(0.4, [
        ...findings,
        warning(
          "dvc-initialised-only",
          "DVC is initialised but tracks nothing (no dvc.yaml stages, no .dvc files)",
          { path: repo.has(".dvc/config") ? ".dvc/config" : ".dvcignore" },
          {
            remediation:
              "Track the data: `dvc add data/raw` (commit the .dvc file) or define the pipeline in `dvc.yaml`, and push to a remote.",
            docs: DOCS,
          },
        ),
      ]);
    return scored(0, [
      ...findings,
      warning("no-data-versioning", "Datasets and models are not versioned (no DVC, no Git LFS)", undefined, {
        remediation:
          "Run `dvc init`, `dvc add` the raw data (or describe the pipeline in `dvc.yaml`) and configure a remote; or use Git LFS for a few large files.",
        docs: DOCS,
      }),
    ]);
  },
});

/** The check as run: not applicable when the repository has no source code and nothing to credit. */
export const dataVersioning = codeDependent(dataVersioningRules, "data versioning");
