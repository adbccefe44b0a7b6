import { describe, expect, it } from "vitest";
import { logging } from "../../../checks/monitoring/logging.js";
import { isLogCall } from "../../../checks/monitoring/logging-facts.js";
import type { CheckStatus } from "../../../src/engine/types.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  FASTAPI_MAIN,
  FASTAPI_SERVICE,
  NOTEBOOK_ONLY,
  notebook,
  PACKAGE_JSON,
  PINO_SERVER,
  PROBOT_APP,
  TRAIN_PRINTS,
} from "./fixtures.js";

const many = (line: string, n: number) => Array.from({ length: n }, () => `    ${line}\n`).join("");

const CASES: [string, Tree, CheckStatus, string[]][] = [
  // Pass
  ["FastAPI service with dictConfig and module loggers", FASTAPI_SERVICE, "pass", ["logging-used"]],
  [
    "loguru works without configuration",
    {
      "app/train.py": `from loguru import logger\n\n\ndef train():\n    logger.info("start")\n    logger.success("done")\n`,
    },
    "pass",
    ["logging-used"],
  ],
  [
    "absl logging is ready made",
    {
      "train.py":
        "from absl import app, flags, logging\n\n\ndef main(argv):\n    logging.info('training')\n\n\nif __name__ == '__main__':\n    app.run(main)\n",
    },
    "pass",
    ["logging-used"],
  ],
  [
    "structlog configured",
    {
      "svc/log.py":
        "import structlog\n\nstructlog.configure(processors=[structlog.processors.JSONRenderer()])\nlog = structlog.get_logger()\n",
      "svc/jobs.py":
        "from .log import log\n\n\ndef run():\n    log.info('job.start', n=3)\n    log.warning('job.slow')\n",
    },
    "pass",
    ["logging-used"],
  ],
  [
    "logging configured from a logging.yaml file",
    {
      "logging.yaml": "version: 1\nroot:\n  level: INFO\n",
      "pipeline/run.py":
        "import logging\nimport logging.config\n\nlog = logging.getLogger('pipeline')\n\n\ndef main():\n    log.info('run')\n",
    },
    "pass",
    ["logging-used", "logging-config-file"],
  ],
  [
    "Django configures logging through settings.LOGGING",
    {
      "mysite/settings.py":
        "DEBUG = False\nLOGGING = {\n    'version': 1,\n    'handlers': {'console': {'class': 'logging.StreamHandler'}},\n    'root': {'handlers': ['console'], 'level': 'INFO'},\n}\n",
      "shop/views.py":
        "import logging\n\nfrom django.http import JsonResponse\n\nlogger = logging.getLogger(__name__)\n\n\ndef index(request):\n    logger.info('index')\n    return JsonResponse({})\n",
    },
    "pass",
    ["logging-used"],
  ],
  [
    "Hydra configures logging for its jobs",
    {
      "train.py":
        "import logging\n\nimport hydra\n\nlog = logging.getLogger(__name__)\n\n\n@hydra.main(config_path='conf', config_name='config', version_base=None)\ndef main(cfg):\n    log.info('lr=%s', cfg.lr)\n",
    },
    "pass",
    ["logging-used"],
  ],
  [
    "logging used, a few prints left",
    {
      "src/etl.py": `import logging\n\nlogging.basicConfig(level=logging.INFO)\nlogger = logging.getLogger(__name__)\n\n\ndef run():\n${many("logger.info('step')", 6)}${many("print('x')", 3)}`,
    },
    "pass",
    ["logging-used", "logging-prints"],
  ],
  [
    "loggers without any configuration",
    { "lib/core.py": "import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef f():\n    logger.info('f')\n" },
    "pass",
    ["logging-used", "logging-unconfigured"],
  ],
  [
    "prints in tests, examples, docs and setup.py are not judged",
    {
      ...FASTAPI_SERVICE,
      "examples/demo.py": `from service.model import load_model\n\n${"print(load_model())\n".repeat(10)}`,
      "docs/conf.py": "print('building docs')\n",
      "setup.py": "from setuptools import setup\nprint('installing')\nsetup()\n",
      "benchmarks/latency.py": "import time\n\nprint(time.perf_counter())\n",
      "examples/client.js": "fetch('/predict').then((r) => console.log(r.status));\n",
    },
    "pass",
    ["logging-used"],
  ],
  // Partial
  [
    "logging configured but most output printed",
    {
      "train.py": `import logging\n\nlogging.basicConfig(level=logging.INFO)\nlog = logging.getLogger(__name__)\n\n\ndef main():\n    log.info('start')\n${many("print('epoch')", 9)}`,
    },
    "partial",
    ["logging-used", "logging-mostly-print"],
  ],
  ["script full of prints with an unused import logging", { "train.py": TRAIN_PRINTS }, "partial", ["logging-unused"]],
  [
    "logger created and never called",
    { "src/app.py": "import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef run():\n    return 1\n" },
    "partial",
    ["logging-unused"],
  ],
  [
    "notebooks only, which log",
    {
      "analysis.ipynb": notebook([
        ["# A"],
        ["import logging\n", "log = logging.getLogger('nb')\n", "log.info('loaded')"],
      ]),
    },
    "partial",
    ["logging-notebooks-only"],
  ],
  // Fail
  ["notebook-only Kaggle project", NOTEBOOK_ONLY, "fail", ["logging-notebooks-only"]],
  [
    "notebooks beside silent helper modules",
    {
      ...NOTEBOOK_ONLY,
      "src/__init__.py": "",
      "src/features.py": "def add_family_size(df):\n    return df.assign(family=df.SibSp + df.Parch + 1)\n",
    },
    "fail",
    ["logging-notebooks-only"],
  ],
  [
    "print only",
    { "main.py": "import pandas as pd\n\ndf = pd.read_csv('x.csv')\nprint(df.head())\nprint(df.describe())\n" },
    "fail",
    ["logging-print-only"],
  ],
  [
    "Python 2 print statements",
    { "scrape.py": 'import urllib2\n\nprint "fetching"\nhtml = urllib2.urlopen(URL).read()\nprint len(html)\n' },
    "fail",
    ["logging-print-only"],
  ],
  [
    "Lightning self.log and wandb.log are metrics, not logging",
    {
      "model.py":
        "import lightning as L\nimport wandb\n\n\nclass Net(L.LightningModule):\n    def training_step(self, batch, i):\n        loss = self.loss(batch)\n        self.log('train_loss', loss)\n        wandb.log({'loss': loss})\n        print(loss)\n        return loss\n",
    },
    "fail",
    ["logging-print-only"],
  ],
  [
    "application code that reports nothing",
    { "pkg/__init__.py": "", "pkg/math.py": "def add(a, b):\n    return a + b\n" },
    "fail",
    ["logging-none"],
  ],
  // Traps
  [
    "trap: print in a docstring and logging in a comment",
    {
      "cli.py":
        '"""Usage:\n\n    print(run())\n"""\n# import logging\n# logging.basicConfig()\n\n\ndef run():\n    """Run; print("x") is only an example."""\n    s = "logger.info(1)"\n    print(s)\n',
    },
    "fail",
    ["logging-print-only"],
  ],
  [
    "trap: print in the module docstring of a logging service",
    { "main.py": FASTAPI_MAIN },
    "pass",
    ["logging-used", "logging-unconfigured"],
  ],
  // JS/TS
  [
    "JS app with pino",
    { "package.json": PACKAGE_JSON, "src/server.js": PINO_SERVER, "src/server.test.js": "console.log('test')\n" },
    "pass",
    ["logging-used"],
  ],
  ["Probot app logging through context.log", { "index.js": PROBOT_APP }, "pass", ["logging-used"]],
  [
    "Express app with console.log only",
    {
      "server.js":
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => { console.log('hit'); res.send('ok'); });\napp.listen(3000, () => console.log('listening'));\n",
    },
    "fail",
    ["logging-print-only"],
  ],
  [
    "React front end alone, console.log only",
    {
      "src/App.jsx":
        "import React from 'react';\n\nexport default function App() {\n  console.log('render');\n  return <div>hi</div>;\n}\n",
    },
    "fail",
    ["logging-print-only"],
  ],
  [
    "full stack: Python backend logs, the React front end's console.log is not judged",
    {
      ...FASTAPI_SERVICE,
      "frontend/src/App.tsx": "export function App() {\n  console.log('render');\n  return null;\n}\n",
      "frontend/src/api.ts": "export async function score(x: unknown) {\n  console.error('failed');\n}\n",
    },
    "pass",
    ["logging-used"],
  ],
];

