/**
 * Dependency lists beside pip's: conda `environment.yml` (match specs with versions and build
 * strings, and a nested `pip:` list) and Pipenv's `Pipfile` (TOML).
 */
import { parseToml, parseYaml } from "./parse.js";
import {
  type Constraint,
  classifySpec,
  type Include,
  normalizeName,
  parsePip,
  type Requirement,
  type RequirementsFile,
} from "./requirements-pip.js";

/** A conda match spec: `numpy=1.24.3=py310h...`, `numpy==1.24`, `numpy >=1.20`, `conda-forge::numpy`. */
function condaSpec(spec: string, line: number): Requirement | undefined {
  const s = spec.replace(/^[\w./-]+::/, "").trim();
  const m = /^([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/.exec(s);
  if (!m?.[1]) return undefined;
  const name = m[1];
  let rest = (m[2] ?? "").trim();
  let build: string | undefined;
  const parts = rest.startsWith("=") && !rest.startsWith("==") ? rest.slice(1).split("=") : undefined;
  if (parts) {
    rest = parts[0] ? `=${parts[0]}` : "";
    if (parts[1]) build = parts[1];
  } else if (/\s/.test(rest) && !/^[<>=!~]/.test(rest)) {
    const [version, b] = rest.split(/\s+/);
    rest = version ? `=${version}` : "";
    if (b) build = b;
  }
  const fuzzy = rest.startsWith("=") && !rest.startsWith("==");
  const constraint: Constraint = fuzzy ? (rest.includes("*") ? "bounded" : "exact") : classifySpec(rest);
  return {
    name,
    key: normalizeName(name),
    spec: rest,
    pinned: constraint === "exact",
    constraint,
    line,
    kind: "pep508",
    dev: false,
    ...(build ? { build } : {}),
  };
}

/** Parse a conda environment file. */
export function parseConda(text: string, path: string): RequirementsFile {
  const entries: Requirement[] = [];
  const includes: Include[] = [];
  const errors: { message: string; line?: number }[] = [];
  const parsed = parseYaml(text);
  if (!parsed.ok)
    return {
      path,
      format: "conda",
      entries,
      includes,
      options: [],
      errors: [{ message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) }],
    };
  const value = parsed.value.value as { dependencies?: unknown } | null;
  const deps = value && typeof value === "object" ? value.dependencies : undefined;
  if (!Array.isArray(deps)) return { path, format: "conda", entries, includes, options: [], errors };
  deps.forEach((dep, i) => {
    const line = parsed.value.lineOf(["dependencies", i]) ?? 1;
    if (typeof dep === "string" || typeof dep === "number") {
      const r = condaSpec(String(dep), line);
      if (r) entries.push(r);
      else errors.push({ message: `not a conda package spec: ${String(dep).slice(0, 60)}`, line });
    } else if (dep && typeof dep === "object" && Array.isArray((dep as { pip?: unknown }).pip)) {
      // The nested `pip:` list is requirements-file syntax, one line per item.
      (dep as { pip: unknown[] }).pip.forEach((p, j) => {
        const pl = parsed.value.lineOf(["dependencies", i, "pip", j]) ?? line;
        const sub = parsePip(String(p), path);
        for (const e of sub.entries) entries.push({ ...e, line: pl });
        for (const inc of sub.includes) includes.push({ ...inc, line: pl });
        for (const e of sub.errors) errors.push({ ...e, line: pl });
      });
    }
  });
  return { path, format: "conda", entries, includes, options: [], errors };
}

function pipfileLine(text: string, section: string, name: string): number {
  const lines = text.split(/\r\n|\n|\r/);
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? "").trim();
    if (l.startsWith("[")) inSection = l === `[${section}]`;
    else if (inSection && new RegExp(`^["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*=`, "i").test(l))
      return i + 1;
  }
  return 1;
}

/** Parse a Pipfile. */
export function parsePipfile(text: string, path: string): RequirementsFile {
  const entries: Requirement[] = [];
  const parsed = parseToml(text);
  if (!parsed.ok)
    return {
      path,
      format: "pipfile",
      entries,
      includes: [],
      options: [],
      errors: [{ message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) }],
    };
  for (const section of ["packages", "dev-packages"]) {
    const table = parsed.value[section];
    if (!table || typeof table !== "object") continue;
    for (const [name, raw] of Object.entries(table as Record<string, unknown>)) {
      const line = pipfileLine(text, section, name);
      const o = typeof raw === "object" && raw ? (raw as Record<string, unknown>) : { version: raw };
      const version = typeof o.version === "string" && o.version !== "*" ? o.version : "";
      const vcs = ["git", "hg", "svn", "bzr"].find((k) => typeof o[k] === "string");
      const local = typeof o.path === "string" || typeof o.file === "string";
      const ref = typeof o.ref === "string" ? o.ref : "";
      const constraint: Constraint = vcs ? (/^[0-9a-f]{7,40}$/.test(ref) ? "exact" : "none") : classifySpec(version);
      const extras = Array.isArray(o.extras) ? o.extras.map(String) : undefined;
      entries.push({
        name,
        key: normalizeName(name),
        spec: version,
        pinned: constraint === "exact",
        constraint,
        line,
        kind: vcs ? "url" : local ? "local" : "pep508",
        dev: section === "dev-packages",
        ...(extras ? { extras } : {}),
        ...(typeof o.markers === "string" ? { marker: o.markers } : {}),
        ...(o.editable === true ? { editable: true } : {}),
      });
    }
  }
  return { path, format: "pipfile", entries, includes: [], options: [], errors: [] };
}
