import { describe, expect, it } from "vitest";
import { license } from "../../../checks/documentation/license.js";
import { identifyLicense, licenseFromName } from "../../../checks/documentation/license-text.js";
import { runCheck, type Tree } from "../../helpers/tree.js";
import {
  APACHE,
  BSD2,
  BSD3,
  GPL3,
  ISC,
  LGPL3,
  MIT,
  MIT_MD,
  MIT_PLACEHOLDER,
  MPL2,
  PROPRIETARY,
  UNLICENSE,
} from "./license-fixtures.js";

// The closing parts of the standard texts, which keep their placeholders verbatim.
const APACHE_APPENDIX = `   END OF TERMS AND CONDITIONS

   APPENDIX: How to apply the Apache License to your work.

      To apply the Apache License to your work, attach the following
      boilerplate notice, with the fields enclosed by brackets "[]"
      replaced with your own identifying information.

   Copyright [yyyy] [name of copyright owner]

   Licensed under the Apache License, Version 2.0 (the "License");
`;
const GPL3_HOW_TO_APPLY = `            How to Apply These Terms to Your New Programs

  If you develop a new program, and you want it to be of the greatest
possible use to the public, the best way to achieve this is to make it
free software which everyone can redistribute and change under these terms.

    <one line to give the program's name and a brief idea of what it does.>
    Copyright (C) <year>  <name of author>
`;

const PYPROJECT_PEP639 = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "churn-model"
version = "0.3.0"
license = "MIT"
requires-python = ">=3.10"
dependencies = ["scikit-learn>=1.4", "pandas>=2.1"]
`;

const PYPROJECT_TABLE = `[project]
name = "churn-model"
version = "0.3.0"
license = { text = "Apache-2.0" }
classifiers = [
  "Programming Language :: Python :: 3",
  "License :: OSI Approved :: Apache Software License",
]
`;

const PYPROJECT_POETRY = `[tool.poetry]
name = "fraud-api"
version = "0.1.0"
description = "Fraud scoring service"
authors = ["Jane Doe <jane@example.com>"]
license = "GPL-3.0-or-later"
`;

const SETUP_CFG = `[metadata]
name = churnlib
version = 1.2.0
license = BSD-3-Clause
classifiers =
    Programming Language :: Python :: 3
    License :: OSI Approved :: BSD License
`;

const SETUP_PY = `from setuptools import setup, find_packages

setup(
    name="churnlib",
    version="1.2.0",
    packages=find_packages(),
    # license="GPL" was the old one
    license="MIT",
)
`;

const PACKAGE_JSON = `{
  "name": "movie-recommender-ui",
  "version": "1.0.0",
  "author": "Jane Doe",
  "license": "MIT",
  "scripts": { "start": "react-scripts start" }
}
`;

const NPM_INIT_DEFAULT = `{
  "name": "server",
  "version": "1.0.0",
  "description": "",
  "main": "index.js",
  "scripts": { "test": "echo \\"Error: no test specified\\" && exit 1" },
  "keywords": [],
  "author": "",
  "license": "ISC"
}
`;

const README_LICENSE_SECTION = `# Churn model

Predicts churn for a telecom operator with gradient boosting on call records.

## License

This project is licensed under the MIT License.
`;

const README_BADGE = `# Churn model

[![License: Apache 2.0][license-badge]][license-link]

Predicts churn for a telecom operator.