describe("monitoring.logging", () => {
  it.each(CASES)("%s", (_name, tree, status, ids) => {
    const result = runCheck(logging, tree);
    expect(result.ids).toEqual(ids);
    expect(result.status).toBe(status);
    for (const f of result.findings) {
      if (f.level !== "info") expect(f.remediation && f.docs).toBeTruthy();
    }
  });

  it("is not applicable to a download script beside an R project", () => {
    const result = runCheck(logging, {
      "R/clean.R": { mode: "file", size: 6000 },
      "analysis.Rmd": { mode: "file", size: 9000 },
      "scripts/download.py":
        'import requests\n\n\ndef main():\n    print(requests.get("https://example.org/seer.csv").status_code)\n\n\nif __name__ == "__main__":\n    main()\n',
    });
    expect(result.status).toBe("not_applicable");
    expect(result.findings[0]?.message).toMatch(/only glue here/);
  });

  it("is not applicable without code", () => {
    const result = runCheck(logging, { "README.md": "# Notes\n", "data/x.csv": "a,b\n" });
    expect(result.status).toBe("not_applicable");
    expect(result.ids).toEqual(["logging-no-code"]);
  });

  it("reports counts and where the prints are", () => {
    const result = runCheck(logging, { "train.py": TRAIN_PRINTS });
    const finding = result.findings[0];
    expect(finding).toMatchObject({ path: "train.py", line: 1 });
    expect(finding?.message).toContain("4 print calls");
    expect(finding?.message).toContain("train.py:12");
  });

  it("points a print-only failure at the file with the most prints", () => {
    const result = runCheck(logging, {
      "a.py": "print(1)\n",
      "b.py": "x = 1\nprint(x)\nprint(x)\n",
    });
    expect(result.findings[0]).toMatchObject({ path: "b.py", line: 2 });
    expect(result.findings[0]?.message).toContain("b.py (2), a.py (1)");
  });

  it("weighs languages by the size of their application code", () => {
    const result = runCheck(logging, {
      "src/service/main.py": FASTAPI_MAIN,
      "scripts/tool.js": "console.log('a');\n",
    });
    expect(result.ids).toEqual(["logging-used", "logging-unconfigured", "logging-print-only"]);
    expect(result.status).toBe("pass");
    const pythonOnly = runCheck(logging, { "src/service/main.py": FASTAPI_MAIN });
    expect(result.score).toBeLessThan(pythonOnly.score ?? 0);
    const jsHeavy = runCheck(logging, {
      "src/service/main.py": FASTAPI_MAIN,
      "scripts/tool.js": "console.log('a');\n".repeat(500),
    });
    expect(jsHeavy.status).toBe("fail");
  });

  it("gives the notebook line of a print in a notebook-only repo", () => {
    const result = runCheck(logging, NOTEBOOK_ONLY);
    const finding = result.findings[0];
    expect(finding?.path).toBe("notebooks/01-eda.ipynb");
    const text = NOTEBOOK_ONLY["notebooks/01-eda.ipynb"];
    expect(text.split("\n")[(finding?.line ?? 0) - 1]).toContain("print(df.shape)");
  });
});

