/**
 * The JavaScript side of code_structure.dependencies: package.json files and whether a lock
 * file (in the same folder or a workspace root above it) pins what they declare.
 */
import type { Finding, RepoView } from "../../src/engine/check.js";
import { failure, info, warning } from "../../src/engine/check.js";
import { packageJsons } from "../lib/project.js";
import { constraintOf } from "./python-deps.js";

const NPM_DOCS = "https://docs.npmjs.com/cli/configuring-npm/package-lock-json";
const LOCKS = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"];
const PIN_WEIGHT = { exact: 1, bounded: 0.3, lower: 0.1, none: 0 } as const;

/** A lock file in the package's folder or any folder above it (workspaces lock at the root). */
function lockFor(repo: RepoView, packagePath: string): string | undefined {
  const parts = packagePath.split("/").slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const dir = parts.slice(0, n).join("/");
    for (const lock of LOCKS) {
      const path = dir ? `${dir}/${lock}` : lock;
      if (repo.has(path)) return path;
    }
  }
  return undefined;
}

/** npm ranges: `1.2.3` exact, `^`/`~` bounded, `*`/`latest`/`>=` loose; URLs and workspaces apart. */
function npmConstraint(spec: string): keyof typeof PIN_WEIGHT | undefined {
  const s = spec.trim();
  if (/^(workspace:|file:|link:|portal:|npm:)/.test(s)) return undefined;
  if (/^(git|github:|https?:)/.test(s)) return /#[0-9a-f]{7,40}$/.test(s) ? "exact" : "none";
  if (s === "" || s === "*" || s === "latest" || s === "x") return "none";
  if (/^=?v?\d+\.\d+\.\d+(-[\w.]+)?$/.test(s)) return "exact";
  // `1`, `1.2`, `1.x` are ranges in npm, not pins.
  if (/^\d+(\.(\d+|x|\*))?(\.(x|\*))?$/.test(s)) return "bounded";
  return constraintOf(s);
}

/** Judge the JS manifests; undefined when there is no package.json to judge and JS is secondary. */
export function judgeJs(repo: RepoView, findings: Finding[], required: boolean): number | undefined {
  const pkgs = packageJsons(repo).filter(
    (p) => Object.keys(p.value.dependencies).length + Object.keys(p.value.devDependencies).length > 0,
  );
  if (pkgs.length === 0) {
    if (!required) return undefined;
    if (packageJsons(repo).length > 0) {
      findings.push(
        info("no-npm-dependencies", "package.json declares no dependencies.", { path: packageJsons(repo)[0]?.path }),
      );
      return 0.9;
    }
    findings.push(
      failure(
        "no-package-json",
        "JavaScript/TypeScript code without a package.json declaring its dependencies.",
        undefined,
        {
          remediation: "Add a package.json (npm init) listing the dependencies, and commit the lock file npm creates.",
          docs: "https://docs.npmjs.com/cli/configuring-npm/package-json",
        },
      ),
    );
    return 0;
  }
  let sum = 0;
  for (const p of pkgs) {
    const lock = lockFor(repo, p.path);
    if (lock) {
      findings.push(info("npm-lock-file", `${p.path} is locked by ${lock}.`, { path: lock }));
      sum += 1;
      continue;
    }
    const specs =
      Object.values(p.value.dependencies).length > 0
        ? Object.values(p.value.dependencies)
        : Object.values(p.value.devDependencies);
    const kinds = specs.map(npmConstraint).filter((k): k is keyof typeof PIN_WEIGHT => k !== undefined);
    const mean = kinds.length === 0 ? 1 : kinds.reduce((s, k) => s + PIN_WEIGHT[k], 0) / kinds.length;
    const score = 0.4 + 0.6 * mean;
    const exact = kinds.filter((k) => k === "exact").length;
    if (score >= 0.85)
      findings.push(
        info("npm-pinned", `${p.path} pins exact versions (${exact} of ${kinds.length}) but has no lock file.`, {
          path: p.path,
        }),
      );
    else
      findings.push(
        warning(
          "npm-no-lock",
          `${p.path} declares version ranges (${exact} of ${kinds.length} exact) and no lock file is committed.`,
          { path: p.path },
          {
            remediation:
              "Commit the lock file (package-lock.json, pnpm-lock.yaml or yarn.lock) so installs are reproducible.",
            docs: NPM_DOCS,
          },
        ),
      );
    sum += score;
  }
  return sum / pkgs.length;
}