[license-badge]: https://img.shields.io/badge/License-Apache_2.0-blue.svg
[license-link]: https://opensource.org/licenses/Apache-2.0
`;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

type Case = [name: string, tree: Tree, status: string, ids: string[]];

const CASES: Case[] = [
  // pass
  ["MIT LICENSE", { LICENSE: MIT, "src/app.py": "" }, "pass", ["license-file"]],
  ["MIT as LICENSE.md with markup and curly quotes", { "LICENSE.md": MIT_MD }, "pass", ["license-file"]],
  ["Apache-2.0 LICENSE.txt", { "LICENSE.txt": APACHE }, "pass", ["license-file"]],
  ["GPL-3.0 in COPYING", { COPYING: GPL3 }, "pass", ["license-file"]],
  ["British spelling LICENCE", { LICENCE: BSD3 }, "pass", ["license-file"]],
  ["lower-case license file", { license: ISC }, "pass", ["license-file"]],
  ["Unlicense in UNLICENSE", { UNLICENSE }, "pass", ["license-file"]],
  ["custom proprietary terms", { LICENSE: PROPRIETARY }, "pass", ["license-custom"]],
  [
    "license file and matching pyproject",
    { LICENSE: MIT, "pyproject.toml": PYPROJECT_PEP639 },
    "pass",
    ["license-file"],
  ],
  [
    "MIT template with placeholders left in",
    { LICENSE: MIT_PLACEHOLDER },
    "pass",
    ["license-placeholder", "license-file"],
  ],
  [
    "Apache 2.0 verbatim, its appendix's [yyyy] included",
    { LICENSE: `${APACHE}\n${APACHE_APPENDIX}` },
    "pass",
    ["license-file"],
  ],
  [
    "GPL 3 verbatim, its how-to-apply <year> included",
    { COPYING: `${GPL3}\n${GPL3_HOW_TO_APPLY}` },
    "pass",
    ["license-file"],
  ],
  [
    "Apache 2.0 whose own copyright line is still the placeholder",
    { LICENSE: `Copyright [yyyy] [name of copyright owner]\n\n${APACHE}\n${APACHE_APPENDIX}` },
    "pass",
    ["license-placeholder", "license-file"],
  ],
  [
    "file and manifest disagree",
    { LICENSE: MIT, "pyproject.toml": PYPROJECT_POETRY },
    "pass",
    ["license-file", "license-mismatch"],
  ],
  // partial
  [
    "declared only in pyproject (PEP 639 string)",
    { "pyproject.toml": PYPROJECT_PEP639 },
    "partial",
    ["license-declared-only"],
  ],
  [
    "declared only in pyproject (table and classifier)",
    { "pyproject.toml": PYPROJECT_TABLE },
    "partial",
    ["license-declared-only"],
  ],
  ["declared only in Poetry metadata", { "pyproject.toml": PYPROJECT_POETRY }, "partial", ["license-declared-only"]],
  ["declared only in setup.cfg", { "setup.cfg": SETUP_CFG }, "partial", ["license-declared-only"]],
  ["declared only in setup.py", { "setup.py": SETUP_PY }, "partial", ["license-declared-only"]],
  ["declared only in package.json", { "package.json": PACKAGE_JSON }, "partial", ["license-declared-only"]],
  ["only a README License section", { "README.md": README_LICENSE_SECTION }, "partial", ["license-readme-only"]],
  ["only a reference-style README badge", { "README.md": README_BADGE }, "partial", ["license-readme-only"]],
  [
    "only a README License section that names the license in one word",
    {
      "README.md": "# PlantDoc\n\nLeaf disease classifier.\n\n## Training\n\nSee the notebook.\n\n## License\n\nMIT\n",
    },
    "partial",
    ["license-readme-only"],
  ],
  [
    "an empty License heading declares nothing",
    { "README.md": "# PlantDoc\n\nLeaf disease classifier.\n\n## License\n\n## Contact\n\nMail me.\n" },
    "fail",
    ["license-missing"],
  ],
  ["empty LICENSE", { LICENSE: "" }, "partial", ["license-file-empty"]],
  ["whitespace-only LICENSE", { LICENSE: "\n  \n" }, "partial", ["license-file-empty"]],
  [
    "LICENSE that only names MIT",
    { LICENSE: "MIT License\n\nCopyright (c) 2024 Jane Doe\n" },
    "partial",
    ["license-file-incomplete"],
  ],
  ["binary LICENSE", { LICENSE: PNG }, "partial", ["license-unreadable"]],
  // fail
  ["nothing anywhere", { "README.md": "# Churn\n\nPredicts churn.\n", "main.py": "" }, "fail", ["license-missing"]],
  ["npm init's default ISC is not a choice", { "server/package.json": NPM_INIT_DEFAULT }, "fail", ["license-missing"]],
  [
    "a LICENSE folder of another project does not count",
    { "vendor/lib/LICENSE": MIT, "docs/LICENSE": MIT },
    "fail",
    ["license-missing"],
  ],
];

describe("documentation.license", () => {
  it.each(CASES)("%s", (_name, tree, status, ids) => {
    const r = runCheck(license, tree);
    expect({ status: r.status, ids: r.ids }).toEqual({ status, ids });
  });

  it("reports the SPDX id and where a declaration is", () => {
    expect(runCheck(license, { "LICENSE.txt": APACHE }).findings[0]?.message).toContain("Apache-2.0");
    const r = runCheck(license, { "pyproject.toml": PYPROJECT_PEP639 });
    expect(r.findings[0]).toMatchObject({ path: "pyproject.toml", line: 8, docs: "https://choosealicense.com/" });
    expect(runCheck(license, { "setup.py": SETUP_PY }).findings[0]).toMatchObject({ path: "setup.py", line: 8 });
  });
});

describe("identifyLicense", () => {
  it.each([
    [MIT, "MIT"],
    [MIT_MD, "MIT"],
    [APACHE, "Apache-2.0"],
    [GPL3, "GPL-3.0"],
    [LGPL3, "LGPL-3.0"],
    [BSD3, "BSD-3-Clause"],
    [BSD2, "BSD-2-Clause"],
    [ISC, "ISC"],
    [MPL2, "MPL-2.0"],
    [UNLICENSE, "Unlicense"],
    ['Licensed under the Apache License, Version 2.0 (the "License");', "Apache-2.0"],
    ["MIT License\nCopyright (c) 2024 Jane", undefined],
    [PROPRIETARY, undefined],
  ])("%#: %s…", (text, spdx) => {
    expect(identifyLicense(text)).toBe(spdx);
  });

  it.each([
    ["License :: OSI Approved :: MIT License", "MIT"],
    ["Apache Software License", "Apache-2.0"],
    ["GPL-3.0-or-later", "GPL"],
    ["LGPLv3", "LGPL"],
    ["UNLICENSED", "proprietary"],
    ["submitted for review", undefined],
  ])("names %s as %s", (name, id) => {
    expect(licenseFromName(name)).toBe(id);
  });
});

describe("documentation.license with npm's default", () => {
  it("says why package.json's ISC does not count, and points at it", () => {
    const run = runCheck(license, { "server/package.json": NPM_INIT_DEFAULT });
    const missing = run.findings.find((f) => f.id === "license-missing");
    expect(missing?.message).toMatch(/server\/package\.json says "ISC" only because `npm init -y` writes it/);
    expect(missing?.path).toBe("server/package.json");
    expect(missing?.line).toBeGreaterThan(0);
  });
});
