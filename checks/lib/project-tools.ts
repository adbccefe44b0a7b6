/**
 * A Python tool's settings wherever the tool reads them: `[tool.<tool>]` in pyproject.toml,
 * `[tool:<tool>]`/`[<tool>]` in setup.cfg, `[<tool>]` in tox.ini, and the tool's own file.
 */
import type { RepoView } from "../../src/engine/check.js";
import { type IniManifest, iniManifests, jsonManifests, type TomlManifest, tomlManifests } from "./project.js";
import { type IniSection, iniLines, parsePythonIni } from "./project-ini.js";

/** The Python tools whose configuration can be looked up. `tox` gives `[tox]`, `[testenv]`, `[testenv:*]`. */
export type PythonTool =
  | "pytest"
  | "coverage"
  | "ruff"
  | "black"
  | "isort"
  | "flake8"
  | "pylint"
  | "mypy"
  | "pyright"
  | "tox";

/**
 * One place a tool is configured. Single-section tools (pytest, flake8, mypy, isort) give their
 * keys; multi-section ones (coverage, pylint, tox) give `{ run: {...}, report: {...} }`.
 */
export interface ToolConfig {
  readonly path: string;
  /** Line of the section or table header; absent for a whole-file config (ruff.toml). */
  readonly line?: number;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Line of each key, by dotted path inside `settings` ("report.fail_under"). */
  readonly keyLines: Readonly<Record<string, number>>;
}

const base = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function dig(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const p of path) v = asRecord(v)?.[p];
  return v;
}

/** Key lines under a TOML table, relative to it. */
function linesUnder(toml: TomlManifest, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  const head = `${prefix}.`;
  for (const [k, line] of toml.keyLines) if (k.startsWith(head)) out[k.slice(head.length)] = line;
  return out;
}

function fromToml(toml: TomlManifest, table: readonly string[]): ToolConfig | undefined {
  const settings = asRecord(dig(toml.value, table));
  if (!settings) return undefined;
  const prefix = table.join(".");
  const line = toml.keyLines.get(prefix) ?? firstLineUnder(toml, prefix);
  return { path: toml.path, ...(line !== undefined ? { line } : {}), settings, keyLines: linesUnder(toml, prefix) };
}

function firstLineUnder(toml: TomlManifest, prefix: string): number | undefined {
  let best: number | undefined;
  for (const [k, line] of toml.keyLines)
    if (k.startsWith(`${prefix}.`) && (best === undefined || line < best)) best = line;
  return best;
}

