import { describe, expect, it } from "vitest";
import { readme } from "../../../checks/documentation/readme.js";
import { readmeFacts } from "../../../checks/documentation/readme-content.js";
import { readMarkdown } from "../../../checks/lib/markdown.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  CCDS_README,
  CRA_README,
  FASTAPI_README,
  HTML_README,
  KAGGLE_README,
  NEXT_README,
  PROPOSAL_README,
  RST_README,
  SHORT_README,
  TXT_README,
  VITE_README,
} from "./readme-fixtures.js";

const CODE = {
  "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "requirements.txt": "fastapi==0.115.0\n",
};

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (endian === "be") body.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]));
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
]);

const CRA_EXTENDED = `# Movie Recommender UI

React front end for the movie recommender: it shows a user's top-10 recommendations from the
FastAPI backend in \`../api\`, lets them rate films, and sends the ratings back for retraining.

## Setup

\`\`\`bash
npm ci
cp .env.example .env   # set REACT_APP_API_URL
\`\`\`

## Usage

\`\`\`bash
npm start
\`\`\`

${CRA_README}`;

type Case = [name: string, tree: Tree, status: string, ids: string[]];

const CASES: Case[] = [
  // pass
  ["FastAPI service README", { "README.md": FASTAPI_README, ...CODE }, "pass", ["readme-found"]],
  ["UTF-16 LE README with BOM", { "README.md": utf16(FASTAPI_README, "le"), ...CODE }, "pass", ["readme-found"]],
  ["UTF-16 BE README with BOM", { "README.md": utf16(FASTAPI_README, "be"), ...CODE }, "pass", ["readme-found"]],
  ["README.rst of a library", { "README.rst": RST_README, "churnlib/__init__.py": "" }, "pass", ["readme-found"]],
  ["README.txt with setext headings", { "README.txt": TXT_README }, "pass", ["readme-found", "readme-no-extras"]],
  ["lower-case readme.md", { "readme.md": FASTAPI_README }, "pass", ["readme-found"]],
  ["HTML headings and badges", { "README.md": HTML_README }, "pass", ["readme-found"]],
  ["docs/README.md, where GitHub also looks", { "docs/README.md": FASTAPI_README, ...CODE }, "pass", ["readme-found"]],
  [
    "template boilerplate left under the author's own README",
    { "README.md": CRA_EXTENDED, "src/App.js": "export default function App() {}" },
    "pass",
    ["readme-found", "readme-template-leftovers", "readme-no-extras"],
  ],
  [
    "binary README.md beside a real README.rst",
    { "README.md": PNG, "README.rst": RST_README },
    "pass",
    ["readme-unreadable", "readme-found"],
  ],
  // partial
  [
    "create-react-app template verbatim",
    { "README.md": CRA_README, "src/App.js": "" },
    "partial",
    ["readme-found", "readme-template"],
  ],
  [
    "create-next-app template verbatim",
    { "README.md": NEXT_README, "app/page.tsx": "" },
    "partial",
    ["readme-found", "readme-template"],
  ],
  ["Vite template verbatim", { "README.md": VITE_README }, "partial", ["readme-found", "readme-template"]],
  [
    "Cookiecutter Data Science template verbatim",
    { "README.md": CCDS_README },
    "partial",
    ["readme-found", "readme-template"],
  ],
  [
    "Kaggle writeup without setup or usage",
    { "README.md": KAGGLE_README, "notebooks/house-prices.ipynb": "{}" },
    "partial",
    ["readme-found", "readme-no-setup", "readme-no-usage", "readme-no-extras"],
  ],
  [
    "project proposal without setup or usage",
    { "README.md": PROPOSAL_README },
    "partial",
    ["readme-found", "readme-no-setup", "readme-no-usage", "readme-no-extras"],
  ],
  [
    "very short README with two commands",
    { "README.md": SHORT_README },
    "partial",
    ["readme-found", "readme-short", "readme-no-overview", "readme-no-extras"],
  ],
  [
    "README only in the project's folder",
    { "credit-risk/README.md": FASTAPI_README, "credit-risk/app/main.py": "" },
    "partial",
    ["readme-found", "readme-not-at-root"],
  ],
  // fail
  ["no README", { "main.py": "print('hi')" }, "fail", ["readme-missing"]],
  [
    "GitHub's one-line default",
    { "README.md": "# churn-prediction\nPredicting customer churn with XGBoost\n" },
    "fail",
    ["readme-found", "readme-stub"],
  ],
  ["a title only", { "README.md": "# house-prices\n" }, "fail", ["readme-found", "readme-stub"]],
  [
    "a title, one sentence and a leaderboard score, nothing to install or run",
    {
      "README.md":
        "# House Prices - Advanced Regression Techniques\n\nPredicting house sale prices for the Kaggle competition with gradient boosting.\n\n**Public Score**: 0.12335 | **Rank**: Top 10%\n",
    },
    "fail",
    ["readme-found", "readme-stub"],
  ],
  ["empty README", { "README.md": "" }, "fail", ["readme-found", "readme-stub"]],
  ["binary file named README.md", { "README.md": PNG }, "fail", ["readme-unreadable", "readme-missing"]],
  [
    "README that is a symlink",
    { "README.md": { mode: "symlink", size: 12 } },
    "fail",
    ["readme-unreadable", "readme-missing"],
  ],
];

