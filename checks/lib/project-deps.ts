/**
 * Dependencies declared in manifests: PEP 621 and PEP 735 tables, Poetry, PDM, uv,
 * setup.cfg, setup.py's literal `install_requires`, and package.json. Requirements files and
 * Pipfile are read by `requirements.ts`.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "./languages.js";
import { lineOfOffset } from "./parse.js";
import { iniManifests, packageJsons, type TomlManifest, tomlManifests } from "./project.js";
import { lineOfLiteral } from "./project-toml.js";

/** One declared dependency. `dev` is true for dev/test/lint groups and devDependencies. */
export interface DeclaredDependency {
  /** PEP 503-normalised for Python; as written for npm. */
  readonly name: string;
  readonly ecosystem: "python" | "npm";
  readonly dev: boolean;
  readonly path: string;
  readonly line?: number;
  /** The version constraint as written ("" when none). */
  readonly spec: string;
  /** The extra, group or package.json field it was declared in. */
  readonly group?: string;
}

/** PEP 503: lower-case, runs of `-`, `_` and `.` become one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

const DEV_GROUP =
  /^(dev|devel|develop|development|test|tests|testing|lint|linting|docs?|typing|types|qa|ci|check|checks|style|format|tox|coverage)$/i;
const REQUIREMENT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;

/** Split a PEP 508 requirement into its normalised name and the rest (version and marker). */
export function parseRequirement(text: string): { name: string; spec: string } | undefined {
  const m = REQUIREMENT.exec(text);
  if (!m?.[1] || text.trim().startsWith("-")) return undefined;
  return { name: normaliseName(m[1]), spec: (m[3] ?? "").trim() };
}

type Out = DeclaredDependency[];

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function pushList(out: Out, toml: TomlManifest, list: unknown, key: string, dev: boolean, group?: string): void {
  if (!Array.isArray(list)) return;
  const from = toml.keyLines.get(key) ?? 1;
  for (const item of list) {
    if (typeof item !== "string") continue;
    const req = parseRequirement(item);
    if (!req) continue;
    const line = lineOfLiteral(toml.text, item, from);
    out.push({
      ...req,
      ecosystem: "python",
      dev,
      path: toml.path,
      ...(line ? { line } : {}),
      ...(group ? { group } : {}),
    });
  }
}

function pushTable(out: Out, toml: TomlManifest, table: unknown, key: string, dev: boolean, group?: string): void {
  const record = asRecord(table);
  if (!record) return;
  for (const [name, value] of Object.entries(record)) {
    if (name.toLowerCase() === "python") continue;
    const spec =
      typeof value === "string"
        ? value
        : typeof asRecord(value)?.version === "string"
          ? String(asRecord(value)?.version)
          : "";
    const line = toml.keyLines.get(`${key}.${name}`) ?? toml.keyLines.get(`${key}."${name}"`);
    out.push({
      name: normaliseName(name),
      spec: spec === "*" ? "" : spec,
      ecosystem: "python",
      dev,
      path: toml.path,
      ...(line ? { line } : {}),
      ...(group ? { group } : {}),
    });
  }
}

function fromPyproject(out: Out, toml: TomlManifest): void {
  const v = toml.value;
  if (!v) return;
  const project = asRecord(v.project);
  pushList(out, toml, project?.dependencies, "project.dependencies", false);
  for (const [extra, list] of Object.entries(asRecord(project?.["optional-dependencies"]) ?? {}))
    pushList(out, toml, list, `project.optional-dependencies.${extra}`, DEV_GROUP.test(extra), extra);
  for (const [group, list] of Object.entries(asRecord(v["dependency-groups"]) ?? {}))
    pushList(out, toml, list, `dependency-groups.${group}`, group !== "main", group);
  const tool = asRecord(v.tool);
  const poetry = asRecord(tool?.poetry);
  pushTable(out, toml, poetry?.dependencies, "tool.poetry.dependencies", false);
  pushTable(out, toml, poetry?.["dev-dependencies"], "tool.poetry.dev-dependencies", true, "dev");
  for (const [group, body] of Object.entries(asRecord(poetry?.group) ?? {}))
    pushTable(
      out,
      toml,
      asRecord(body)?.dependencies,
      `tool.poetry.group.${group}.dependencies`,
      group !== "main",
      group,
    );
  pushList(out, toml, asRecord(tool?.uv)?.["dev-dependencies"], "tool.uv.dev-dependencies", true, "dev");
  for (const [group, list] of Object.entries(asRecord(asRecord(tool?.pdm)?.["dev-dependencies"]) ?? {}))
    pushList(out, toml, list, `tool.pdm.dev-dependencies.${group}`, true, group);
}