describe("logger receivers", () => {
  it.each([
    ["logger.info", true],
    ["self.logger.warning", true],
    ["LOGGER.error", true],
    ["_log.debug", true],
    ["log.exception", true],
    ["logging.info", true],
    ["applogger.info", true],
    ["app_logger.critical", true],
    ["this.requestLog.warn", true],
    ["current_app.logger.info", true],
    ["req.log.info", true],
    ["console.log", false],
    ["self.log", false],
    ["wandb.log", false],
    ["np.log", false],
    ["catalog.info", false],
    ["dialog.error", false],
    ["logger.getChild", false],
    ["print", false],
  ])("%s -> %s", (callee, want) => {
    expect(isLogCall(callee)).toBe(want);
  });
});

describe("monitoring.logging on a full-stack repository", () => {
  it("judges a silent Django backend beside a training notebook, not only the React front end", () => {
    const result = runCheck(logging, {
      "notebooks/train.ipynb": (NOTEBOOK_ONLY as Record<string, string>)[
        Object.keys(NOTEBOOK_ONLY)[0] as string
      ] as string,
      "backend/manage.py":
        'import os\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n',
      "backend/config/settings.py": 'DEBUG = True\nINSTALLED_APPS = ["api"]\n',
      "backend/api/views.py":
        'from rest_framework.views import APIView\nfrom rest_framework.response import Response\n\nfrom .ml_model import predict\n\n\nclass Predict(APIView):\n    def post(self, request):\n        return Response({"y": predict(request.data)})\n',
      "backend/api/ml_model.py":
        'import joblib\n\nMODEL = joblib.load("model.pkl")\n\n\ndef predict(x):\n    return MODEL.predict([x]).tolist()\n',
      "frontend/src/App.tsx": "export function App() {\n  return null;\n}\n",
    });
    expect(result.status).toBe("fail");
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Python: \d+ application files/)]);
  });
});

describe("monitoring.logging on a Next.js front end", () => {
  it("takes a Next.js app's hooks and services for UI code, not a server that should log", () => {
    const result = runCheck(logging, {
      "src/fastapi/app/main.py":
        'from fastapi import FastAPI\nfrom loguru import logger\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health():\n    logger.info("health check")\n    return {"ok": True}\n',
      "src/nextjs/next.config.mjs": "export default { output: 'standalone' };\n",
      "src/nextjs/services/api.ts":
        "export async function getHealth(): Promise<unknown> {\n  const res = await fetch('/api/health');\n  return res.json();\n}\n",
      "src/nextjs/hooks/useHealth.ts":
        "import { getHealth } from '../services/api';\n\nexport const useHealth = () => getHealth();\n",
      "src/nextjs/components/status.tsx": "export function Status() {\n  return null;\n}\n",
    });
    expect(result.status).toBe("pass");
    expect(result.findings.map((f) => f.message).join(" ")).not.toMatch(/JS\/TS: \d+ application files/);
  });
});
