/**
 * code_structure.configuration: are settings kept apart from the code (config files read by
 * the code, Hydra, pydantic settings, environment variables with a `.env.example`), or are
 * paths and hyper-parameters hard-coded in the scripts?
 */
import { defineCheck, type Finding, failure, info, notApplicable, scored, warning } from "../../src/engine/check.js";
import { JS_SOURCE_READ, NOTEBOOK_READ, PYTHON_SOURCE_READ } from "../lib/languages.js";
import { configFacts, type Site } from "./config-facts.js";
import { layoutOf } from "./layout.js";

const DOCS = "https://12factor.net/config";
const HYDRA_DOCS = "https://hydra.cc/docs/intro/";

function where(sites: readonly Site[], n = 3): string {
  const files = [...new Map(sites.map((s) => [s.path, s])).values()];
  return `${files
    .slice(0, n)
    .map((s) => `${s.path}:${s.line}`)
    .join(", ")}${files.length > n ? ", ..." : ""}`;
}

export const configurationCheck = defineCheck({
  id: "code_structure.configuration",
  title: "Configuration kept apart from code",
  criterion: "code_structure",
  weight: 2,
  looksFor:
    "Settings in config files (YAML/TOML, Hydra, pydantic settings) or environment variables with a .env.example, not absolute paths and hyper-parameters hard-coded in scripts.",
  why: "Hard-coded paths break on the reviewer's machine and hard-coded hyper-parameters make experiments impossible to reproduce or vary; separate configuration shows production habits.",
  remediation:
    "Move paths and hyper-parameters into a config file (configs/train.yaml read with OmegaConf/Hydra, or pydantic BaseSettings reading environment variables), document the variables in .env.example, and pass paths relative to the project or as options.",
  effort: "low",
  docs: DOCS,
  reads: [PYTHON_SOURCE_READ, NOTEBOOK_READ, JS_SOURCE_READ],
  evaluate(repo) {
    const layout = layoutOf(repo);
    if (layout.kind === "none")
      return notApplicable(info("no-code", "No Python or JavaScript/TypeScript code to judge."));
    const f = configFacts(repo);
    const findings: Finding[] = [];
    const nothingApart =
      f.hydra.length + f.settingsClasses.length + f.configFiles.length + f.configLoads.length === 0 &&
      f.envReads.length + f.envTemplates.length + f.cliOptions.length + f.configModules.length === 0;
    // Code that never runs on its own (a library's modules, a template's pages) takes its settings
    // as arguments: with nothing hard-coded either, there is nothing to keep apart.
    if (nothingApart && f.runs.length === 0 && f.hardPaths.length === 0 && f.hardParams.length === 0)
      return notApplicable(
        info(
          "no-settings-needed",
          "No script, notebook or server entry point and no configuration read: the code takes its settings as arguments.",
        ),
      );
    const hard = { remediation: configurationCheck.remediation, docs: DOCS };

    const strong: string[] = [];
    if (f.hydra.length > 0) strong.push(`Hydra (${where(f.hydra, 1)})`);
    if (f.settingsClasses.length > 0) strong.push(`pydantic settings (${where(f.settingsClasses, 1)})`);
    if (f.configFiles.length > 0 && f.configLoads.length > 0)
      strong.push(
        `config files ${f.configFiles.slice(0, 3).join(", ")} loaded by the code (${where(f.configLoads, 1)})`,
      );
    if (f.envTemplates.length > 0 && (f.envReads.length > 0 || f.configLoads.length > 0))
      strong.push(`environment variables documented in ${f.envTemplates[0]}`);

    const medium: string[] = [];
    if (f.configFiles.length > 0 && f.configLoads.length === 0)
      medium.push(`config files ${f.configFiles.slice(0, 3).join(", ")}`);
    if (f.configLoads.length > 0 && f.configFiles.length === 0)
      medium.push(`config loaded at ${where(f.configLoads, 1)}`);
    if (f.envReads.length > 0 && f.envTemplates.length === 0)
      medium.push(`environment variables read at ${where(f.envReads, 2)}`);
    if (f.envTemplates.length > 0 && f.envReads.length === 0 && f.configLoads.length === 0)
      medium.push(f.envTemplates[0] as string);
    if (f.cliOptions.length > 0) medium.push(`command-line options (${where(f.cliOptions, 1)})`);
    if (f.configModules.length > 0) medium.push(`settings module ${f.configModules.slice(0, 2).join(", ")}`);

    let score: number;
    if (strong.length > 0) {
      findings.push(info("config-separate", `Configuration is kept apart: ${[...strong, ...medium].join("; ")}.`));
      score = 1;
    } else if (medium.length > 0) {
      findings.push(info("config-partial", `Some configuration is kept apart: ${medium.join("; ")}.`));
      // A settings module alone is still code; two independent signs make a habit. A config
      // file the code loads but the repository does not hold (credentials.yaml, ignored) is
      // half a practice: nobody can run the code without guessing what goes in it.
      const loadsMissingFile = f.configLoads.length > 0 && f.configFiles.length === 0 && medium.length === 1;
      score = medium.length >= 2 ? 0.85 : f.configModules.length > 0 || loadsMissingFile ? 0.6 : 0.8;
    } else {
      // Scripts, notebooks or a server run with every setting in the code: no evidence of the practice.
      score = 0.15;
    }

    if (f.hardPaths.length > 0) {
      const files = new Set(f.hardPaths.map((s) => s.path)).size;
      const first = f.hardPaths[0] as Site;
      findings.push(
        warning(
          "hard-coded-paths",
          `Machine-specific absolute paths in ${files} file(s): ${first.detail} at ${where(f.hardPaths)}.`,
          { path: first.path, line: first.line },
          {
            remediation:
              "Build paths from the project root (pathlib.Path(__file__).parent) or read them from config or environment variables.",
            docs: DOCS,
          },
        ),
      );
      score = files >= 2 || files * 3 >= f.codeFiles ? Math.min(score - 0.15, 0.55) : score - 0.15;
    }
    if (f.hardParams.length > 0) {
      const first = f.hardParams[0] as Site;
      const many = f.hardParams.length >= 2;
      findings.push(
        warning(
          "hard-coded-parameters",
          `Hyper-parameters written as literals in the code in ${f.hardParams.length} file(s) (${first.detail} in ${first.path}:${first.line}).`,
          { path: first.path, line: first.line },
          {
            remediation:
              "Read hyper-parameters from a config file or command-line options so a run can change them without editing code.",
            docs: HYDRA_DOCS,
          },
        ),
      );
      score -= strong.length > 0 ? 0.05 : many ? 0.15 : 0.1;
    }
    if (strong.length === 0 && medium.length === 0) {
      const hardCoded = f.hardPaths.length > 0 || f.hardParams.length > 0;
      const run = f.runs[0];
      findings.push(
        failure(
          "no-configuration",
          hardCoded
            ? "No configuration file, settings class or environment variable: paths and parameters live in the code."
            : `No configuration file, settings class or environment variable, though the code runs (${run?.detail} in ${run?.path}).`,
          run ? { path: run.path, line: run.line } : undefined,
          hard,
        ),
      );
      if (hardCoded) score = Math.min(score, 0.1);
    }
    if (f.settingsClasses.length === 0 && f.envReads.length > 0 && f.envTemplates.length === 0)
      findings.push(
        info(
          "env-undocumented",
          `Environment variables are read (${where(f.envReads, 1)}) but no .env.example lists them.`,
        ),
      );
    return scored(score, findings);
  },
});
