/**
 * The project's manifests, parsed: pyproject.toml, setup.cfg, tox.ini, package.json and the
 * Python tools' own config files. Parsed once per scan (memoised per view); a file that does
 * not parse becomes a finding with its line, never an exception.
 */
import type { Finding, ReadRequest, RepoView } from "../../src/engine/check.js";
import { failure } from "../../src/engine/check.js";
import { isOwnCode } from "./languages.js";
import { parseJson, parseToml } from "./parse.js";
import { type IniFile, parsePythonIni } from "./project-ini.js";
import { tomlKeyLines } from "./project-toml.js";

export { type DeclaredDependency, declaredDependencies, normaliseName } from "./project-deps.js";
export { type PythonTool, pythonToolConfig, type ToolConfig } from "./project-tools.js";

/** Manifests and tool configs, read first (priority 0): most checks hinge on them. */
export const PROJECT_READ: ReadRequest = {
  globs: [
    "**/pyproject.toml",
    "**/setup.cfg",
    "**/setup.py",
    "**/tox.ini",
    "**/tox.toml",
    "**/noxfile.py",
    "**/{pytest,.pytest}.ini",
    "**/.coveragerc",
    "**/{mypy,.mypy}.ini",
    "**/{ruff,.ruff}.toml",
    "**/.flake8",
    "**/{.pylintrc,pylintrc}",
    "**/.isort.cfg",
    "**/pyrightconfig.json",
    "**/package.json",
    "**/tsconfig.json",
    "**/tsconfig.{base,build,app,node,lib}.json",
    "**/{jest,vitest,vite}.config.{js,ts,mjs,cjs,mts,cts,json}",
    "**/{.nycrc,.nycrc.json,.c8rc,.c8rc.json}",
    "**/{codecov,.codecov}.{yml,yaml}",
    "**/.coveralls.yml",
  ],
  maxFiles: 80,
  priority: 0,
};

/** A parsed TOML manifest, with the line of every key ("tool.pytest.ini_options.addopts"). */
export interface TomlManifest {
  readonly path: string;
  readonly text: string;
  readonly value?: Record<string, unknown>;
  readonly error?: { readonly message: string; readonly line?: number };
  readonly keyLines: ReadonlyMap<string, number>;
}

/** The parts of package.json the checks read, normalised (bad shapes become empty). */
export interface PackageJson {
  readonly name?: string;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly optionalDependencies: Readonly<Record<string, string>>;
  /** The whole document, for tool keys such as `jest`, `nyc`, `c8`, `license`. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One package.json of the project's own (never under node_modules). */
export interface PackageJsonFile {
  readonly path: string;
  readonly text: string;
  readonly value: PackageJson;
  readonly error?: { readonly message: string; readonly line?: number };
}

/** An INI file (setup.cfg, tox.ini, .coveragerc...) in configparser's dialect. */
export interface IniManifest extends IniFile {
  readonly path: string;
}

interface ProjectFacts {
  readonly tomls: readonly TomlManifest[];
  readonly packageJsons: readonly PackageJsonFile[];
  readonly inis: readonly IniManifest[];
  readonly jsons: readonly { path: string; value?: unknown; error?: { message: string; line?: number } }[];
}

const INI_NAMES =
  /(^|\/)(setup\.cfg|tox\.ini|\.?pytest\.ini|\.coveragerc|\.?mypy\.ini|\.flake8|\.?pylintrc|\.isort\.cfg)$/;
const TOML_NAMES = /(^|\/)(pyproject\.toml|\.?ruff\.toml|tox\.toml)$/;
const cache = new WeakMap<RepoView, ProjectFacts>();

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}

/** Normalise a parsed package.json document. */
export function toPackageJson(value: unknown): PackageJson {
  const raw = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {
    ...(typeof raw.name === "string" ? { name: raw.name } : {}),
    scripts: stringRecord(raw.scripts),
    dependencies: stringRecord(raw.dependencies),
    devDependencies: stringRecord(raw.devDependencies),
    peerDependencies: stringRecord(raw.peerDependencies),
    optionalDependencies: stringRecord(raw.optionalDependencies),
    raw,
  };
}

