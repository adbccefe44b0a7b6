/**
 * (k) An R analysis project with a little Python glue: R functions, an R Markdown report,
 * testthat tests run by an R workflow, renv.lock, lintr and styler through pre-commit, a config
 * package file, and one Python download script. The checklist's Python/JS detectors see only
 * the glue; a reviewer judges the R project.
 */

import { gpl3 } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";
import { clean, models, rmd, tables, test, utils } from "./r-analysis-code.js";

const workflow = `name: R

on:
  push:
    branches: [main]
  pull_request:

jobs:
  check:
    runs-on: ubuntu-latest
    env:
      GITHUB_PAT: \${{ secrets.GITHUB_TOKEN }}
    steps:
      - uses: actions/checkout@v4
      - uses: r-lib/actions/setup-r@v2
        with:
          r-version: "4.3.2"
      - uses: r-lib/actions/setup-renv@v2
      - name: Lint
        run: Rscript -e 'lintr::lint_dir("R")'
      - name: Test
        run: Rscript -e 'testthat::test_dir("tests/testthat", load_helpers = TRUE, stop_on_failure = TRUE)'
`;

const download = `"""Download the SEER extract and the county population table into data/raw."""
import hashlib
from pathlib import Path

import requests

FILES = {
    "seer_breast_2000_2018.csv": "https://example-data.org/seer/seer_breast_2000_2018.csv",
    "county_population.csv": "https://example-data.org/census/county_population.csv",
}

def fetch(url: str, dest: Path) -> str:
    """Stream one file to disk and return its SHA-256."""
    digest = hashlib.sha256()
    with requests.get(url, stream=True, timeout=60) as response:
        response.raise_for_status()
        with dest.open("wb") as out:
            for chunk in response.iter_content(1 << 20):
                out.write(chunk)
                digest.update(chunk)
    return digest.hexdigest()

def main() -> None:
    """Fetch every file listed in FILES."""
    root = Path("data/raw")
    root.mkdir(parents=True, exist_ok=True)
    for name, url in FILES.items():
        print(name, fetch(url, root / name))

if __name__ == "__main__":
    main()
`;

const renvLock = `{
  "R": {
    "Version": "4.3.2",
    "Repositories": [{ "Name": "CRAN", "URL": "https://cloud.r-project.org" }]
  },
  "Packages": {
    "dplyr": { "Package": "dplyr", "Version": "1.1.4", "Source": "Repository", "Repository": "CRAN", "Hash": "fedd9d00c2944ff00a0e2696ccf048ec" },
    "survival": { "Package": "survival", "Version": "3.5-7", "Source": "Repository", "Repository": "CRAN", "Hash": "b8e943d262c3da0b0febd3e04517c197" },
    "testthat": { "Package": "testthat", "Version": "3.2.1", "Source": "Repository", "Repository": "CRAN", "Hash": "4767a686ebe986e6cb01d075b3f09729" },
    "lintr": { "Package": "lintr", "Version": "3.1.1", "Source": "Repository", "Repository": "CRAN", "Hash": "2d5ab5a2f7fb1e2a8d0a0d3b07f1a8e1" }
  }
}
`;

