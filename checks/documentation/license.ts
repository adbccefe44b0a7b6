import {
  type CheckOutcome,
  defineCheck,
  type Finding,
  failure,
  info,
  type ReadRequest,
  scored,
  warning,
} from "../../src/engine/check.js";
import { PROJECT_READ } from "../lib/project.js";
import { type LicenseDeclaration, licenseDeclarations, npmDefaultLicense } from "./license-declared.js";
import { identifyLicense, licenseFromName, normaliseLicense, PLACEHOLDER, sameLicense } from "./license-text.js";
import { README_READ } from "./readme-file.js";

const DOCS = "https://choosealicense.com/";
const REMEDIATION =
  'Add a LICENSE file at the root with the full text of an open-source license (MIT or Apache-2.0 are common for portfolio projects); GitHub\'s "Add file > Create new file > LICENSE" offers the templates.';
const FIX = { remediation: REMEDIATION, docs: DOCS };

/** License files at the root, as GitHub's license detection looks for them. */
export const LICENSE_READ: ReadRequest = {
  globs: ["{LICENSE,LICENCE,COPYING,UNLICENSE,COPYRIGHT}{,.*,-*}", "LICENSES/*"],
  nocase: true,
  maxFiles: 8,
  priority: 0,
};

/** A license file whose terms are recognised. */
const RECOGNISED = 1;
/** Where the Apache and GPL texts' appendix on applying the license to one's own files starts. */
const HOW_TO_APPLY = /APPENDIX: How to apply the Apache License|How to Apply These Terms to Your New Programs/i;

/** A license file that only names its license, or a placeholder holder left in the template. */
const NAMED_ONLY = 0.6;
/** Substantial text of no known license (a custom or proprietary grant). */
const CUSTOM = 0.75;
const EMPTY_FILE = 0.4;
const DECLARED_ONLY = 0.5;
const README_ONLY = 0.4;

function describe(d: LicenseDeclaration): string {
  return `${d.path}${d.line ? `:${d.line}` : ""} (${d.value})`;
}

export const license = defineCheck({
  id: "documentation.license",
  title: "License file",
  criterion: "documentation",
  weight: 1,
  looksFor:
    "A LICENSE/COPYING file with recognisable license text (reported as an SPDX id); a license declared only in pyproject.toml, setup.cfg, setup.py, package.json or the README counts in part.",
  why: "Without a license nobody may legally reuse the code, and a reviewer reads its absence as a project that was never meant to be shared.",
  remediation: REMEDIATION,
  effort: "low",
  docs: DOCS,
  reads: [LICENSE_READ, PROJECT_READ, README_READ],
  evaluate(repo): CheckOutcome {
    const findings: Finding[] = [];
    const declarations = licenseDeclarations(repo);
    const files = repo.glob(LICENSE_READ.globs, { nocase: true }).filter((f) => !f.path.endsWith("/"));
    let best = 0;
    let found: string | undefined;

    for (const f of files) {
      const content = repo.content(f.path);
      const at = { path: f.path };
      if (content.kind !== "text") {
        best = Math.max(best, EMPTY_FILE);
        findings.push(warning("license-unreadable", `${f.path} is not readable text (${content.reason}).`, at, FIX));
        continue;
      }
      const text = content.text;
      const words = normaliseLicense(text).split(" ").filter(Boolean).length;
      if (text.trim() === "") {
        best = Math.max(best, EMPTY_FILE);
        findings.push(warning("license-file-empty", `${f.path} is empty.`, at, FIX));
        continue;
      }
      const spdx = identifyLicense(text);
      if (spdx) {
        found ??= spdx;
        // The Apache and GPL texts end with instructions for applying them to files, which keep
        // `[yyyy]` and `<year>` verbatim: only the text before them is the project's own.
        const howToApply = text.search(HOW_TO_APPLY);
        const placeholder = PLACEHOLDER.exec(howToApply === -1 ? text : text.slice(0, howToApply));
        if (placeholder) {
          best = Math.max(best, 0.9);
          const line = text.slice(0, placeholder.index).split("\n").length;
          findings.push(
            warning(
              "license-placeholder",
              `${f.path} is the ${spdx} license with the template's "${placeholder[0]}" left in.`,
              { ...at, line },
              {
                remediation: "Fill in the year and the copyright holder.",
                docs: DOCS,
              },
            ),
          );
        } else best = Math.max(best, RECOGNISED);
        findings.push(info("license-file", `${f.path}: ${spdx}.`, at));
        continue;
      }
      const named = licenseFromName(text.split("\n").slice(0, 5).join(" "));
      if (named && named !== "proprietary" && words < 60) {
        best = Math.max(best, NAMED_ONLY);
        findings.push(
          warning(
            "license-file-incomplete",
            `${f.path} names the ${named} license but does not contain its terms.`,
            at,
            {
              remediation: `Paste the full ${named} text (choosealicense.com has it) into ${f.path}.`,
              docs: DOCS,
            },
          ),
        );
        continue;
      }
      best = Math.max(best, words >= 30 ? CUSTOM : NAMED_ONLY);
      findings.push(
        words >= 30
          ? info("license-custom", `${f.path}: a license text that matches no common license (${words} words).`, at)
          : warning("license-file-incomplete", `${f.path} holds ${words} words that name no known license.`, at, FIX),
      );
    }

    const fileDeclared = declarations.filter((d) => !d.readme);
    const readme = declarations.filter((d) => d.readme);
    if (best === 0 && fileDeclared.length > 0) {
      best = DECLARED_ONLY;
      findings.push(
        warning(
          "license-declared-only",
          `License declared only in ${fileDeclared.map(describe).join(", ")}; there is no LICENSE file.`,
          pointAt(fileDeclared[0]),
          FIX,
        ),
      );
    } else if (best === 0 && readme.length > 0) {
      best = README_ONLY;
      findings.push(
        warning(
          "license-readme-only",
          `License mentioned only in the README (${readme.map(describe).join(", ")}); there is no LICENSE file.`,
          pointAt(readme[0]),
          FIX,
        ),
      );
    } else if (best === 0) {
      const npmDefault = npmDefaultLicense(repo);
      findings.push(
        npmDefault
          ? failure(
              "license-missing",
              `No LICENSE file, and no license chosen: ${npmDefault.path} says "ISC" only because \`npm init -y\` writes it (no author either).`,
              npmDefault,
              FIX,
            )
          : failure("license-missing", "No LICENSE file and no license declared anywhere.", {}, FIX),
      );
    }

    if (found) {
      const other = declarations.find(
        (d) => d.license && d.license !== "proprietary" && !sameLicense(d.license, found as string),
      );
      if (other) {
        findings.push(
          warning(
            "license-mismatch",
            `The license file is ${found} but ${describe(other)} says ${other.license}.`,
            pointAt(other),
            {
              remediation: "Make the manifests and the README name the license the LICENSE file holds.",
              docs: "https://spdx.org/licenses/",
            },
          ),
        );
      }
    }
    return scored(best, findings);
  },
});

function pointAt(d: LicenseDeclaration | undefined): { path?: string; line?: number } {
  if (!d) return {};
  return d.line !== undefined ? { path: d.path, line: d.line } : { path: d.path };
}