function fromPyproject(toml: TomlManifest, tool: PythonTool): ToolConfig[] {
  if (!toml.value) return [];
  if (tool === "pytest") {
    // pytest < 9 reads only `ini_options`; pytest 9 also reads native keys in `[tool.pytest]`.
    const ini = fromToml(toml, ["tool", "pytest", "ini_options"]);
    const native = fromToml(toml, ["tool", "pytest"]);
    const nativeKeys = native && Object.keys(native.settings).filter((k) => k !== "ini_options");
    const out: ToolConfig[] = ini ? [ini] : [];
    if (native && nativeKeys && nativeKeys.length > 0)
      out.push({
        ...native,
        settings: Object.fromEntries(nativeKeys.map((k) => [k, native.settings[k]])),
      });
    return out;
  }
  if (tool === "tox") {
    const cfg = fromToml(toml, ["tool", "tox"]);
    const legacy = cfg?.settings.legacy_tox_ini;
    if (cfg && typeof legacy === "string") {
      // A newline right after the opening quotes is not part of the string: the INI starts a line below.
      const keyLine = cfg.keyLines.legacy_tox_ini ?? 1;
      const opening = toml.text.split(/\r\n|\r|\n/)[keyLine - 1] ?? "";
      const offset = /("""|''')\s*$/.test(opening) ? keyLine : keyLine - 1;
      return [fromIniSections(toml.path, parsePythonIni(legacy).sections, tool, offset)].flatMap((c) => c ?? []);
    }
    return cfg ? [cfg] : [];
  }
  const cfg = fromToml(toml, ["tool", tool]);
  return cfg ? [cfg] : [];
}

/** Which INI sections hold a tool's settings, by file name; `null` section suffix = nested by suffix. */
function sectionsFor(file: string, tool: PythonTool): { names: readonly string[]; nestedPrefix?: string } | undefined {
  const own: Partial<Record<PythonTool, readonly string[]>> = {
    pytest: ["pytest.ini", ".pytest.ini"],
    coverage: [".coveragerc"],
    flake8: [".flake8"],
    pylint: [".pylintrc", "pylintrc"],
    mypy: ["mypy.ini", ".mypy.ini"],
    isort: [".isort.cfg"],
  };
  if (own[tool]?.includes(file)) {
    if (tool === "coverage") return { names: [], nestedPrefix: "" };
    if (tool === "pylint") return { names: [], nestedPrefix: "" };
    if (tool === "isort") return { names: ["settings", "isort"] };
    return { names: [tool] };
  }
  if (file === "setup.cfg") {
    if (tool === "pytest") return { names: ["tool:pytest"] };
    if (tool === "coverage") return { names: [], nestedPrefix: "coverage:" };
    if (tool === "pylint") return { names: [], nestedPrefix: "pylint." };
    if (tool === "isort") return { names: ["isort", "tool:isort"] };
    if (tool === "flake8" || tool === "mypy") return { names: [tool] };
  }
  if (file === "tox.ini") {
    if (tool === "pytest" || tool === "flake8" || tool === "isort") return { names: [tool] };
    if (tool === "coverage") return { names: [], nestedPrefix: "coverage:" };
    if (tool === "tox") return { names: [], nestedPrefix: "" };
  }
  return undefined;
}

function fromIniSections(
  path: string,
  sections: readonly IniSection[],
  tool: PythonTool,
  offset = 0,
  nestedPrefix = "",
): ToolConfig | undefined {
  const chosen = sections.filter((s) => tool !== "tox" || s.name === "tox" || /^testenv(:|$)/.test(s.name));
  const matching = chosen.filter((s) => s.name.toLowerCase().startsWith(nestedPrefix));
  if (matching.length === 0) return undefined;
  const settings: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  for (const s of matching) {
    // coverage.py's .coveragerc accepts `[run]` and `[coverage:run]` alike.
    const name = s.name
      .toLowerCase()
      .slice(nestedPrefix.length)
      .replace(/^coverage:/, "");
    settings[name] = { ...(asRecord(settings[name]) ?? {}), ...s.values };
    for (const [k, line] of Object.entries(s.lines)) keyLines[`${name}.${k}`] = line + offset;
  }
  const line = Math.min(...matching.map((s) => s.line)) + offset;
  return { path, line, settings, keyLines };
}

function fromIni(ini: IniManifest, tool: PythonTool): ToolConfig[] {
  const spec = sectionsFor(base(ini.path), tool);
  if (!spec) return [];
  if (spec.nestedPrefix !== undefined) {
    const cfg = fromIniSections(ini.path, ini.sections, tool, 0, spec.nestedPrefix);
    return cfg ? [cfg] : [];
  }
  const out: ToolConfig[] = [];
  for (const s of ini.sections) {
    if (!spec.names.includes(s.name)) continue;
    out.push({ path: ini.path, line: s.line, settings: { ...s.values }, keyLines: { ...s.lines } });
  }
  // pytest.ini counts as pytest's config even when empty (pytest stops its search there).
  if (out.length === 0 && tool === "pytest" && /^\.?pytest\.ini$/.test(base(ini.path)))
    out.push({ path: ini.path, settings: {}, keyLines: {} });
  return out;
}

/** Every place the tool is configured in the project, shallowest file first. */
export function pythonToolConfig(repo: RepoView, tool: PythonTool): ToolConfig[] {
  const out: ToolConfig[] = [];
  for (const toml of tomlManifests(repo)) {
    const name = base(toml.path);
    if (name === "pyproject.toml") out.push(...fromPyproject(toml, tool));
    else if (tool === "ruff" && /^\.?ruff\.toml$/.test(name) && toml.value)
      out.push({ path: toml.path, settings: toml.value, keyLines: Object.fromEntries(toml.keyLines) });
    else if (tool === "tox" && name === "tox.toml" && toml.value)
      out.push({ path: toml.path, settings: toml.value, keyLines: Object.fromEntries(toml.keyLines) });
  }
  for (const ini of iniManifests(repo)) out.push(...fromIni(ini, tool));
  if (tool === "pyright")
    for (const json of jsonManifests(repo)) {
      const value = asRecord(json.value);
      if (value) out.push({ path: json.path, settings: value, keyLines: {} });
    }
  return out.sort((a, b) => a.path.split("/").length - b.path.split("/").length || (a.path < b.path ? -1 : 1));
}

/** A setting as text: INI values are strings already, TOML ones may be arrays (`addopts = ["--cov"]`). */
export function settingText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(settingText).join(" ");
  return "";
}

/** A list setting: TOML arrays as they are, INI values split on lines and whitespace. */
export function settingList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(settingText).filter((s) => s !== "");
  return iniLines(settingText(value)).flatMap((l) => l.split(/[\s,]+/).filter((s) => s !== ""));
}