export const rAnalysis: Archetype = {
  name: "r-analysis",
  kind: "an R project with a little Python glue",
  tree: {
    "README.md":
      '# Breast cancer survival by stage (SEER 2000-2018)\n\nCox proportional hazards analysis of breast cancer survival by stage, age group and tumour grade, written as a reproducible R Markdown report.\n\n## Setup\n\n```r\ninstall.packages("renv")\nrenv::restore()\n```\n\nDownload the data (needs Python 3 and `requests`):\n\n```bash\npython scripts/download_data.py\n```\n\n## Usage\n\n```r\nrmarkdown::render("analysis.Rmd")\n```\n\n## Tests\n\n```r\ntestthat::test_dir("tests/testthat")\n```\n\n## Results\n\nStage IV hazard ratio 11.8 (95% CI 11.2-12.4) relative to stage I.\n',
    "LICENSE.md": gpl3,
    ".gitignore": ".Rproj.user\n.Rhistory\n.RData\n.Ruserdata\nrenv/library/\nrenv/staging/\ndata/raw/\n*.html\n",
    ".Rprofile": 'source("renv/activate.R")\n',
    "renv.lock": renvLock,
    "renv/activate.R": 'local({\n  version <- "1.0.3"\n  # the renv bootstrapper, as renv::init() writes it\n})\n',
    ".lintr":
      'linters: linters_with_defaults(line_length_linter(120), object_name_linter = NULL)\nexclusions: list("renv")\n',
    ".pre-commit-config.yaml":
      "repos:\n  - repo: https://github.com/lorenzwalthert/precommit\n    rev: v0.4.0\n    hooks:\n      - id: style-files\n        args: [--style_pkg=styler, --style_fun=tidyverse_style]\n      - id: lintr\n      - id: parsable-R\n      - id: no-browser-statement\n",
    "config.yml":
      "default:\n  raw_dir: data/raw\n  seer_file: seer_breast_2000_2018.csv\n  alpha: 0.05\nproduction:\n  raw_dir: /shared/seer/raw\n",
    "seer-survival.Rproj": "Version: 1.0\n\nRestoreWorkspace: No\nSaveWorkspace: No\n",
    "R/clean.R": clean,
    "R/models.R": models,
    "R/plots.R":
      "#' Kaplan-Meier curves by stage\n#'\n#' @param data Cleaned data.\nplot_km <- function(data) {\n  fit <- survival::survfit(survival::Surv(survival_months, status) ~ stage, data = data)\n  survminer::ggsurvplot(fit, risk.table = TRUE, pval = TRUE)\n}\n",
    "analysis.Rmd": rmd,
    "R/tables.R": tables,
    "R/utils.R": utils,
    "tests/testthat.R":
      'library(testthat)\nfor (f in list.files("R", full.names = TRUE)) source(f)\ntest_dir("tests/testthat")\n',
    "tests/testthat/test-clean.R": test,
    ".github/workflows/R-check.yaml": workflow,
    "scripts/download_data.py": download,
  },
  expected: {
    "testing.tests": [
      ["not_applicable", "pass"],
      "testthat tests run in CI: an R suite the Python/JS detectors cannot judge",
    ],
    "testing.coverage": [
      ["not_applicable", "fail"],
      "R coverage (covr) is out of the checklist's languages; none configured",
    ],
    "testing.ml_tests": [["not_applicable", "fail"], "a statistical analysis in R"],
    "documentation.readme": ["pass", "what, setup, usage, tests, results"],
    "documentation.docstrings": [
      ["not_applicable", "pass"],
      "roxygen comments on the R functions; the only Python file is glue",
    ],
    "documentation.license": ["pass", "GPL-3 text in LICENSE.md"],
    "ci_cd.workflows": ["pass", "R-check.yaml on push and pull_request"],
    "ci_cd.runs_tests": ["pass", "Rscript testthat::test_dir in CI"],
    "ci_cd.quality_gates": [["partial", "pass"], "lintr in CI, one kind of gate (styler runs only in pre-commit)"],
    "ci_cd.pinned_actions": ["partial", "version tags"],
    "code_structure.modules": [["not_applicable", "pass"], "R/ functions sourced by an R Markdown report"],
    "code_structure.dependencies": [["pass", "not_applicable"], "renv.lock locks every R package"],
    "code_structure.configuration": ["pass", "config.yml read with config::get()"],
    "code_quality.lint_format": [["not_applicable", "pass"], "lintr and styler for R through pre-commit"],
    "code_quality.types": ["not_applicable", "R has no optional typing"],
    "code_quality.precommit": ["pass", "lorenzwalthert/precommit hooks"],
    "code_quality.gitignore": ["pass", "covers R artefacts and renv's library; nothing contradicts it"],
    "code_quality.secrets": ["pass", "secrets.GITHUB_TOKEN reference only"],
    "containerization.dockerfile": ["fail", "none (language-agnostic)"],
    "monitoring.logging": [["not_applicable", "fail"], "an R report; the Python glue prints progress"],
    "monitoring.observability": [["not_applicable", "fail"], "none"],
    "scalability.experiment_tracking": [["fail", "not_applicable"], "none"],
    "scalability.data_versioning": ["fail", "none (language-agnostic)"],
    "scalability.serving": [["fail", "not_applicable"], "no API"],
    "scalability.distributed": [["fail", "not_applicable"], "none"],
    "scalability.deployment": ["fail", "none"],
  },
};