describe("documentation.readme", () => {
  it.each(CASES)("%s", (_name, tree, status, ids) => {
    const r = runCheck(readme, tree);
    expect({ status: r.status, ids: r.ids }).toEqual({ status, ids });
  });

  it("points every shortfall to a fix and the docs", () => {
    for (const [, tree] of CASES) {
      for (const f of runCheck(readme, tree).findings) {
        if (f.level === "info") continue;
        expect(f.remediation, f.id).toBeTruthy();
        expect(f.docs, f.id).toMatch(/^https:\/\//);
        if (f.id !== "readme-missing") expect(f.path, f.id).toBeDefined();
      }
    }
  });

  it.each([
    [
      "a short README with setup and usage",
      "# Churn API\n\nPredicts churn.\n\n```bash\npip install -r requirements.txt\nuvicorn app.main:app\n```\n",
      /Add a Results section/,
    ],
    ["a title and a sentence", "# Churn API\n\nPredicts which customers will churn.\n", /Add an Installation section/],
    [
      "a README without results",
      "# Churn API\n\nA FastAPI service that predicts which telecom customers will churn next month, trained on the IBM Telco dataset with gradient boosting.\n\n## Installation\n\n```bash\npip install -r requirements.txt\n```\n\n## Usage\n\n```bash\nuvicorn app.main:app\n```\n",
      /Add a Results section/,
    ],
  ])("a README that exists but falls short gets a specific fix, not 'write a README': %s", (_name, text, fix) => {
    const r = runCheck(readme, { "README.md": text, ...CODE });
    const first = r.findings.find((f) => f.level !== "info");
    expect(first?.remediation).toMatch(fix);
    for (const f of r.findings) expect(f.remediation ?? "").not.toMatch(/^Write a README/);
  });

  it("a student's notebook README that states its accuracy is not told to report results", () => {
    const text =
      "# Titanic survival\n\nMy first Kaggle project: I cleaned the passenger data, engineered a few features and trained a random forest to predict who survived.\n\nI got 82% accuracy on the test set.\n\n## How to run\n\n```bash\npip install -r requirements.txt\njupyter notebook titanic.ipynb\n```\n";
    const r = runCheck(readme, { "README.md": text, "titanic.ipynb": "{}" });
    expect(r.findings.find((f) => f.id === "readme-found")?.message).toMatch(/results/);
    for (const f of r.findings) expect(f.remediation ?? "").not.toMatch(/Results section/);
  });

  it("prefers .github/README.md, as GitHub does", () => {
    const r = runCheck(readme, { ".github/README.md": FASTAPI_README, "README.md": "# x\n" });
    expect(r.findings[0]?.path).toBe(".github/README.md");
    expect(r.status).toBe("pass");
  });

  it("names the template and the line of its marker", () => {
    const f = runCheck(readme, { "README.md": NEXT_README }).findings.find((x) => x.id === "readme-template");
    expect(f).toMatchObject({ line: 1, message: expect.stringContaining("create-next-app") });
  });
});

describe("readmeFacts", () => {
  it.each([
    ["pip install -r requirements.txt", "setup"],
    ["$ python -m pip install -e .[dev]", "setup"],
    ["poetry install --with dev", "setup"],
    ["conda env create -f environment.yml", "setup"],
    ["git clone https://github.com/a/b.git && cd b", "setup"],
    ["(venv) $ uv sync", "setup"],
    ["poetry run pytest -q", "tests"],
    ["python -m pytest tests/", "tests"],
    ["npm test", "tests"],
    ["make test", "tests"],
    ["uvicorn app.main:app --host 0.0.0.0", "usage"],
    ["python src/train.py --epochs 10", "usage"],
    ["streamlit run app.py", "usage"],
    ["docker run -p 8000:8000 credit-api", "usage"],
    ["curl localhost:8000/health", "usage"],
    ["npm run dev", "usage"],
  ])("classifies `%s` as %s", (command, kind) => {
    const facts = readmeFacts(readMarkdown(`# x\n\n\`\`\`bash\n${command}\n\`\`\`\n`));
    expect(facts.commands.map((c) => c.kind)).toContain(kind);
  });

  it("reads bare commands in list items and on lines of their own, but not sentences", () => {
    const md = [
      "# House prices",
      "",
      "# Python package",
      "- python -m venv envs/kaggle03",
      "- pip install -r requirements.txt",
      "",
      "uvicorn app.main:app --reload",
      "",
      "## Notes",
      "- python is required, 3.10 or later",
      "- make sure the data folder exists",
      "",
      "pip install is what we used at first, then we switched to conda for everything else in the project.",
    ].join("\n");
    const commands = readmeFacts(readMarkdown(md)).commands.map((c) => [c.kind, c.line]);
    expect(commands).toEqual([
      ["setup", 4],
      ["setup", 5],
      ["usage", 7],
    ]);
  });

  it("counts install steps written as prose, and a README in another language by its first section", () => {
    const steps = readmeFacts(
      readMarkdown(
        "# Titanic\n\nMethod to Run:\n\n1. Clone this repo\n2. Install libraries from `requirements.txt`\n3. Open `titanic.ipynb` in Jupyter\n4. Run all cells to view output\n",
      ),
    );
    expect(steps.topics.get("setup")).toMatchObject({ score: 1, line: 6 });
    expect(steps.topics.get("usage")).toMatchObject({ score: 0.7, line: 7 });
    const turkish = readmeFacts(
      readMarkdown(
        "# Tahmin API\n\n## Proje Hakkında\n\nBu proje, ham veri setlerinin işlenmesi, makine öğrenmesi modellerinin eğitilmesi ve test sonuçlarının raporlanması süreçlerini otomatize eden bir API çözümüdür.\n",
      ),
    );
    expect(turkish.topics.get("overview")).toMatchObject({ score: 1, line: 3 });
  });

  it("takes a library's code examples for usage, whatever their section is called", () => {
    const md =
      "# OpenAI for Next.js\n\nAdds hooks and components for working with OpenAI streams.\n\n### Installation\n\n```bash\nnpm i --save nextjs-openai\n```\n\n### Hooks\n\n`useTextBuffer()` loads an incrementing buffer of text from a URL.\n\n```tsx\nconst { buffer, refresh } = useTextBuffer(url, 200);\n```\n";
    const facts = readmeFacts(readMarkdown(md));
    expect(facts.topics.get("usage")).toMatchObject({ score: 1, line: 15, evidence: "a tsx example" });
    // One sentence is overview enough when installing and using are shown.
    expect(facts.topics.get("overview")).toMatchObject({ score: 1, line: 3 });
    const setupOnly = readmeFacts(readMarkdown("# x\n\n## Installation\n\n```python\nimport x\n```\n"));
    expect(setupOnly.topics.get("usage")).toBeUndefined();
  });

  it("reads a Dice score as results and a 'coming soon' section as nothing", () => {
    const facts = readmeFacts(
      readMarkdown(
        "# U-Net\n\nThe model scored a Dice coefficient of 0.988423 on over 100k test images.\n\n## Testing\n\nComing soon.\n",
      ),
    );
    expect(facts.topics.get("results")).toMatchObject({ score: 1, line: 3 });
    expect(facts.topics.get("tests")).toBeUndefined();
  });

  it("ignores commands in Python and JSON blocks and in comments", () => {
    const facts = readmeFacts(
      readMarkdown('```python\nos.system("pip install x")\n```\n```bash\n# pip install y\n```\n'),
    );
    expect(facts.commands).toEqual([]);
  });

  it("counts a reference-style license badge", () => {
    const md = `# Tool\n\n[![License: MIT][license-badge]][license-url]\n\n[license-badge]: https://img.shields.io/badge/License-MIT-yellow.svg\n[license-url]: https://opensource.org/licenses/MIT\n`;
    expect(readmeFacts(readMarkdown(md)).topics.get("license")).toMatchObject({ score: 1, line: 3 });
  });

  it("counts a metrics table as results and a Usage section with a Python example as usage", () => {
    const md =
      "# Lib\n\n## Usage\n\n```python\nimport lib\nlib.fit(df)\n```\n\n| model | F1 |\n|---|---|\n| base | 0.7 |\n";
    const facts = readmeFacts(readMarkdown(md));
    expect(facts.topics.get("usage")?.score).toBe(1);
    expect(facts.topics.get("results")).toMatchObject({ score: 1, evidence: "a table of metrics" });
  });

  it.each([
    ["I got 82% accuracy on the test set.", true],
    ["The model reaches an F1 of 0.87 on held-out data.", true],
    ["RMSE: 3.2 on the validation split.", true],
    ["Accuracy was 91.3% after tuning.", true],
    ["- ROC-AUC 0.93 with gradient boosting", true],
    ["We trained for 10 epochs with a learning rate of 0.001 and cross-entropy loss.", false],
    ["80% of the data is used for training.", false],
    ["Precision matters more than recall here, so we tune the threshold.", false],
    ["Uses Python 3.11 and scikit-learn 1.5.", false],
  ])("a metric statement in prose counts as results: %s -> %s", (sentence, counted) => {
    const results = readmeFacts(readMarkdown(`# Titanic\n\n${sentence}\n`)).topics.get("results");
    expect(results?.evidence === "a metric stated in prose").toBe(counted);
  });

  it("finds sections under sub-headings", () => {
    const md =
      "# App\n\n## Usage\n\n### CLI\n\nRun the command line interface with the path of the input folder and it prints one prediction per file.\n";
    expect(readmeFacts(readMarkdown(md)).topics.get("usage")?.score).toBe(0.7);
  });
});