function facts(repo: RepoView): ProjectFacts {
  const hit = cache.get(repo);
  if (hit) return hit;
  const files = repo.read(PROJECT_READ.globs).filter((f) => isOwnCode(f.path));
  const tomls: TomlManifest[] = [];
  const packageJsons: PackageJsonFile[] = [];
  const inis: IniManifest[] = [];
  const jsons: ProjectFacts["jsons"][number][] = [];
  for (const { path, text } of files) {
    if (TOML_NAMES.test(path)) {
      const parsed = parseToml(text);
      const keyLines = tomlKeyLines(text);
      if (parsed.ok) tomls.push({ path, text, value: parsed.value, keyLines });
      else
        tomls.push({
          path,
          text,
          keyLines,
          error: { message: parsed.error, ...(parsed.line !== undefined ? { line: parsed.line } : {}) },
        });
    } else if (INI_NAMES.test(path)) {
      inis.push({ path, ...parsePythonIni(text) });
    } else if (/(^|\/)package\.json$/.test(path)) {
      const parsed = parseJson(text);
      packageJsons.push(
        parsed.ok
          ? { path, text, value: toPackageJson(parsed.value) }
          : {
              path,
              text,
              value: toPackageJson(undefined),
              error: { message: parsed.error, ...(parsed.line !== undefined ? { line: parsed.line } : {}) },
            },
      );
    } else if (/(^|\/)pyrightconfig\.json$/.test(path)) {
      const parsed = parseJson(text);
      jsons.push(
        parsed.ok
          ? { path, value: parsed.value }
          : { path, error: { message: parsed.error, ...(parsed.line !== undefined ? { line: parsed.line } : {}) } },
      );
    }
  }
  const result = { tomls, packageJsons, inis, jsons };
  cache.set(repo, result);
  return result;
}

/** Every TOML manifest read (pyproject.toml, ruff.toml, tox.toml), parsed or not. */
export function tomlManifests(repo: RepoView): readonly TomlManifest[] {
  return facts(repo).tomls;
}

/** Every INI manifest read (setup.cfg, tox.ini, pytest.ini, .coveragerc, mypy.ini, .flake8, .pylintrc). */
export function iniManifests(repo: RepoView): readonly IniManifest[] {
  return facts(repo).inis;
}

/** JSON tool configs read (pyrightconfig.json). */
export function jsonManifests(repo: RepoView): ProjectFacts["jsons"] {
  return facts(repo).jsons;
}

/** Every pyproject.toml of the project's own, shallowest first. */
export function pyprojects(repo: RepoView): readonly TomlManifest[] {
  return facts(repo)
    .tomls.filter((t) => /(^|\/)pyproject\.toml$/.test(t.path))
    .sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
}

/** The project's pyproject.toml: the root one, else the shallowest. */
export function pyproject(repo: RepoView): TomlManifest | undefined {
  return pyprojects(repo)[0];
}

/** Every package.json of the project's own (not under node_modules), shallowest first. */
export function packageJsons(repo: RepoView): readonly PackageJsonFile[] {
  return [...facts(repo).packageJsons].sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
}

function depth(path: string): number {
  return path.split("/").length;
}

const FORMAT_DOCS: Record<string, { format: string; docs: string }> = {
  "pyproject.toml": { format: "TOML", docs: "https://packaging.python.org/en/latest/guides/writing-pyproject-toml/" },
  "package.json": { format: "JSON", docs: "https://docs.npmjs.com/cli/configuring-npm/package-json" },
  "setup.cfg": { format: "INI", docs: "https://setuptools.pypa.io/en/latest/userguide/declarative_config.html" },
  "tox.ini": { format: "INI", docs: "https://tox.wiki/en/latest/config.html" },
};

function formatOf(path: string): { format: string; docs: string } {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const known = FORMAT_DOCS[base];
  if (known) return known;
  if (base.endsWith(".toml")) return { format: "TOML", docs: "https://toml.io/en/v1.0.0" };
  if (base.endsWith(".json")) return { format: "JSON", docs: "https://www.json.org/json-en.html" };
  return { format: "INI", docs: "https://docs.python.org/3/library/configparser.html#supported-ini-file-structure" };
}

/** One finding per manifest that does not parse, with its file and line. */
export function parseErrors(repo: RepoView): Finding[] {
  const f = facts(repo);
  const broken: { path: string; message: string; line?: number }[] = [
    ...f.tomls.flatMap((t) => (t.error ? [{ path: t.path, ...t.error }] : [])),
    ...f.inis.flatMap((i) => (i.error ? [{ path: i.path, ...i.error }] : [])),
    ...f.packageJsons.flatMap((p) => (p.error ? [{ path: p.path, ...p.error }] : [])),
    ...f.jsons.flatMap((j) => (j.error ? [{ path: j.path, ...j.error }] : [])),
  ];
  return broken
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((b) => {
      const { format, docs } = formatOf(b.path);
      return failure(
        "manifest-unparsable",
        `${b.path} is not valid ${format}: ${b.message}`,
        { path: b.path, ...(b.line !== undefined ? { line: b.line } : {}) },
        { remediation: `Fix the ${format} syntax of ${b.path}: the tools that read it fail on it too.`, docs },
      );
    });
}