function fromSetupCfg(out: Out, repo: RepoView): void {
  for (const ini of iniManifests(repo)) {
    if (!/(^|\/)setup\.cfg$/.test(ini.path)) continue;
    for (const section of ini.sections) {
      const push = (key: string, dev: boolean, group?: string) => {
        for (const item of section.items[key] ?? []) {
          const req = parseRequirement(item.text);
          if (!req) continue;
          out.push({ ...req, ecosystem: "python", dev, path: ini.path, line: item.line, ...(group ? { group } : {}) });
        }
      };
      if (section.name === "options") {
        push("install_requires", false);
        push("tests_require", true, "tests_require");
      } else if (section.name === "options.extras_require") {
        for (const extra of Object.keys(section.values)) push(extra, DEV_GROUP.test(extra), extra);
      }
    }
  }
}

/** setup.py: only a literal list after `install_requires=`; a variable or a function call is not followed. */
function fromSetupPy(out: Out, repo: RepoView): void {
  for (const file of repo.read("**/setup.py")) {
    if (!isOwnCode(file.path)) continue;
    for (const key of ["install_requires", "tests_require"] as const) {
      const m = new RegExp(`\\b${key}\\s*=\\s*\\[`).exec(file.text);
      if (!m) continue;
      const start = m.index + m[0].length;
      const end = file.text.indexOf("]", start);
      const body = file.text.slice(start, end === -1 ? undefined : end);
      for (const lit of body.matchAll(/#[^\n]*|"([^"\n]*)"|'([^'\n]*)'/g)) {
        const item = lit[1] ?? lit[2];
        if (item === undefined) continue;
        const req = parseRequirement(item);
        if (!req) continue;
        const line = lineOfOffset(file.text, start + (lit.index ?? 0));
        out.push({ ...req, ecosystem: "python", dev: key === "tests_require", path: file.path, line });
      }
    }
  }
}

const NPM_FIELDS = [
  ["dependencies", false],
  ["devDependencies", true],
  ["peerDependencies", false],
  ["optionalDependencies", false],
] as const;

function fromPackageJsons(out: Out, repo: RepoView): void {
  for (const pkg of packageJsons(repo)) {
    for (const [field, dev] of NPM_FIELDS) {
      const fieldAt = pkg.text.search(new RegExp(`"${field}"\\s*:`));
      for (const [name, spec] of Object.entries(pkg.value[field])) {
        const at = fieldAt === -1 ? -1 : pkg.text.indexOf(`"${name}"`, fieldAt);
        out.push({
          name,
          spec,
          ecosystem: "npm",
          dev,
          path: pkg.path,
          group: field,
          ...(at !== -1 ? { line: lineOfOffset(pkg.text, at) } : {}),
        });
      }
    }
  }
}

const cache = new WeakMap<RepoView, readonly DeclaredDependency[]>();

/** Every dependency declared in the project's manifests (memoised per view). */
export function declaredDependencies(repo: RepoView): readonly DeclaredDependency[] {
  const hit = cache.get(repo);
  if (hit) return hit;
  const out: Out = [];
  for (const toml of tomlManifests(repo)) {
    if (/(^|\/)pyproject\.toml$/.test(toml.path)) fromPyproject(out, toml);
  }
  fromSetupCfg(out, repo);
  fromSetupPy(out, repo);
  fromPackageJsons(out, repo);
  cache.set(repo, out);
  return out;
}
