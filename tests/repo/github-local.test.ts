/**
 * The same commit must score the same through the App as `portfolio-quality check` on a clone:
 * one tree, written to disk for the local source and served by the fake GitHub API for the
 * GitHub source, gives the same listing, the same contents and the same report.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "../../checks/index.js";
import { GitHubSource } from "../../src/repo/github.js";
import { LocalSource } from "../../src/repo/local.js";
import { scan } from "../../src/scan.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";
import type { Tree } from "../helpers/tree.js";

const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, "utf16le")]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const notebook = JSON.stringify(
  {
    cells: [
      { cell_type: "markdown", metadata: {}, source: ["# Exploration\n"] },
      {
        cell_type: "code",
        execution_count: 1,
        metadata: {},
        outputs: [],
        source: ["import pandas as pd\n", "df = pd.read_csv('data/churn.csv')\n"],
      },
    ],
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

/** A small but realistic ML repository, with the encodings and entry kinds that trip sources up. */
const REPO: Tree = {
  "README.md":
    "\uFEFF# Churn model\r\n\r\nPredicts customer churn.\r\n\r\n## Setup\r\n\r\n```bash\r\npip install -r requirements.txt\r\n```\r\n\r\n## Tests\r\n\r\n```bash\r\npytest\r\n```\r\n",
  LICENSE: "MIT License\n\nCopyright (c) 2024 Jane Doe\n",
  ".gitignore": "__pycache__/\n.venv/\n",
  "pyproject.toml": `[project]
name = "churn"
version = "0.3.0"
requires-python = ">=3.10"
dependencies = ["scikit-learn==1.5.2", "pandas==2.2.3", "fastapi==0.115.0"]

[tool.pytest.ini_options]
addopts = "--cov=churn --cov-fail-under=85"

[tool.ruff]
line-length = 100
`,
  "requirements.txt": utf16("pandas==2.2.3\r\nscikit-learn==1.5.2\r\nfastapi==0.115.0\r\n"),
  "src/churn/__init__.py": '"""Churn prediction."""\n',
  "src/churn/train.py":
    'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef train(path: str) -> None:\n    """Train the model."""\n    logger.info("training on %s", path)\n',
  "src/churn/api.py":
    'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health() -> dict:\n    """Liveness probe."""\n    return {"ok": True}\n',
  "tests/test_train.py": "from churn.train import train\n\n\ndef test_train(tmp_path):\n    train(str(tmp_path))\n",
  ".github/workflows/ci.yml":
    "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -e . pytest pytest-cov\n      - run: pytest\n",
  Dockerfile:
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\nUSER 1000\nCMD ["uvicorn", "churn.api:app"]\n',
  "notebooks/eda.ipynb": notebook,
  "docs/architecture.png": png,
  "docs/latest": { mode: "symlink", text: "../README.md" },
  "scripts/train.sh": { mode: "executable", text: "#!/bin/sh\nset -eu\npython -m churn.train data/churn.csv\n" },
  "data/churn.csv": `customer,churned\n${"c,0\n".repeat(150_000)}`,
  "données/étude.py": "# -*- coding: utf-8 -*-\nNOM = 'étude'\n",
  "docs/with space.md": "# A page\n",
  "src/churn/empty.py": "",
};

function writeTree(root: string, tree: Tree): void {
  for (const [path, entry] of Object.entries(tree)) {
    const full = join(root, ...path.split("/"));
    mkdirSync(dirname(full), { recursive: true });
    if (typeof entry === "string" || entry instanceof Uint8Array) writeFileSync(full, entry);
    else if (entry.mode === "symlink") symlinkSync(entry.text ?? "target", full);
    else if (entry.mode === "executable") {
      writeFileSync(full, entry.text ?? "");
      chmodSync(full, 0o755);
    } else throw new Error(`cannot write ${entry.mode} ${path}`);
  }
}

let fake: FakeGitHub;
let dir: string;
let octokit: Octokit;
let sha: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ repos: { "jane/churn": { files: REPO } } });
  sha = fake.repo("jane/churn").latest.sha;
  octokit = new Octokit({ baseUrl: fake.url, auth: "ghs_test" });
  dir = mkdtempSync(join(tmpdir(), "pq-github-local-"));
  writeTree(dir, REPO);
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("GitHub source and local source agree", () => {
  it("list the same files with the same sizes and modes, and read the same contents", async () => {
    const local = new LocalSource(dir);
    const github = new GitHubSource(octokit, { owner: "jane", repo: "churn", sha });
    const [fromDisk, fromGitHub] = [await local.list(), await github.list()];
    expect(fromGitHub.files).toEqual(fromDisk.files);
    expect(fromGitHub.notes).toEqual(fromDisk.notes);
    expect(fromGitHub.files.map((f) => f.mode)).toEqual(expect.arrayContaining(["file", "executable", "symlink"]));

    const regular = fromDisk.files.filter((f) => f.mode === "file" || f.mode === "executable").map((f) => f.path);
    const [diskContents, githubContents] = [await local.read(regular), await github.read(regular)];
    expect(Object.fromEntries(githubContents)).toEqual(Object.fromEntries(diskContents));
    // The traps are really there: a UTF-16 file, a binary one, one too large to read.
    expect(githubContents.get("requirements.txt")).toMatchObject({ kind: "text", encoding: "utf-16le" });
    expect(githubContents.get("docs/architecture.png")).toMatchObject({ kind: "unread", reason: "binary" });
    expect(githubContents.get("data/churn.csv")).toMatchObject({ kind: "unread", reason: "too_large" });
    // One tree request, one GraphQL query for the whole plan, two raw blobs (UTF-16 and PNG).
    expect(github.requestsByKind).toEqual({ tree: 1, contents: 1, blob: 2 });
  });

  it("give the same report through the whole scan", async () => {
    const options = { checks: CHECKS, tool: { name: "portfolio-quality", version: "test" }, now: () => 0 };
    const fromDisk = await scan(new LocalSource(dir), options);
    const fromGitHub = await scan(new GitHubSource(octokit, { owner: "jane", repo: "churn", sha }), options);
    expect(fromGitHub.repo).toMatchObject({ source: "github", name: "jane/churn", sha });
    expect({ ...fromGitHub, repo: null }).toEqual({ ...fromDisk, repo: null });
    expect(fromGitHub.stats.filesRead).toBeGreaterThan(5);
  });
});
